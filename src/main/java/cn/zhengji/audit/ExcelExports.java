package cn.zhengji.audit;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import cn.zhengji.infrastructure.DisplayTimeZone;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.security.StepUp;
import cn.zhengji.infrastructure.spreadsheet.SpreadsheetDownload;
import cn.zhengji.infrastructure.text.CharacterCount;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-X-2, R-X-3 The one way an Excel export leaves the application: streamed by
 * {@link SpreadsheetDownload} and recorded as {@link AuditAction#EXPORTED} with the
 * number of rows actually written, also when the download fails or the client breaks it
 * off (rows may have left the building by then). The event names the exported list by the
 * scheme of {@link ExportedList}: no target id, the subtree the list was drawn from as
 * its organisation, and the filter, the row count and whether the download completed as
 * its state after.
 */
@Service
public class ExcelExports {

	private final AuditLog auditLog;

	private final Texts texts;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	private final DisplayTimeZone displayTimeZone;

	private final StepUp stepUp;

	ExcelExports(AuditLog auditLog, Texts texts, PlatformTransactionManager transactions, Clock clock,
			DisplayTimeZone displayTimeZone, StepUp stepUp) {
		this.stepUp = stepUp;
		this.displayTimeZone = displayTimeZone;
		this.auditLog = auditLog;
		this.texts = texts;
		// The download runs outside (or beside) any transaction; the record is written in
		// its own.
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * One export.
	 *
	 * @param list what one row is (the audit target type)
	 * @param title the name of the list for people: the file is named
	 * {@code <title>-<date>.xlsx} and the audit summary says {@code 导出<title>（n行）}
	 * @param sheet the name of the worksheet (at most 31 characters)
	 * @param organisationPath the subtree the list was drawn from; decides who may read
	 * the event
	 * @param details the filter and any figures the body adds while writing (e.g. how
	 * many rows carry personal data in full); read when the event is written, after the
	 * body
	 */
	public record Export(ExportedList list, String title, String sheet, List<String> headers, String organisationPath,
			Map<String, Object> details) {

		public Export {
			details = details == null ? new LinkedHashMap<>() : details;
		}
	}

	/**
	 * Sets the download headers, streams the rows the body writes and audits the export;
	 * times are shown in the platform's display time zone.
	 */
	public long download(HttpServletResponse response, Export export, SpreadsheetDownload.Body body)
			throws IOException {
		return download(response, export, displayTimeZone.zone(), body);
	}

	/**
	 * As {@link #download(HttpServletResponse, Export, SpreadsheetDownload.Body)}, times
	 * shown in this zone (a campaign's).
	 */
	public long download(HttpServletResponse response, Export export, ZoneId zone, SpreadsheetDownload.Body body)
			throws IOException {
		String fileName = export.title() + "-" + LocalDate.now(clock.withZone(zone)) + ".xlsx";
		Counted counted = new Counted();
		boolean completed = false;
		try {
			SpreadsheetDownload.write(response, fileName, export.sheet(), export.headers(), zone, rows -> {
				counted.rows = rows;
				body.write(rows);
			});
			completed = true;
			return counted.count();
		}
		finally {
			record(export, counted.count(), completed);
		}
	}

	/**
	 * A workbook of several sheets (issue 14, the year-end summary): named
	 * {@code <title>-<date>.xlsx} in the given zone, audited like one sheet, with the
	 * rows of all sheets. {@link Export#sheet()} and {@link Export#headers()} are not
	 * used: each sheet names its own.
	 */
	public long downloadWorkbook(HttpServletResponse response, Export export, ZoneId zone,
			List<SpreadsheetDownload.Sheet> sheets) throws IOException {
		String fileName = export.title() + "-" + LocalDate.now(clock.withZone(zone)) + ".xlsx";
		AtomicLong rows = new AtomicLong();
		List<SpreadsheetDownload.Sheet> counting = sheets.stream()
			.map(sheet -> new SpreadsheetDownload.Sheet(sheet.name(), sheet.headers(), written -> {
				sheet.body().write(written);
				rows.addAndGet(written.count());
			}))
			.toList();
		boolean completed = false;
		try {
			SpreadsheetDownload.writeSheets(response, fileName, counting);
			completed = true;
			return rows.get();
		}
		finally {
			record(export, rows.get(), completed);
		}
	}

	/** The longest stated purpose of an export with personal data in full. */
	public static final int PURPOSE_MAX_LENGTH = 200;

	/**
	 * The rows of an export that may carry personal data in full; the body calls
	 * {@code personShownInFull} once for each person whose data it wrote in full.
	 */
	@FunctionalInterface
	public interface PersonalDataBody {

		void write(SpreadsheetDownload.Rows rows, Runnable personShownInFull) throws IOException;

	}

	/**
	 * R-NOM-2, R-X-3 An export with personal data in full (含完整个人信息). It needs a stated
	 * purpose, and it is recorded — instead of an {@link AuditAction#EXPORTED} event — as
	 * exactly one {@link AuditAction#VIEWED_PERSONAL_DATA} event of the list, with the
	 * purpose and the number of people whose data the file holds in full (as written by
	 * then, also when the download breaks off). Who may ask for it, and whose data is
	 * written in full, is the owning module's rule.
	 * @param purpose the stated purpose (用途), not blank, at most
	 * {@link #PURPOSE_MAX_LENGTH} characters; checked by the form before
	 */
	public long downloadWithPersonalData(HttpServletResponse response, Export export, String purpose,
			PersonalDataBody body) throws IOException {
		if (purpose == null || purpose.isBlank() || CharacterCount.exceeds(purpose.strip(), PURPOSE_MAX_LENGTH)) {
			throw new IllegalArgumentException("An export with personal data in full needs a purpose");
		}
		requireSecondFactor();
		ZoneId zone = displayTimeZone.zone();
		String fileName = export.title() + "-" + LocalDate.now(clock.withZone(zone)) + ".xlsx";
		Counted counted = new Counted();
		AtomicLong people = new AtomicLong();
		boolean completed = false;
		try {
			SpreadsheetDownload.write(response, fileName, export.sheet(), export.headers(), zone, rows -> {
				counted.rows = rows;
				body.write(rows, people::incrementAndGet);
			});
			completed = true;
			return counted.count();
		}
		finally {
			recordPersonalDataView(export, purpose.strip(), counted.count(), people.get(), completed);
		}
	}

	/**
	 * Issue 11 item 4: an export with personal data in full asks for a recent second
	 * factor, before anything is written.
	 */
	private void requireSecondFactor() {
		SignedInUser.current().ifPresent(stepUp::require);
	}

	private void record(Export export, long rows, boolean completed) {
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("filter", export.details());
		after.put("rows", rows);
		after.put("completed", completed);
		String summary = texts.text("audit.export.summary", export.title(), rows);
		ownTransaction.executeWithoutResult(status -> auditLog.recordChange(AuditAction.EXPORTED,
				export.list().targetType(), null, export.organisationPath(), summary, null, after));
	}

	private void recordPersonalDataView(Export export, String purpose, long rows, long people, boolean completed) {
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("filter", export.details());
		after.put("purpose", purpose);
		after.put("rows", rows);
		after.put("people", people);
		after.put("completed", completed);
		String summary = texts.plain("audit.export.personalData.summary", export.title(), rows, people, purpose);
		ownTransaction.executeWithoutResult(status -> auditLog.recordChange(AuditAction.VIEWED_PERSONAL_DATA,
				export.list().targetType(), null, export.organisationPath(), summary, null, after));
	}

	/** The rows of the sheet once writing has begun: none before. */
	private static final class Counted {

		private SpreadsheetDownload.Rows rows;

		long count() {
			return rows == null ? 0 : rows.count();
		}

	}

}
