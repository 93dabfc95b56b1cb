package cn.zhengji.media;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationMarkup;

/**
 * Removes the Info dictionary (Author, Creator, Producer, Title, Subject, Keywords) and
 * the XMP metadata streams of the document and its pages, and the author names of
 * comments (markup annotations), with Apache PDFBox; writes a complete new file, because
 * an incremental update would keep the old Info dictionary in the bytes before it. A PDF
 * that opens only with a password cannot be copied; one with only an owner password
 * (restrictions on printing or copying) is written without its encryption.
 */
final class PdfStripper {

	private PdfStripper() {
	}

	static void strip(Path original, Path partial) throws IOException, MediaProblem {
		PDDocument document;
		try {
			document = Loader.loadPDF(original.toFile());
		}
		catch (IOException ex) {
			// PDFBox reports malformed and password-protected files as IOExceptions.
			throw MediaProblem.damaged();
		}
		try (document) {
			if (document.isEncrypted()) {
				document.setAllSecurityToBeRemoved(true);
			}
			document.getDocument().getTrailer().removeItem(COSName.INFO);
			document.getDocumentCatalog().setMetadata(null);
			for (PDPage page : document.getPages()) {
				page.setMetadata(null);
				for (PDAnnotation annotation : page.getAnnotations()) {
					if (annotation instanceof PDAnnotationMarkup) {
						// /T of a markup annotation is its author; of a form widget it is
						// the field name, which is left alone
						annotation.getCOSObject().removeItem(COSName.T);
					}
				}
			}
			document.save(partial.toFile());
		}
	}

}
