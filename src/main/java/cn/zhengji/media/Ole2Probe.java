package cn.zhengji.media;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Tells the old Office formats apart by the streams of their OLE2 compound file: a
 * presentation holds "PowerPoint Document", a Word file "WordDocument", a workbook
 * "Workbook" (or "Book" before Excel 97). A password-protected OOXML file is an OLE2 file
 * too, holding "EncryptedPackage".
 */
final class Ole2Probe {

	private Ole2Probe() {
	}

	static Format read(Path path) throws MediaProblem {
		try (POIFSFileSystem fs = new POIFSFileSystem(path.toFile(), true)) {
			DirectoryNode root = fs.getRoot();
			if (root.hasEntryCaseInsensitive("PowerPoint Document")) {
				return Format.PPT;
			}
			if (root.hasEntryCaseInsensitive("WordDocument")) {
				return Format.DOC;
			}
			if (root.hasEntryCaseInsensitive("Workbook") || root.hasEntryCaseInsensitive("Book")) {
				return Format.XLS;
			}
			if (root.hasEntryCaseInsensitive("EncryptedPackage")) {
				return Format.ENCRYPTED_OFFICE;
			}
			return Format.OLE2_OTHER;
		}
		catch (IOException | RuntimeException ex) {
			// POI signals malformed sector chains with unchecked exceptions as well.
			throw MediaProblem.damaged();
		}
	}

}
