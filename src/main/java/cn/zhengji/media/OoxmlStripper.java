package cn.zhengji.media;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.internal.PackagePropertiesPart;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.officeDocument.x2006.customProperties.CTProperty;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Clears the document properties of a DOCX, PPTX or XLSX (the core properties in
 * {@code docProps/core.xml}: author, last modified by, title, subject, description,
 * keywords, category; company, manager and hyperlink base in {@code docProps/app.xml};
 * all custom properties), empties the names of comment authors, and strips the metadata
 * of every JPEG and PNG part (photos from a phone carry EXIF, and the thumbnail too).
 * Works on the copy through POI's package layer, so the slides and text are not parsed or
 * rewritten.
 */
final class OoxmlStripper {

	/**
	 * Parts that name the authors of comments: Word's comments and people, PowerPoint's
	 * comment authors (classic and modern), Excel's notes and the persons of threaded
	 * comments. The comments themselves only refer to these by id.
	 */
	private static final List<String> AUTHOR_PARTS = List.of(
			"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml",
			"application/vnd.openxmlformats-officedocument.presentationml.commentAuthors+xml",
			"application/vnd.ms-powerpoint.authors+xml",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
			"application/vnd.ms-excel.person+xml");

	/**
	 * In those parts these attributes carry a person: Word's {@code w:author},
	 * {@code w:initials}, {@code w15:userId}; PowerPoint's {@code name},
	 * {@code initials}, {@code userId}; Excel's {@code displayName}, {@code userId}.
	 */
	private static final Set<String> AUTHOR_ATTRIBUTES = Set.of("author", "initials", "userId", "name", "displayName");

	private OoxmlStripper() {
	}

	/**
	 * Empties the author attributes and Excel's {@code <author>} elements of one small
	 * part. The comments stay, without who wrote them.
	 */
	private static void blankAuthors(PackagePart part)
			throws IOException, ParserConfigurationException, SAXException, TransformerException {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		// an uploaded part must not make the parser read files or the network (XXE)
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		org.w3c.dom.Document xml;
		try (InputStream in = part.getInputStream()) {
			xml = factory.newDocumentBuilder().parse(in);
		}
		NodeList elements = xml.getElementsByTagNameNS("*", "*");
		for (int i = 0; i < elements.getLength(); i++) {
			Element element = (Element) elements.item(i);
			NamedNodeMap attributes = element.getAttributes();
			for (int a = 0; a < attributes.getLength(); a++) {
				Node attribute = attributes.item(a);
				String name = attribute.getLocalName() != null ? attribute.getLocalName() : attribute.getNodeName();
				if (AUTHOR_ATTRIBUTES.contains(name)) {
					attribute.setNodeValue("");
				}
			}
			if (element.getLocalName().equals("author")) {
				element.setTextContent("");
			}
		}
		Transformer transformer = TransformerFactory.newDefaultInstance().newTransformer();
		xml.setXmlStandalone(true);
		try (OutputStream out = part.getOutputStream()) {
			transformer.transform(new DOMSource(xml), new StreamResult(out));
		}
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
			for (String contentType : AUTHOR_PARTS) {
				for (PackagePart part : pack.getPartsByContentType(contentType)) {
					blankAuthors(part);
				}
			}
			stripPictures(pack, "image/jpeg", ImageStripper::jpeg);
			stripPictures(pack, "image/png", ImageStripper::png);
			// saves the changed parts into the copy
			pack.close();
		}
		catch (IOException | MediaProblem | RuntimeException ex) {
			pack.revert();
			throw ex;
		}
		catch (OpenXML4JException | XmlException | ParserConfigurationException | SAXException
				| TransformerException ex) {
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
