package cn.zhengji.nomination;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.zhengji.infrastructure.text.CharacterCount;
import org.junit.jupiter.api.Test;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfStream;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;

import cn.zhengji.support.ZhengjiTest;

/** The PDF read back with OpenPDF: its text, its fonts and its images. */
@ZhengjiTest
class NominationPdfIntegrationTest {

	private static final List<String> LABELS = List.of("附件4", "“八闽职工好网民”候选人推荐表", "姓名", "性别", "出生年月", "政治面貌", "账号名称",
			"所属平台", "粉丝数量", "单位职务", "手机号码", "身份证号", "推荐单位", "候选人简介", "推荐理由", "（1500字以内，可另附页）", "工作单位意见", "推荐单位意见",
			"省总工会意见", "（盖章）");

	@Autowired
	NominationDocuments documents;

	@Test
	void showsEveryLabelAndEveryValueOfTheSheet() throws IOException {
		NominationSheet sheet = SheetSamples.complete();
		byte[] pdf = keep("complete", documents.pdf(sheet));

		String text = text(pdf);
		assertThat(text).contains(LABELS);
		assertThat(text).contains(compact(sheet.campaignTitle()), sheet.name(), sheet.sex(), "1988年2月",
				sheet.politicalStatus(), sheet.accountName(), sheet.platform(), sheet.followers(),
				compact(sheet.unitAndPosition()), sheet.mobile(), sheet.idNumber(), sheet.recommendingUnit(),
				sheet.workUnitOpinion(), sheet.recommendingUnitOpinion());
		for (String paragraph : NominationDocuments.paragraphs(sheet.profile() + "\n" + sheet.reasons())) {
			assertThat(text).contains(compact(paragraph));
		}
		assertThat(occurrences(text, "（盖章）")).isEqualTo(3);
		assertThat(occurrences(text, "年月日")).isEqualTo(3);
	}

	@Test
	void isOneA4PageForAnOrdinarySheet() throws IOException {
		PdfReader reader = new PdfReader(documents.pdf(SheetSamples.complete()));

		assertThat(reader.getNumberOfPages()).isEqualTo(1);
		Rectangle size = reader.getPageSize(1);
		assertThat(size.getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
		assertThat(size.getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
	}

	@Test
	void embedsTheChineseFontAsASubset() throws IOException {
		PdfReader reader = new PdfReader(documents.pdf(SheetSamples.complete()));

		List<PdfDictionary> descriptors = objects(reader, PdfName.FONTDESCRIPTOR);
		assertThat(descriptors).isNotEmpty();
		for (PdfDictionary descriptor : descriptors) {
			// Every font the PDF uses travels inside it: no reader-side font
			// substitution.
			assertThat(descriptor.get(PdfName.FONTFILE2)).as("FontFile2 of " + descriptor.get(PdfName.FONTNAME))
				.isNotNull();
			assertThat(descriptor.getAsName(PdfName.FONTNAME).toString()).matches("/[A-Z]{6}\\+WenQuanYiZenHei");
		}
		List<PdfDictionary> fonts = objects(reader, PdfName.FONT);
		assertThat(fonts).extracting(font -> font.getAsName(PdfName.SUBTYPE)).contains(PdfName.TYPE0);
		assertThat(fonts).extracting(font -> font.getAsName(PdfName.SUBTYPE))
			.doesNotContain(PdfName.TYPE1, PdfName.TRUETYPE);
	}

	@Test
	void placesThePhotoAsAnImageOnTheFirstPage() throws IOException {
		PdfReader reader = new PdfReader(documents.pdf(SheetSamples.complete()));

		List<PdfDictionary> images = imagesOfPage(reader, 1);
		assertThat(images).hasSize(1);
		assertThat(images.getFirst().getAsNumber(PdfName.WIDTH).intValue()).isEqualTo(295);
		assertThat(images.getFirst().getAsNumber(PdfName.HEIGHT).intValue()).isEqualTo(413);
		assertThat(text(reader)).doesNotContain("（一寸彩照）");
	}

	@Test
	void withoutAPhotoShowsWhereItGoes() throws IOException {
		NominationSheet s = SheetSamples.complete();
		NominationSheet noPhoto = new NominationSheet(s.campaignTitle(), s.name(), s.sex(), null, s.birthMonth(),
				s.politicalStatus(), s.accountName(), s.platform(), s.followers(), s.unitAndPosition(), s.mobile(),
				s.idNumber(), s.recommendingUnit(), s.profile(), s.reasons(), null, null, null);
		PdfReader reader = new PdfReader(documents.pdf(noPhoto));

		assertThat(imagesOfPage(reader, 1)).isEmpty();
		assertThat(text(reader)).contains("（一寸彩照）");
	}

	@Test
	void aPhotoThatIsNoImageIsLeftOutInsteadOfBreakingTheDocument() throws IOException {
		NominationSheet s = SheetSamples.complete();
		byte[] notAnImage = "\u0089PNG but not really an image".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		NominationSheet broken = new NominationSheet(null, s.name(), s.sex(), notAnImage, s.birthMonth(),
				s.politicalStatus(), s.accountName(), s.platform(), s.followers(), s.unitAndPosition(), s.mobile(),
				s.idNumber(), s.recommendingUnit(), s.profile(), s.reasons(), null, null, null);
		PdfReader reader = new PdfReader(documents.pdf(broken));

		assertThat(imagesOfPage(reader, 1)).isEmpty();
		assertThat(text(reader)).contains("（一寸彩照）", s.name());
	}

	@Test
	void withoutOpinionsTheThreeBoxesAreEmptyButForSealAndDate() throws IOException {
		NominationSheet sheet = SheetSamples.withoutOpinions();
		String text = text(keep("without-opinions", documents.pdf(sheet)));

		assertThat(text).contains("工作单位意见", "推荐单位意见", "省总工会意见");
		assertThat(text).doesNotContain("同意推荐");
		assertThat(occurrences(text, "（盖章）")).isEqualTo(3);
		// From the first opinion box on, only the boxes' own printed words remain.
		String boxes = text.substring(text.indexOf("工作单位意见")).replaceAll("工作单位意见|推荐单位意见|省总工会意见|（盖章）|年月日|第1页共1页", "");
		assertThat(boxes).isEmpty();
	}

	@Test
	void reasonsOf1500CharactersFlowOntoFurtherPagesWithNothingLost() throws IOException {
		NominationSheet sheet = SheetSamples.longTexts();
		assertThat(CharacterCount.of(sheet.reasons())).isEqualTo(1500);
		PdfReader reader = new PdfReader(keep("long-texts", documents.pdf(sheet)));

		assertThat(reader.getNumberOfPages()).isBetween(2, 3);
		String text = text(reader);
		for (String paragraph : NominationDocuments.paragraphs(sheet.reasons())) {
			assertThat(text).contains(paragraph);
		}
		assertThat(text).contains(sheet.profile());
		for (String paragraph : NominationDocuments.paragraphs(sheet.provinceOpinion())) {
			assertThat(text).contains(paragraph);
		}
		assertThat(occurrences(text, "（盖章）")).isEqualTo(3);
		assertThat(text).contains("第1页共" + reader.getNumberOfPages() + "页");
	}

	@Test
	void printsMarkupAndControlCharactersAsText() throws IOException {
		NominationSheet s = SheetSamples.complete();
		NominationSheet hostile = new NominationSheet(s.campaignTitle(), "<b>林</b>&amp;\u000B晓燕", s.sex(), s.photo(),
				s.birthMonth(), s.politicalStatus(), "]]><!--", s.platform(), s.followers(), s.unitAndPosition(),
				s.mobile(), s.idNumber(), s.recommendingUnit(), s.profile(), s.reasons(), null, null, null);

		String text = text(documents.pdf(hostile));

		assertThat(text).contains("<b>林</b>&amp;晓燕", "]]><!--");
	}

	@Test
	void showsTheMaskedNumbersItIsGiven() throws IOException {
		NominationSheet s = SheetSamples.complete();
		String masked = ResidentIdNumber.parse(s.idNumber()).masked();
		NominationSheet sheet = new NominationSheet(s.campaignTitle(), s.name(), s.sex(), s.photo(), s.birthMonth(),
				s.politicalStatus(), s.accountName(), s.platform(), s.followers(), s.unitAndPosition(), "138****1234",
				masked, s.recommendingUnit(), s.profile(), s.reasons(), null, null, null);

		String text = text(documents.pdf(sheet));

		assertThat(text).contains("138****1234", "350102********123").doesNotContain(s.idNumber(), s.mobile());
	}

	private static byte[] keep(String name, byte[] pdf) throws IOException {
		// For a person to look at; the assertions do not read it.
		Path dir = Files.createDirectories(Path.of("target", "nomination"));
		Files.write(dir.resolve(name + ".pdf"), pdf);
		return pdf;
	}

	private static String text(byte[] pdf) throws IOException {
		return text(new PdfReader(pdf));
	}

	/**
	 * All pages, white space removed: the extractor's spacing between glyphs depends on
	 * positions.
	 */
	private static String text(PdfReader reader) throws IOException {
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page));
		}
		return compact(text.toString());
	}

	private static String compact(String text) {
		return text.replaceAll("[\\s\\u3000]+", "");
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
			count++;
		}
		return count;
	}

	private static List<PdfDictionary> objects(PdfReader reader, PdfName type) {
		List<PdfDictionary> found = new ArrayList<>();
		for (int i = 1; i < reader.getXrefSize(); i++) {
			PdfObject object = reader.getPdfObject(i);
			if (object instanceof PdfDictionary dictionary && type.equals(dictionary.getAsName(PdfName.TYPE))) {
				found.add(dictionary);
			}
		}
		return found;
	}

	private static List<PdfDictionary> imagesOfPage(PdfReader reader, int page) {
		List<PdfDictionary> images = new ArrayList<>();
		PdfDictionary resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
		PdfDictionary xObjects = resources == null ? null : resources.getAsDict(PdfName.XOBJECT);
		if (xObjects == null) {
			return images;
		}
		for (PdfName key : xObjects.getKeys()) {
			PdfObject object = PdfReader.getPdfObject(xObjects.get(key));
			if (object instanceof PdfStream stream && PdfName.IMAGE.equals(stream.getAsName(PdfName.SUBTYPE))) {
				images.add(stream);
			}
		}
		return images;
	}

}
