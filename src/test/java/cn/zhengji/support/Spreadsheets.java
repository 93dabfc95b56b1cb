package cn.zhengji.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an exported .xlsx back with Apache POI (independent of the fastexcel writer),
 * every cell as text.
 */
public final class Spreadsheets {

	private Spreadsheets() {
	}

	/** All rows of the first sheet, the header row first; missing cells as "". */
	public static List<List<String>> rows(byte[] xlsx) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter();
			int columns = sheet.getRow(0).getLastCellNum();
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < columns; c++) {
					cells.add(row == null || row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

}
