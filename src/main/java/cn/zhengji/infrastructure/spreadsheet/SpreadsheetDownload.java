package cn.zhengji.infrastructure.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/**
 * R-X-2 Streams one worksheet of an Excel (.xlsx) download straight to the response, row
 * by row, with fastexcel: memory stays constant however many rows the query yields (the
 * caller streams them from a cursor). Every cell is written as text except numbers, so ID
 * and phone numbers keep their leading digits and never turn into 1.3E+10.
 *
 * <pre>
 * SpreadsheetDownload.write(response, "作品清单.xlsx", "作品", List.of("编号", "名称"), sheet -&gt;
 *     jdbc.sql(...).withFetchSize(1000).query(rs -&gt; sheet.row(rs.getLong(1), rs.getString(2))));
 * </pre>
 */
public final class SpreadsheetDownload {

	public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private SpreadsheetDownload() {
	}

	/** Rows of the sheet being written; the header row is already there. */
	public interface Rows {

		/**
		 * Appends a row. Cells may be null (left empty), numbers (written as numbers),
		 * dates and instants (written as text; instants in the sheet's time zone, and
		 * only in a sheet that has one) or anything else (written as its text).
		 */
		void row(Object... cells);

		/** How many rows (without the header) have been written. */
		long count();

	}

	@FunctionalInterface
	public interface Body {

		void write(Rows rows) throws IOException;

	}

	/**
	 * Sets the download headers and streams the workbook, which holds no instants, to the
	 * response.
	 */
	public static long write(HttpServletResponse response, String fileName, String sheetName, List<String> headers,
			Body body) throws IOException {
		return write(response, fileName, sheetName, headers, null, body);
	}

	/**
	 * Sets the download headers and streams the workbook to the response.
	 * @param zone the time zone instants are shown in: the campaign's, or the platform's
	 * display time zone for a list across campaigns
	 */
	public static long write(HttpServletResponse response, String fileName, String sheetName, List<String> headers,
			ZoneId zone, Body body) throws IOException {
		response.setContentType(CONTENT_TYPE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return write(response.getOutputStream(), sheetName, headers, zone, body);
	}

	/**
	 * Streams a workbook that holds no instants to any output stream; returns the number
	 * of data rows.
	 */
	public static long write(OutputStream out, String sheetName, List<String> headers, Body body) throws IOException {
		return write(out, sheetName, headers, null, body);
	}

	/**
	 * Streams the workbook to any output stream (tests, benchmarks); returns the number
	 * of data rows.
	 * @param zone the time zone instants are shown in, or null for a sheet without
	 * instants
	 */
	public static long write(OutputStream out, String sheetName, List<String> headers, ZoneId zone, Body body)
			throws IOException {
		Workbook workbook = new Workbook(out, "Zhengji", "1.0");
		Worksheet sheet = workbook.newWorksheet(sheetName);
		for (int column = 0; column < headers.size(); column++) {
			sheet.value(0, column, headers.get(column));
			sheet.style(0, column).bold().fillColor("DDE6F0").set();
			sheet.width(column, Math.max(10, Math.min(40, headers.get(column).length() * 3)));
		}
		sheet.freezePane(0, 1);
		SheetRows rows = new SheetRows(sheet, zone);
		try {
			body.write(rows);
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		workbook.finish();
		return rows.count;
	}

	/**
	 * One worksheet of a workbook with several (issue 14: the year-end summary, one sheet
	 * per table).
	 *
	 * @param name the worksheet's name (at most 31 characters)
	 */
	public record Sheet(String name, List<String> headers, Body body) {

		public Sheet {
			headers = List.copyOf(headers);
		}
	}

	/**
	 * Sets the download headers and streams a workbook of several sheets, which hold no
	 * instants, to the response; returns the number of data rows of all sheets.
	 */
	public static long writeSheets(HttpServletResponse response, String fileName, List<Sheet> sheets)
			throws IOException {
		response.setContentType(CONTENT_TYPE);
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		return writeSheets(response.getOutputStream(), sheets);
	}

	/**
	 * Streams a workbook of several sheets, in the given order, to any output stream;
	 * returns the number of data rows of all sheets.
	 */
	public static long writeSheets(OutputStream out, List<Sheet> sheets) throws IOException {
		Workbook workbook = new Workbook(out, "Zhengji", "1.0");
		long count = 0;
		for (Sheet each : sheets) {
			Worksheet sheet = workbook.newWorksheet(each.name());
			List<String> headers = each.headers();
			for (int column = 0; column < headers.size(); column++) {
				sheet.value(0, column, headers.get(column));
				sheet.style(0, column).bold().fillColor("DDE6F0").set();
				sheet.width(column, Math.max(10, Math.min(40, headers.get(column).length() * 3)));
			}
			sheet.freezePane(0, 1);
			SheetRows rows = new SheetRows(sheet, null);
			try {
				each.body().write(rows);
			}
			catch (UncheckedIOException ex) {
				throw ex.getCause();
			}
			count += rows.count;
		}
		workbook.finish();
		return count;
	}

	private static final class SheetRows implements Rows {

		private final Worksheet sheet;

		private final ZoneId zone;

		private long count;

		SheetRows(Worksheet sheet, ZoneId zone) {
			this.sheet = sheet;
			this.zone = zone;
		}

		@Override
		public void row(Object... cells) {
			int r = (int) ++count;
			for (int c = 0; c < cells.length; c++) {
				Object cell = cells[c];
				switch (cell) {
					case null -> {
					}
					// Text is written inline: value(..., String) would keep every
					// distinct string in
					// fastexcel's shared-string table until the end, so memory would grow
					// with the rows
					// (docs/performance.md, "Excel export").
					case Number number -> sheet.value(r, c, number);
					case Instant instant -> sheet.inlineString(r, c, DATE_TIME.format(instant.atZone(shownIn())));
					case LocalDate date -> sheet.inlineString(r, c, date.toString());
					// Yes or no is worded by the caller from messages: the sheet holds no
					// words of its own.
					case Boolean bool -> throw new IllegalArgumentException("word a yes/no cell as text: " + bool);
					default -> sheet.inlineString(r, c, cell.toString());
				}
			}
			if (count % 10_000 == 0) {
				try {
					// fastexcel keeps rows until flushed; flushing keeps memory constant.
					sheet.flush();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}

		private ZoneId shownIn() {
			if (zone == null) {
				// Which zone is the caller's to say (the campaign's or the display zone),
				// not a guess here.
				throw new IllegalStateException("an instant in a sheet written without a time zone");
			}
			return zone;
		}

		@Override
		public long count() {
			return count;
		}

	}

}
