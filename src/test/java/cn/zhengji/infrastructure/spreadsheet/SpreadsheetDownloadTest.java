package cn.zhengji.infrastructure.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The written workbook reads back in POI (Excel's reader) cell by cell, text written
 * inline.
 */
class SpreadsheetDownloadTest {

	@Test
	void rowsReadBackWithNumbersAsNumbersAndEverythingElseAsText() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		long rows = SpreadsheetDownload.write(out, "作品", List.of("编号", "名称", "提交时间", "日期", "手机号", "推荐"),
				ZoneId.of("Asia/Shanghai"), sheet -> {
					sheet.row(1L, "春风十里", Instant.parse("2026-05-01T02:03:00Z"), LocalDate.of(2026, 5, 1),
							"13800000001", "是");
					sheet.row(2L, null, null, null, "013", "否");
				});

		assertThat(rows).isEqualTo(2);
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			Sheet sheet = workbook.getSheet("作品");
			assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("名称");
			Row first = sheet.getRow(1);
			assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
			assertThat(first.getCell(0).getNumericCellValue()).isEqualTo(1.0);
			assertThat(first.getCell(1).getStringCellValue()).isEqualTo("春风十里");
			assertThat(first.getCell(2).getStringCellValue()).isEqualTo("2026-05-01 10:03");
			assertThat(first.getCell(3).getStringCellValue()).isEqualTo("2026-05-01");
			assertThat(first.getCell(4).getCellType()).isEqualTo(CellType.STRING);
			assertThat(first.getCell(4).getStringCellValue()).isEqualTo("13800000001");
			assertThat(first.getCell(5).getStringCellValue()).isEqualTo("是");
			Row second = sheet.getRow(2);
			assertThat(second.getCell(1)).isNull();
			assertThat(second.getCell(4).getStringCellValue()).isEqualTo("013");
			assertThat(second.getCell(5).getStringCellValue()).isEqualTo("否");
		}
	}

	@Test
	void instantsAreShownInTheZoneTheCallerNamesAndASheetWithoutOneRefusesThem() throws Exception {
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		SpreadsheetDownload.write(out, "UTC", List.of("时间"), ZoneId.of("UTC"),
				sheet -> sheet.row(Instant.parse("2026-05-01T02:03:00Z")));

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			assertThat(workbook.getSheet("UTC").getRow(1).getCell(0).getStringCellValue())
				.isEqualTo("2026-05-01 02:03");
		}
		assertThatThrownBy(() -> SpreadsheetDownload.write(new ByteArrayOutputStream(), "无时区", List.of("时间"),
				sheet -> sheet.row(Instant.parse("2026-05-01T02:03:00Z"))))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("an instant in a sheet written without a time zone");
	}

}
