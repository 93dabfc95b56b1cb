package cn.zhengji.media;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.math.BigInteger;
import java.nio.file.Path;

import org.apache.poi.hpsf.ClassIDPredefined;
import org.apache.poi.hpsf.CustomProperties;
import org.apache.poi.hpsf.DocumentSummaryInformation;
import org.apache.poi.hpsf.HPSFPropertiesOnlyDocument;
import org.apache.poi.hpsf.PropertySetFactory;
import org.apache.poi.hpsf.SummaryInformation;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ooxml.POIXMLDocument;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.CodePageUtil;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFComment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static cn.zhengji.media.BlindCopyChecks.COMPANY;
import static cn.zhengji.media.BlindCopyChecks.NAME;
import static cn.zhengji.media.BlindCopyChecks.assertNowhereIn;
import static cn.zhengji.media.BlindCopyChecks.assertNowhereInEntries;
import static cn.zhengji.media.BlindCopyChecks.blindCopy;
import static org.assertj.core.api.Assertions.assertThat;

class BlindCopiesOfficeTest {

	private static final String MANAGER = "李四";

	private static final String SUBMITTER_KEY = "提交人";

	@TempDir
	Path directory;

	@Test
	void clearsTheAuthorCompanyCustomPropertiesAndCommentAuthorsOfADocxAndTheExifOfItsPhotos() throws Exception {
		Path original = directory.resolve("作品说明.docx");
		try (XWPFDocument document = new XWPFDocument()) {
			XWPFRun run = document.createParagraph().createRun();
			run.setText("作品正文");
			byte[] photo = BlindCopiesImageTest
				.withJpegMetadata(BlindCopiesImageTest.encode(BlindCopiesImageTest.picture(), "jpg"), 1);
			try (InputStream in = new ByteArrayInputStream(photo)) {
				run.addPicture(in, Document.PICTURE_TYPE_JPEG, "photo.jpg", 640_000, 480_000);
			}
			XWPFComment comment = document.createComments().createComment(BigInteger.ONE);
			comment.setAuthor(NAME);
			comment.setInitials("ZSAN");
			comment.createParagraph().createRun().setText("请修改");
			identify(document);
			save(document, original);
		}

		Path copy = blindCopy(original, directory);

		assertNowhereInEntries(copy, NAME, COMPANY, MANAGER, SUBMITTER_KEY, "Zhang San", "ZSAN");
		try (XWPFDocument document = new XWPFDocument(Files.newInputStream(copy))) {
			assertCleared(document.getProperties());
			assertThat(document.getParagraphs().get(0).getText()).isEqualTo("作品正文");
			assertThat(document.getAllPictures()).hasSize(1);
			assertThat(document.getComments()).singleElement()
				.satisfies(kept -> assertThat(kept.getText()).isEqualTo("请修改"));
		}
	}

	@Test
	void clearsTheAuthorCompanyAndCustomPropertiesOfAPptx() throws Exception {
		Path original = directory.resolve("汇报.pptx");
		try (XMLSlideShow show = new XMLSlideShow()) {
			show.createSlide().createTextBox().setText("幻灯片正文");
			identify(show);
			save(show, original);
		}

		Path copy = blindCopy(original, directory);

		assertNowhereInEntries(copy, NAME, COMPANY, MANAGER, SUBMITTER_KEY);
		try (XMLSlideShow show = new XMLSlideShow(Files.newInputStream(copy))) {
			assertCleared(show.getProperties());
			assertThat(show.getSlides()).hasSize(1);
		}
	}

	@Test
	void clearsTheAuthorCompanyCustomPropertiesAndNoteAuthorsOfAnXlsx() throws Exception {
		Path original = directory.resolve("统计.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook()) {
			XSSFSheet sheet = workbook.createSheet("数据");
			XSSFCell cell = sheet.createRow(0).createCell(0);
			cell.setCellValue("数值");
			XSSFComment note = sheet.createDrawingPatriarch()
				.createCellComment(workbook.getCreationHelper().createClientAnchor());
			note.setAuthor(NAME);
			note.setString(new XSSFRichTextString("请核对"));
			cell.setCellComment(note);
			identify(workbook);
			save(workbook, original);
		}

		Path copy = blindCopy(original, directory);

		assertNowhereInEntries(copy, NAME, COMPANY, MANAGER, SUBMITTER_KEY);
		try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(copy))) {
			assertCleared(workbook.getProperties());
			assertThat(workbook.getSheet("数据").getRow(0).getCell(0).getStringCellValue()).isEqualTo("数值");
			assertThat(workbook.getSheet("数据").getRow(0).getCell(0).getCellComment().getString().getString())
				.isEqualTo("请核对");
		}
	}

	@Test
	void clearsTheSummaryInformationOfAnXls() throws Exception {
		Path original = directory.resolve("old.xls");
		try (HSSFWorkbook workbook = new HSSFWorkbook()) {
			workbook.createSheet("数据").createRow(0).createCell(0).setCellValue("数值");
			workbook.createInformationProperties();
			identify(workbook.getSummaryInformation(), workbook.getDocumentSummaryInformation());
			try (OutputStream out = Files.newOutputStream(original)) {
				workbook.write(out);
			}
		}

		Path copy = blindCopy(original, directory);

		assertNowhereIn(copy, NAME, COMPANY, MANAGER, SUBMITTER_KEY);
		try (HSSFWorkbook workbook = new HSSFWorkbook(Files.newInputStream(copy))) {
			assertCleared(workbook.getSummaryInformation(), workbook.getDocumentSummaryInformation());
			assertThat(workbook.getSheet("数据").getRow(0).getCell(0).getStringCellValue()).isEqualTo("数值");
		}
	}

	/**
	 * poi-scratchpad (HSLF, HWPF) is not on the class path, so the PPT and DOC are
	 * compound files holding the stream each is recognised by and real property streams:
	 * what the stripper touches is the same as in a file PowerPoint or Word wrote.
	 */
	@Test
	void clearsTheSummaryInformationOfPptAndDocCompoundFiles() throws Exception {
		for (String stream : new String[] { "PowerPoint Document", "WordDocument" }) {
			Path original = directory.resolve(stream.replace(' ', '-') + ".bin");
			try (POIFSFileSystem fs = new POIFSFileSystem()) {
				fs.getRoot().setStorageClsid(ClassIDPredefined.POWERPOINT_V8.getClassID());
				fs.createDocument(new ByteArrayInputStream(new byte[4096]), stream);
				SummaryInformation summary = PropertySetFactory.newSummaryInformation();
				DocumentSummaryInformation documentSummary = PropertySetFactory.newDocumentSummaryInformation();
				identify(summary, documentSummary);
				summary.write(fs.getRoot(), SummaryInformation.DEFAULT_STREAM_NAME);
				documentSummary.write(fs.getRoot(), DocumentSummaryInformation.DEFAULT_STREAM_NAME);
				try (OutputStream out = Files.newOutputStream(original)) {
					fs.writeFilesystem(out);
				}
			}

			Path copy = blindCopy(original, directory);

			assertNowhereIn(copy, NAME, COMPANY, MANAGER, SUBMITTER_KEY);
			try (POIFSFileSystem fs = new POIFSFileSystem(copy.toFile(), true)) {
				HPSFPropertiesOnlyDocument document = new HPSFPropertiesOnlyDocument(fs);
				assertCleared(document.getSummaryInformation(), document.getDocumentSummaryInformation());
				assertThat(fs.getRoot().hasEntry(stream)).isTrue();
				assertThat(fs.getRoot().createDocumentInputStream(stream).readAllBytes()).hasSize(4096);
			}
		}
	}

	private static void identify(POIXMLDocument document) {
		POIXMLProperties properties = document.getProperties();
		properties.getCoreProperties().setCreator(NAME);
		properties.getCoreProperties().setLastModifiedByUser(NAME);
		properties.getCoreProperties().setDescription(NAME + "的作品");
		properties.getCoreProperties().setKeywords(COMPANY);
		properties.getExtendedProperties().getUnderlyingProperties().setCompany(COMPANY);
		properties.getExtendedProperties().getUnderlyingProperties().setManager(MANAGER);
		properties.getCustomProperties().addProperty(SUBMITTER_KEY, NAME);
	}

	private static void identify(SummaryInformation summary, DocumentSummaryInformation documentSummary) {
		// Unicode code pages, so that the names are really in the file (not "??")
		summary.getFirstSection().setCodepage(CodePageUtil.CP_UTF8);
		documentSummary.getFirstSection().setCodepage(CodePageUtil.CP_UTF8);
		summary.setAuthor(NAME);
		summary.setLastAuthor(NAME);
		summary.setComments(NAME + "的作品");
		documentSummary.setCompany(COMPANY);
		documentSummary.setManager(MANAGER);
		CustomProperties custom = new CustomProperties();
		custom.put(SUBMITTER_KEY, NAME);
		documentSummary.setCustomProperties(custom);
	}

	private static void assertCleared(POIXMLProperties properties) {
		assertThat(properties.getCoreProperties().getCreator()).isNull();
		assertThat(properties.getCoreProperties().getLastModifiedByUser()).isNull();
		assertThat(properties.getCoreProperties().getDescription()).isNull();
		assertThat(properties.getExtendedProperties().getCompany()).isNull();
		assertThat(properties.getExtendedProperties().getManager()).isNull();
		assertThat(properties.getCustomProperties().getUnderlyingProperties().sizeOfPropertyArray()).isZero();
	}

	private static void assertCleared(SummaryInformation summary, DocumentSummaryInformation documentSummary) {
		assertThat(summary.getAuthor()).isNull();
		assertThat(summary.getLastAuthor()).isNull();
		assertThat(summary.getComments()).isNull();
		assertThat(documentSummary.getCompany()).isNull();
		assertThat(documentSummary.getManager()).isNull();
		assertThat(documentSummary.getCustomProperties()).isNull();
	}

	private static void save(POIXMLDocument document, Path target) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		document.write(bytes);
		Files.write(target, bytes.toByteArray());
	}

}
