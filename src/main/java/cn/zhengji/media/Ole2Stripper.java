package cn.zhengji.media;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.hpsf.ClassID;
import org.apache.poi.hpsf.DocumentSummaryInformation;
import org.apache.poi.hpsf.HPSFPropertiesOnlyDocument;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Clears the property streams of an old Office file (PPT, DOC, XLS): author, last author,
 * title, subject, keywords, comments and template path (which holds the user's folder) of
 * SummaryInformation; company, manager, category and custom properties of
 * DocumentSummaryInformation. Only the two property streams are changed, through POI's
 * HPSF, which needs neither HSLF nor HWPF; every other stream is copied as it is. The
 * user name PowerPoint keeps in its "Current User" stream and the revision authors inside
 * the Word stream are not reached.
 */
final class Ole2Stripper {

	private Ole2Stripper() {
	}

	static void strip(Path original, Path partial) throws IOException, MediaProblem {
		try (POIFSFileSystem fs = new POIFSFileSystem(original.toFile(), true)) {
			HPSFPropertiesOnlyDocument document = new HPSFPropertiesOnlyDocument(fs);
			SummaryInformation summary = document.getSummaryInformation();
			if (summary != null) {
				summary.removeAuthor();
				summary.removeLastAuthor();
				summary.removeTitle();
				summary.removeSubject();
				summary.removeKeywords();
				summary.removeComments();
				summary.removeTemplate();
			}
			DocumentSummaryInformation documentSummary = document.getDocumentSummaryInformation();
			if (documentSummary != null) {
				documentSummary.removeCompany();
				documentSummary.removeManager();
				documentSummary.removeCategory();
				documentSummary.removeCustomProperties();
			}
			// A new compound file with every other stream copied: rewriting in place
			// would
			// leave the old property streams in sectors marked free.
			try (OutputStream out = Files.newOutputStream(partial)) {
				document.write(out);
			}
			ClassID storageClass = fs.getRoot().getStorageClsid();
			try (POIFSFileSystem copy = new POIFSFileSystem(partial.toFile(), false)) {
				copy.getRoot().setStorageClsid(storageClass);
				copy.writeFilesystem();
			}
		}
		catch (RuntimeException ex) {
			// POI signals malformed sector chains and property sets with unchecked
			// exceptions.
			throw MediaProblem.damaged();
		}
	}

}
