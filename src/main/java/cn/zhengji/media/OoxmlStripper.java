package cn.zhengji.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Date;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.internal.PackagePropertiesPart;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperty;

/**
 * Clears the document properties of a DOCX, PPTX or XLSX (the core properties in
 * {@code docProps/core.xml}: author, last modified by, title, subject, description,
 * keywords, category; company, manager and hyperlink base in {@code docProps/app.xml};
 * all custom properties), and strips the metadata of every JPEG and PNG part (photos from
 * a phone carry EXIF, and the thumbnail too). Works on the copy through POI's package
 * layer, so the slides and text are not parsed or rewritten.
 */
final class OoxmlStripper {

	private OoxmlStripper() {
	}

	static void strip(Path original, Path partial) throws IOException, MediaProblem {
		Files.copy(original, partial, StandardCopyOption.REPLACE_EXISTING);
		OPCPackage pack;
		try {
			pack = OPCPackage.open(partial.toFile(), PackageAccess.READ_WRITE);
		}
		catch (InvalidFormatException ex) {
			throw new MediaProblem("integrity", "media.integrity.damagedArchive");
		}
		try {
			clearProperties(pack);
			stripPictures(pack, "image/jpeg", ImageStripper::jpeg);
			stripPictures(pack, "image/png", ImageStripper::png);
			// saves the changed parts into the copy
			pack.close();
		}
		catch (IOException | MediaProblem | RuntimeException ex) {
			pack.revert();
			throw ex;
		}
		catch (OpenXML4JException | XmlException ex) {
			pack.revert();
			throw new MediaProblem("integrity", "media.integrity.damagedArchive");
		}
	}

	private static void clearProperties(OPCPackage pack) throws IOException, OpenXML4JException, XmlException {
		POIXMLProperties properties = new POIXMLProperties(pack);
		PackagePropertiesPart core = properties.getCoreProperties().getUnderlyingProperties();
		core.setCreatorProperty(Optional.empty());
		core.setLastModifiedByProperty(Optional.empty());
		core.setTitleProperty(Optional.empty());
		core.setSubjectProperty(Optional.empty());
		core.setDescriptionProperty(Optional.empty());
		core.setKeywordsProperty(Optional.empty());
		core.setCategoryProperty(Optional.empty());
		core.setIdentifierProperty(Optional.empty());
		core.setContentStatusProperty(Optional.empty());
		core.setLastPrintedProperty(Optional.<Date>empty());
		var extended = properties.getExtendedProperties().getUnderlyingProperties();
		if (extended.isSetCompany()) {
			extended.unsetCompany();
		}
		if (extended.isSetManager()) {
			extended.unsetManager();
		}
		if (extended.isSetHyperlinkBase()) {
			extended.unsetHyperlinkBase();
		}
		properties.getCustomProperties().getUnderlyingProperties().setPropertyArray(new CTProperty[0]);
		properties.commit();
	}

	private static void stripPictures(OPCPackage pack, String contentType, ImageStripper.StreamStripper stripper)
			throws IOException, MediaProblem {
		for (PackagePart part : pack.getPartsByContentType(contentType)) {
			ByteArrayOutputStream stripped = new ByteArrayOutputStream();
			try (InputStream in = part.getInputStream()) {
				stripper.strip(in, stripped);
			}
			try (OutputStream out = part.getOutputStream()) {
				stripped.writeTo(out);
			}
		}
	}

}
