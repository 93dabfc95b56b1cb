package cn.zhengji.infrastructure.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Issue 14 item 2: the same page gives the same PDF bytes, so that a package's manifest
 * lists a generated nomination form with a SHA-256 that two exports agree on. OpenPDF
 * writes three things that change at each run: the creation date, the file identifier
 * (from the clock) and the six random letters before each embedded font subset's name.
 * They are replaced here (through PDFBox, which saves a loaded document the same way each
 * time): no dates, an identifier derived from the page's source, a fixed subset tag. A
 * few milliseconds per document.
 */
final class ReproduciblePdf {

	private static final Pattern SUBSET_TAG = Pattern.compile("[A-Z]{6}\\+.+");

	private static final String FIXED_TAG = "ZHENGJ";

	private ReproduciblePdf() {
	}

	/**
	 * @param identifier the file identifier (its first 16 bytes are used), derived by the
	 * caller from what the document shows
	 */
	static byte[] of(byte[] pdf, byte[] identifier) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			COSDictionary info = document.getDocumentInformation().getCOSObject();
			info.removeItem(COSName.CREATION_DATE);
			info.removeItem(COSName.MOD_DATE);
			for (COSObjectKey key : document.getDocument().getXrefTable().keySet()) {
				COSBase object = document.getDocument().getObjectFromPool(key).getObject();
				if (object instanceof COSDictionary dictionary) {
					for (COSName field : List.of(COSName.BASE_FONT, COSName.FONT_NAME)) {
						if (dictionary.getDictionaryObject(field) instanceof COSName name
								&& SUBSET_TAG.matcher(name.getName()).matches()) {
							dictionary.setItem(field, COSName.getPDFName(FIXED_TAG + name.getName().substring(6)));
						}
					}
				}
			}
			COSString id = new COSString(Arrays.copyOf(identifier, 16));
			COSArray ids = new COSArray();
			ids.add(id);
			ids.add(id);
			document.getDocument().getTrailer().setItem(COSName.ID, ids);
			ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length);
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
