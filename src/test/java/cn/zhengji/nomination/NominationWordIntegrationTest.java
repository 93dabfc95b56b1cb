package cn.zhengji.nomination;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhengji.support.ZhengjiTest;

/**
 * The .docx read back with POI: the table of 附件4, its values, the photo and the three
 * opinion boxes.
 */
@ZhengjiTest
class NominationWordIntegrationTest {

	@Autowired
	NominationDocuments documents;

	@Test
	void hasTheTitleAndTheTableOfTheForm() throws IOException {
		try (XWPFDocument document = read(keep("complete", documents.word(SheetSamples.complete())))) {
			assertThat(document.getParagraphs()).extracting(p -> p.getText())
				.contains("附件4", "“八闽职工好网民”候选人推荐表", "2024年“网聚职工正能量 争做中国好网民”主题活动");
			assertThat(document.getTables()).hasSize(1);
			XWPFTable table = document.getTables().getFirst();
			assertThat(table.getRows()).hasSize(10);
			assertThat(cells(table.getRow(0))).containsExactly("姓　　名", "林晓燕", "性　　别", "女", "");
			assertThat(cells(table.getRow(1))).containsExactly("出生年月", "1988年2月", "政治面貌", "中共党员", "");
			assertThat(cells(table.getRow(2))).containsExactly("账号名称", "榕城职工说", "所属平台", "抖音", "");
			assertThat(cells(table.getRow(3))).containsExactly("粉丝数量", "3.2万", "单位职务", "福州市鼓楼区某科技有限公司 工会主席", "");
			assertThat(cells(table.getRow(4))).containsExactly("手机号码", "13800001234", "身份证号", SheetSamples.ID_NUMBER,
					"");
			assertThat(cells(table.getRow(5))).containsExactly("推荐单位", "福州市总工会");
		}
	}

	@Test
	void thePhotoCellSpansTheFirstFiveRowsAtTheRight() throws IOException {
		try (XWPFDocument document = read(documents.word(SheetSamples.complete()))) {
			XWPFTable table = document.getTables().getFirst();
			assertThat(verticalMerge(table.getRow(0).getCell(4))).isEqualTo(STMerge.RESTART);
			for (int row = 1; row < 5; row++) {
				assertThat(verticalMerge(table.getRow(row).getCell(4))).isEqualTo(STMerge.CONTINUE);
			}
			assertThat(table.getRow(0).getCell(4).getParagraphs().getFirst().getRuns().getFirst().getEmbeddedPictures())
				.hasSize(1);
		}
	}

	@Test
	void embedsThePhotoUnchanged() throws IOException {
		NominationSheet sheet = SheetSamples.complete();
		try (XWPFDocument document = read(documents.word(sheet))) {
			assertThat(document.getAllPictures()).hasSize(1);
			assertThat(document.getAllPictures().getFirst().getData()).isEqualTo(sheet.photo());
		}
	}

	@Test
	void holdsTheTextsAndTheThreeOpinionBoxes() throws IOException {
		NominationSheet sheet = SheetSamples.complete();
		try (XWPFDocument document = read(documents.word(sheet))) {
			XWPFTable table = document.getTables().getFirst();
			assertThat(cells(table.getRow(6))).containsExactly("候选人简介", sheet.profile());
			assertThat(cells(table.getRow(7))).containsExactly("推荐理由\n（1500字以内，可另附页）", sheet.reasons());

			List<String> opinions = cells(table.getRow(8));
			assertThat(opinions).hasSize(4);
			assertThat(opinions.get(0)).isEqualTo("工作单位意见");
			assertThat(opinions.get(1)).startsWith("同意推荐。\n").endsWith("（盖章）\n年　　月　　日");
			assertThat(opinions.get(2)).isEqualTo("推荐单位意见");
			assertThat(opinions.get(3)).startsWith(sheet.recommendingUnitOpinion()).endsWith("（盖章）\n年　　月　　日");
			List<String> province = cells(table.getRow(9));
			assertThat(province.get(0)).isEqualTo("省总工会意见");
			assertThat(province.get(1).strip()).isEqualTo("（盖章）\n年　　月　　日");
		}
	}

	@Test
	void withoutOpinionsTheBoxesHoldOnlySealAndDate() throws IOException {
		try (XWPFDocument document = read(documents.word(SheetSamples.withoutOpinions()))) {
			XWPFTable table = document.getTables().getFirst();
			assertThat(cells(table.getRow(8)).get(1).strip()).isEqualTo("（盖章）\n年　　月　　日");
			assertThat(cells(table.getRow(8)).get(3).strip()).isEqualTo("（盖章）\n年　　月　　日");
			assertThat(cells(table.getRow(9)).get(1).strip()).isEqualTo("（盖章）\n年　　月　　日");
		}
	}

	@Test
	void longTextsAreKeptWholeInRowsThatGrow() throws IOException {
		NominationSheet sheet = SheetSamples.longTexts();
		try (XWPFDocument document = read(keep("long-texts", documents.word(sheet)))) {
			XWPFTableRow reasons = document.getTables().getFirst().getRow(7);
			assertThat(reasons.getCell(1).getText().replace("\n", "")).isEqualTo(sheet.reasons().replace("\n", ""));
			// A minimum height, not a fixed one: Word lets the row grow and break across
			// pages.
			assertThat(reasons.getCtRow().getTrPr().getTrHeightArray(0).getHRule().toString()).isEqualTo("atLeast");
			assertThat(reasons.isCantSplitRow()).isFalse();
			assertThat(document.getAllPictures().getFirst().getData()).isEqualTo(sheet.photo());
		}
	}

	@Test
	void isA4Portrait() throws IOException {
		try (XWPFDocument document = read(documents.word(SheetSamples.complete()))) {
			var size = document.getDocument().getBody().getSectPr().getPgSz();
			assertThat(size.getW().toString()).isEqualTo("11906");
			assertThat(size.getH().toString()).isEqualTo("16838");
		}
	}

	private static List<String> cells(XWPFTableRow row) {
		return row.getTableCells().stream().map(NominationWordIntegrationTest::text).toList();
	}

	/** The cell's paragraphs, one a line. */
	private static String text(XWPFTableCell cell) {
		return cell.getParagraphs()
			.stream()
			.map(p -> p.getText())
			.collect(java.util.stream.Collectors.joining("\n"))
			.strip();
	}

	private static STMerge.Enum verticalMerge(XWPFTableCell cell) {
		return cell.getCTTc().getTcPr().getVMerge().getVal();
	}

	private static XWPFDocument read(byte[] docx) throws IOException {
		return new XWPFDocument(new ByteArrayInputStream(docx));
	}

	private static byte[] keep(String name, byte[] docx) throws IOException {
		Path dir = Files.createDirectories(Path.of("target", "nomination"));
		Files.write(dir.resolve(name + ".docx"), docx);
		return docx;
	}

}
