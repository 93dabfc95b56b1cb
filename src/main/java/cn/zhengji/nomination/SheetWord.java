package cn.zhengji.nomination;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;

import cn.zhengji.infrastructure.Texts;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.TableRowHeightRule;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableCell.XWPFVertAlign;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;
import org.springframework.stereotype.Component;

/**
 * 附件4 as a Word document, built with POI: the same table as the PDF (photo cell over the
 * first five rows at the right, texts and opinions across the width). Rows only have a
 * minimum height, so long texts make them grow and Word breaks them across pages.
 */
@Component
class SheetWord {

	/** Twentieths of a point per millimetre. */
	private static final double TWIPS_PER_MM = 1440 / 25.4;

	private static final int[] COLUMNS_MM = { 30, 40, 30, 42, 28 };

	/** 宋体 and 黑体 by their English family names, which Word resolves to the same fonts. */
	private static final String BODY_FONT = "SimSun";

	private static final String HEADING_FONT = "SimHei";

	private static final String LATIN_FONT = "Times New Roman";

	private final Texts texts;

	SheetWord(Texts texts) {
		this.texts = texts;
	}

	byte[] write(NominationSheet sheet, SheetPhoto photo, String birthMonth) {
		try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			pageSetup(document);
			defaultFonts(document);

			XWPFParagraph annex = document.createParagraph();
			text(annex, texts.text("nomination.sheet.annex"), 16, false, HEADING_FONT);
			XWPFParagraph title = document.createParagraph();
			title.setAlignment(ParagraphAlignment.CENTER);
			title.setSpacingAfter(sheet.campaignTitle() == null ? 240 : 60);
			text(title, texts.text("nomination.sheet.heading"), 20, true, BODY_FONT);
			if (sheet.campaignTitle() != null) {
				XWPFParagraph campaign = document.createParagraph();
				campaign.setAlignment(ParagraphAlignment.CENTER);
				campaign.setSpacingAfter(200);
				text(campaign, sheet.campaignTitle(), 10.5, false, BODY_FONT);
			}

			XWPFTable table = document.createTable(10, COLUMNS_MM.length);
			layout(table);
			String[][] pairs = { { "nomination.field.name", sheet.name(), "nomination.field.sex", sheet.sex() },
					{ "nomination.field.birth-month", birthMonth, "nomination.field.political-status",
							sheet.politicalStatus() },
					{ "nomination.field.account-name", sheet.accountName(), "nomination.field.platform",
							sheet.platform() },
					{ "nomination.field.followers", sheet.followers(), "nomination.field.unit-and-position",
							sheet.unitAndPosition() },
					{ "nomination.field.mobile", sheet.mobile(), "nomination.field.id-number", sheet.idNumber() } };
			for (int r = 0; r < pairs.length; r++) {
				XWPFTableRow row = table.getRow(r);
				minimumHeight(row, 10);
				label(row.getCell(0), texts.text(pairs[r][0]));
				value(row.getCell(1), pairs[r][1]);
				label(row.getCell(2), texts.text(pairs[r][2]));
				value(row.getCell(3), pairs[r][3]);
				verticalMerge(row.getCell(4), r == 0);
			}
			photoCell(table.getRow(0).getCell(4), photo);

			XWPFTableRow unit = table.getRow(5);
			minimumHeight(unit, 10);
			label(unit.getCell(0), texts.text("nomination.field.recommending-unit"));
			span(unit, 1, 4);
			if (sheet.recommendingUnit() == null) {
				value(unit.getCell(1), texts.text("nomination.field.recommending-unit.hint"));
			}
			else {
				value(unit.getCell(1), sheet.recommendingUnit());
			}

			textRow(table.getRow(6), texts.text("nomination.field.profile"), null, sheet.profile(), 30);
			textRow(table.getRow(7), texts.text("nomination.field.reasons"),
					texts.text("nomination.field.reasons.note"), sheet.reasons(), 55);

			XWPFTableRow opinions = table.getRow(8);
			minimumHeight(opinions, 34);
			label(opinions.getCell(0), texts.text("nomination.field.work-unit-opinion"));
			opinion(opinions.getCell(1), sheet.workUnitOpinion());
			label(opinions.getCell(2), texts.text("nomination.field.recommending-unit-opinion"));
			span(opinions, 3, 2);
			opinion(opinions.getCell(3), sheet.recommendingUnitOpinion());

			XWPFTableRow province = table.getRow(9);
			minimumHeight(province, 32);
			label(province.getCell(0), texts.text("nomination.field.province-opinion"));
			span(province, 1, 4);
			opinion(province.getCell(1), sheet.provinceOpinion());

			document.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void pageSetup(XWPFDocument document) {
		CTSectPr section = document.getDocument().getBody().addNewSectPr();
		CTPageSz size = section.addNewPgSz();
		size.setW(BigInteger.valueOf(11906));
		size.setH(BigInteger.valueOf(16838));
		size.setOrient(STPageOrientation.PORTRAIT);
		CTPageMar margins = section.addNewPgMar();
		margins.setTop(BigInteger.valueOf(twips(22)));
		margins.setBottom(BigInteger.valueOf(twips(20)));
		margins.setLeft(BigInteger.valueOf(twips(20)));
		margins.setRight(BigInteger.valueOf(twips(20)));
		margins.setHeader(BigInteger.valueOf(twips(12)));
		margins.setFooter(BigInteger.valueOf(twips(12)));
	}

	private static void defaultFonts(XWPFDocument document) {
		CTFonts fonts = CTFonts.Factory.newInstance();
		fonts.setAscii(LATIN_FONT);
		fonts.setHAnsi(LATIN_FONT);
		fonts.setEastAsia(BODY_FONT);
		document.createStyles().setDefaultFonts(fonts);
	}

	private static void layout(XWPFTable table) {
		var properties = table.getCTTbl().getTblPr();
		CTTblLayoutType type = properties.isSetTblLayout() ? properties.getTblLayout() : properties.addNewTblLayout();
		type.setType(STTblLayoutType.FIXED);
		int total = 0;
		for (int mm : COLUMNS_MM) {
			total += twips(mm);
		}
		table.setWidth(String.valueOf(total));
		table.getCTTbl().getTblPr().getTblW().setType(STTblWidth.DXA);
		CTTblGrid grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid()
				: table.getCTTbl().addNewTblGrid();
		while (grid.sizeOfGridColArray() > 0) {
			grid.removeGridCol(0);
		}
		for (int mm : COLUMNS_MM) {
			grid.addNewGridCol().setW(BigInteger.valueOf(twips(mm)));
		}
		for (XWPFTableRow row : table.getRows()) {
			for (int c = 0; c < row.getTableCells().size(); c++) {
				row.getCell(c).setWidth(String.valueOf(twips(COLUMNS_MM[c])));
				row.getCell(c).setWidthType(org.apache.poi.xwpf.usermodel.TableWidthType.DXA);
			}
		}
		table.setCellMargins(40, 100, 40, 100);
	}

	/**
	 * Joins {@code count} cells from {@code first} into one, as Word does: one cell with
	 * a grid span.
	 */
	private static void span(XWPFTableRow row, int first, int count) {
		XWPFTableCell cell = row.getCell(first);
		int width = 0;
		for (int c = first; c < first + count; c++) {
			width += twips(COLUMNS_MM[c]);
		}
		CTTcPr properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
		properties.addNewGridSpan().setVal(BigInteger.valueOf(count));
		cell.setWidth(String.valueOf(width));
		for (int c = first + count - 1; c > first; c--) {
			row.removeCell(c);
		}
	}

	private static void verticalMerge(XWPFTableCell cell, boolean start) {
		CTTcPr properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
		properties.addNewVMerge().setVal(start ? STMerge.RESTART : STMerge.CONTINUE);
	}

	private static void minimumHeight(XWPFTableRow row, int mm) {
		row.setHeight(twips(mm));
		row.setHeightRule(TableRowHeightRule.AT_LEAST);
	}

	private void photoCell(XWPFTableCell cell, SheetPhoto photo) {
		cell.setVerticalAlignment(XWPFVertAlign.CENTER);
		XWPFParagraph paragraph = cell.getParagraphs().getFirst();
		paragraph.setAlignment(ParagraphAlignment.CENTER);
		if (photo == null) {
			text(paragraph, texts.text("nomination.field.photo.placeholder"), 12, false, null);
			return;
		}
		try {
			paragraph.createRun()
				.addPicture(new ByteArrayInputStream(photo.bytes()),
						photo.png() ? Document.PICTURE_TYPE_PNG : Document.PICTURE_TYPE_JPEG,
						photo.png() ? "photo.png" : "photo.jpg", Units.toEMU(points(photo.widthMm())),
						Units.toEMU(points(photo.heightMm())));
		}
		catch (InvalidFormatException | IOException e) {
			throw new IllegalStateException("The photo could not be placed", e);
		}
	}

	private void label(XWPFTableCell cell, String label) {
		cell.setVerticalAlignment(XWPFVertAlign.CENTER);
		XWPFParagraph paragraph = cell.getParagraphs().getFirst();
		paragraph.setAlignment(ParagraphAlignment.CENTER);
		text(paragraph, label, 12, false, null);
	}

	private void value(XWPFTableCell cell, String value) {
		cell.setVerticalAlignment(XWPFVertAlign.CENTER);
		XWPFParagraph paragraph = cell.getParagraphs().getFirst();
		paragraph.setAlignment(ParagraphAlignment.CENTER);
		if (value != null) {
			text(paragraph, value, 12, false, null);
		}
	}

	private void textRow(XWPFTableRow row, String label, String note, String text, int minimumMm) {
		minimumHeight(row, minimumMm);
		XWPFTableCell labelCell = row.getCell(0);
		label(labelCell, label);
		if (note != null) {
			XWPFParagraph paragraph = labelCell.addParagraph();
			paragraph.setAlignment(ParagraphAlignment.CENTER);
			text(paragraph, note, 9, false, null);
		}
		span(row, 1, 4);
		XWPFTableCell cell = row.getCell(1);
		cell.setVerticalAlignment(XWPFVertAlign.TOP);
		paragraphs(cell, NominationDocuments.paragraphs(text));
	}

	private void opinion(XWPFTableCell cell, String opinion) {
		cell.setVerticalAlignment(XWPFVertAlign.TOP);
		List<String> lines = NominationDocuments.paragraphs(opinion);
		paragraphs(cell, lines);
		// Room for the signature and the seal below the opinion, as on the paper form.
		for (int i = lines.isEmpty() ? 4 : 1; i > 0; i--) {
			cell.addParagraph();
		}
		XWPFParagraph seal = cell.addParagraph();
		seal.setAlignment(ParagraphAlignment.RIGHT);
		seal.setIndentationRight(twips(10));
		text(seal, texts.text("nomination.sheet.seal"), 12, false, null);
		XWPFParagraph date = cell.addParagraph();
		date.setAlignment(ParagraphAlignment.RIGHT);
		date.setIndentationRight(twips(3));
		text(date, texts.text("nomination.sheet.date"), 12, false, null);
	}

	private void paragraphs(XWPFTableCell cell, List<String> lines) {
		for (int i = 0; i < lines.size(); i++) {
			XWPFParagraph paragraph = i == 0 ? cell.getParagraphs().getFirst() : cell.addParagraph();
			paragraph.setAlignment(ParagraphAlignment.BOTH);
			paragraph.setFirstLineIndent(480);
			text(paragraph, lines.get(i), 12, false, null);
		}
	}

	private static void text(XWPFParagraph paragraph, String text, double points, boolean bold, String eastAsiaFont) {
		XWPFRun run = paragraph.createRun();
		run.setText(text);
		run.setFontSize(points);
		run.setBold(bold);
		if (eastAsiaFont != null) {
			run.setFontFamily(eastAsiaFont, XWPFRun.FontCharRange.eastAsia);
		}
	}

	private static int twips(double mm) {
		return (int) Math.round(mm * TWIPS_PER_MM);
	}

	private static double points(double mm) {
		return mm / 25.4 * 72;
	}

}
