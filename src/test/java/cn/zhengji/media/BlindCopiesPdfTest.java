package cn.zhengji.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static cn.zhengji.media.BlindCopyChecks.COMPANY;
import static cn.zhengji.media.BlindCopyChecks.NAME;
import static cn.zhengji.media.BlindCopyChecks.assertNowhereIn;
import static cn.zhengji.media.BlindCopyChecks.blindCopy;
import static org.assertj.core.api.Assertions.assertThat;

class BlindCopiesPdfTest {

	@TempDir
	Path directory;

	@Test
	void removesTheInfoDictionaryXmpAndCommentAuthorsOfAPdf() throws IOException {
		Path original = directory.resolve("方案.pdf");
		try (PDDocument document = new PDDocument()) {
			PDPage page = new PDPage();
			document.addPage(page);
			document.addPage(new PDPage());
			PDDocumentInformation info = document.getDocumentInformation();
			info.setAuthor(NAME);
			info.setCreator(COMPANY + " Zhang San");
			info.setProducer("Zhang San's Office");
			info.setTitle(NAME + "的方案");
			info.setSubject(COMPANY);
			info.setKeywords(NAME);
			PDMetadata xmp = new PDMetadata(document,
					new ByteArrayInputStream(("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><dc:creator>" + NAME
							+ "</dc:creator><pdf:Producer>Zhang San</pdf:Producer></x:xmpmeta>")
						.getBytes(StandardCharsets.UTF_8)));
			document.getDocumentCatalog().setMetadata(xmp);
			PDAnnotationText comment = new PDAnnotationText();
			comment.setTitlePopup(NAME);
			page.getAnnotations().add(comment);
			document.save(original.toFile());
		}

		Path copy = blindCopy(original, directory);

		assertNowhereIn(copy, NAME, COMPANY, "Zhang San");
		try (PDDocument document = Loader.loadPDF(copy.toFile())) {
			assertThat(document.getNumberOfPages()).isEqualTo(2);
			assertThat(document.getDocumentInformation().getAuthor()).isNull();
			assertThat(document.getDocumentInformation().getProducer()).isNull();
			assertThat(document.getDocumentCatalog().getMetadata()).isNull();
			assertThat(document.getPage(0).getAnnotations()).hasSize(1);
			// what a compressed object stream or a Flate stream would hide from a byte
			// search
			assertThat(decodedObjects(document)).noneMatch(text -> text.contains(NAME) || text.contains("Zhang San"));
		}
	}

	private static List<String> decodedObjects(PDDocument document) throws IOException {
		List<String> texts = new ArrayList<>();
		for (COSObjectKey key : document.getDocument().getXrefTable().keySet()) {
			COSObject object = document.getDocument().getObjectFromPool(key);
			COSBase base = object.getObject();
			if (base instanceof COSStream stream) {
				try (InputStream in = stream.createInputStream()) {
					texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
			else if (base != null) {
				texts.add(base.toString());
			}
		}
		return texts;
	}

}
