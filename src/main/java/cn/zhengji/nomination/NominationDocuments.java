package cn.zhengji.nomination;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.infrastructure.Texts;
import org.springframework.stereotype.Service;

/**
 * R-NOM-3 The filled form in the layout of 附件4, with the photo, the three opinion boxes
 * and a Chinese font embedded.
 */
@Service
public class NominationDocuments {

	private final SheetPdf pdf;

	private final SheetWord word;

	private final Texts texts;

	NominationDocuments(SheetPdf pdf, SheetWord word, Texts texts) {
		this.pdf = pdf;
		this.word = word;
		this.texts = texts;
	}

	/**
	 * An A4 PDF; it grows to further pages when the texts are long.
	 * @throws IllegalStateException when the Chinese font
	 * ({@code zhengji.documents.cjk-font}) is missing
	 */
	public byte[] pdf(NominationSheet filled) {
		NominationSheet sheet = printable(filled);
		Map<String, Object> model = new HashMap<>();
		model.put("sheet", sheet);
		SheetPhoto photo = SheetPhoto.of(sheet.photo());
		// Plain values: the template's expressions cannot call into package-private
		// types.
		if (photo != null) {
			model.put("photoUri", photo.dataUri());
			model.put("photoWidth", photo.widthPx());
			model.put("photoHeight", photo.heightPx());
		}
		model.put("birthMonth", birthMonth(sheet));
		model.put("profile", paragraphs(sheet.profile()));
		model.put("reasons", paragraphs(sheet.reasons()));
		model.put("workUnitOpinion", paragraphs(sheet.workUnitOpinion()));
		model.put("recommendingUnitOpinion", paragraphs(sheet.recommendingUnitOpinion()));
		model.put("provinceOpinion", paragraphs(sheet.provinceOpinion()));
		return pdf.render(model);
	}

	/** A .docx file. */
	public byte[] word(NominationSheet filled) {
		NominationSheet sheet = printable(filled);
		return word.write(sheet, SheetPhoto.of(sheet.photo()), birthMonth(sheet));
	}

	/** A file name for downloads, without extension: 八闽职工好网民推荐表-姓名. */
	public String fileName(NominationSheet sheet) {
		return sheet.name() == null || sheet.name().isBlank() ? texts.text("nomination.sheet.file-name.unnamed")
				: texts.text("nomination.sheet.file-name", sheet.name().strip());
	}

	private String birthMonth(NominationSheet sheet) {
		return sheet.birthMonth() == null ? null : texts.text("nomination.sheet.birth-month",
				String.valueOf(sheet.birthMonth().getYear()), String.valueOf(sheet.birthMonth().getMonthValue()));
	}

	/**
	 * Control characters pasted from other programs (vertical tab, form feed, NUL) are
	 * not allowed in XML, which both documents are made of; they become spaces instead of
	 * a broken document.
	 */
	static NominationSheet printable(NominationSheet s) {
		return new NominationSheet(printable(s.campaignTitle()), printable(s.name()), printable(s.sex()), s.photo(),
				s.birthMonth(), printable(s.politicalStatus()), printable(s.accountName()), printable(s.platform()),
				printable(s.followers()), printable(s.unitAndPosition()), printable(s.mobile()),
				printable(s.idNumber()), printable(s.recommendingUnit()), printable(s.profile()),
				printable(s.reasons()), printable(s.workUnitOpinion()), printable(s.recommendingUnitOpinion()),
				printable(s.provinceOpinion()));
	}

	static String printable(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().forEach(c -> {
			boolean xmlChar = c == '\n' || c == '\t' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
					|| (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
			out.appendCodePoint(xmlChar ? c : ' ');
		});
		return out.toString();
	}

	/** Line breaks the nominator typed become paragraphs; empty lines are dropped. */
	static List<String> paragraphs(String text) {
		if (text == null) {
			return List.of();
		}
		return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
	}

}
