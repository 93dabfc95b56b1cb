package cn.zhengji.media;

import java.awt.Rectangle;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;

import cn.zhengji.media.PageImages.PageImage;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageImagesTest {

	@TempDir
	Path directory;

	private final PageImages pages = new PageImages(Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"));

	@Test
	void drawsEverySlideOfAPptxAtTheFixedWidth() throws Exception {
		Path deck = directory.resolve("deck.pptx");
		try (XMLSlideShow show = new XMLSlideShow(); OutputStream out = Files.newOutputStream(deck)) {
			for (int i = 1; i <= 3; i++) {
				XSLFSlide slide = show.createSlide();
				XSLFTextBox box = slide.createTextBox();
				box.setAnchor(new Rectangle(50, 50, 600, 100));
				box.setText("第" + i + "页 职工创新成果");
			}
			show.write(out);
		}

		List<PageImage> images = pages.render(deck, directory.resolve("pages"));

		assertThat(images).hasSize(3);
		// the default 4:3 deck of 720 x 540 points
		assertThat(images).allSatisfy((image) -> {
			assertThat(image.width()).isEqualTo(PageImages.WIDTH);
			assertThat(image.height()).isEqualTo(960);
			assertThat(ImageIO.read(image.file().toFile()).getWidth()).isEqualTo(PageImages.WIDTH);
		});
		assertThat(images.get(2).file().getFileName()).hasToString("page-3.png");
	}

	@Test
	void drawsPdfPagesUpToTheCap() throws Exception {
		Path pdf = directory.resolve("doc.pdf");
		try (PDDocument document = new PDDocument()) {
			for (int i = 0; i < PageImages.MAX_PAGES + 2; i++) {
				document.addPage(new PDPage(PDRectangle.A4));
			}
			document.save(pdf.toFile());
		}

		List<PageImage> images = pages.render(pdf, directory.resolve("pages"));

		assertThat(images).hasSize(PageImages.MAX_PAGES);
		assertThat(images.getFirst().width()).isEqualTo(PageImages.WIDTH);
		assertThat(images.getFirst().height()).isCloseTo(Math.round(841.89f * (PageImages.WIDTH / 595.28f)),
				offsetOfOne());
	}

	@Test
	void refusesOtherFormats() throws Exception {
		Path text = Files.writeString(directory.resolve("a.txt"), "hello");

		assertThatThrownBy(() -> pages.render(text, directory.resolve("pages"))).isInstanceOf(BlindCopyException.class)
			.extracting((ex) -> ((BlindCopyException) ex).reason())
			.isEqualTo(BlindCopyException.Reason.UNSUPPORTED_FORMAT);
	}

	private static org.assertj.core.data.Offset<Integer> offsetOfOne() {
		return org.assertj.core.data.Offset.offset(1);
	}

}
