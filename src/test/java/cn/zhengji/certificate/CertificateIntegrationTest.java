package cn.zhengji.certificate;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import cn.zhengji.certificate.Certificates.TemplateInput;
import cn.zhengji.certificate.Certificates.TemplateRejected;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.ZhengjiTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14 item 4 on the demonstration's finished campaign ({@code demo-results}, three
 * final 微视频 awards, each submitted by a person): issuing gives each winner one
 * certificate with a unique 12-character code that the public verification finds; issuing
 * again keeps every code; the batch PDF has one A4 landscape page per certificate with
 * the placeholders filled; the ZIP one PDF each; the template's checks.
 */
@ZhengjiTest
class CertificateIntegrationTest {

	private static final String BASE = "https://zhengji.example.cn";

	@Autowired
	Certificates certificates;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	SignedInUser province;

	/** The final winners as the database has them: title → submitter's name. */
	Map<String, String> winners;

	@BeforeEach
	void resetCertificates() {
		long campaignId = jdbc.sql("select id from campaign where code = 'demo-results'").query(Long.class).single();
		jdbc.sql("delete from certificate where campaign_id = ?").param(campaignId).update();
		jdbc.sql("delete from certificate_template where campaign_id = ?").param(campaignId).update();
		province = accounts.signedIn("demo-province");
		winners = jdbc.sql("""
				select e.title, a.display_name from entry e join account a on 'account:' || a.id = e.owner_key
				where e.campaign_id = ? and e.state = 'AWARD_FINAL' order by e.id
				""")
			.param(campaignId)
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap((row) -> row.get(0), (row) -> row.get(1)));
		assertThat(winners).hasSize(3);
	}

	@Test
	void issuesOneVerifiableCertificatePerFinalWinnerAndKeepsTheCodesWhenIssuedAgain() {
		Certificates.Issued first = certificates.issue(province, "demo-results");
		assertThat(first).isEqualTo(new Certificates.Issued(3, 3));
		List<IssuedCertificate> issued = certificates.page(province, "demo-results").issued();
		assertThat(issued).hasSize(3);
		assertThat(issued).extracting(IssuedCertificate::code)
			.doesNotHaveDuplicates()
			.allMatch((code) -> code.matches("[A-Z2-7]{12}"));
		assertThat(issued).allSatisfy((certificate) -> {
			assertThat(certificate.recipientKind()).isEqualTo(IssuedCertificate.RecipientKind.PERSON);
			assertThat(certificate.recipientName()).isEqualTo(winners.get(certificate.workTitle()));
			assertThat(certificate.campaignTitle()).contains("演示");
			assertThat(certificate.categoryName()).contains("微视频");
			assertThat(certificate.awardName()).isIn("一等奖", "二等奖", "三等奖", "优秀奖");
		});
		assertThat(issued).extracting(IssuedCertificate::workTitle)
			.containsExactlyInAnyOrderElementsOf(winners.keySet());

		for (IssuedCertificate certificate : issued) {
			assertThat(certificates.verify(certificate.code())).contains(certificate);
			String typed = certificate.printedCode().toLowerCase(java.util.Locale.ROOT);
			assertThat(certificates.verify(" " + typed + " ")).contains(certificate);
		}
		assertThat(certificates.verify("AAAAAAAAAAAA")).isEmpty();
		assertThat(certificates.verify("not a code")).isEmpty();
		assertThat(certificates.verify(null)).isEmpty();

		Certificates.Issued again = certificates.issue(province, "demo-results");
		assertThat(again).isEqualTo(new Certificates.Issued(3, 0));
		assertThat(certificates.page(province, "demo-results").issued()).isEqualTo(issued);
		assertThat(jdbc.sql("""
				select count(*) from audit_event where target_type = 'certificate' and action = 'CREATED'
				and summary like '%共 3 张，新签发 0 张'
				""").query(Integer.class).single()).isPositive();
	}

	@Test
	void anotherCampaignsAdminIsRefused() {
		SignedInUser city = accounts.signedIn("demo-city");
		assertThatThrownBy(() -> certificates.issue(city, "demo-results")).isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> certificates.allAsPdf(city, "demo-results", BASE))
			.isInstanceOf(NotFoundException.class);
		assertThat(jdbc
			.sql("select count(*) from certificate c join campaign k on k.id = c.campaign_id "
					+ "where k.code = 'demo-results'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theBatchPdfHasOneLandscapePagePerCertificateWithThePlaceholdersFilled() throws IOException {
		certificates.saveTemplate(province, "demo-results", new TemplateInput("荣誉证书", """
				{获奖者}同志：
				你的作品《{作品名称}》在{活动名称}“{类别}”中荣获{奖项}（{单位}）。
				特发此证。""", "福建省总工会", LocalDate.of(2026, 12, 1), null, false, 0));
		certificates.issue(province, "demo-results");
		List<IssuedCertificate> issued = certificates.page(province, "demo-results").issued();
		byte[] pdf = certificates.allAsPdf(province, "demo-results", BASE);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(3);
			for (int page = 0; page < 3; page++) {
				IssuedCertificate certificate = issued.get(page);
				assertThat(document.getPage(page).getMediaBox().getWidth()).isCloseTo(842f,
						org.assertj.core.data.Offset.offset(1f));
				assertThat(document.getPage(page).getMediaBox().getHeight()).isCloseTo(595f,
						org.assertj.core.data.Offset.offset(1f));
				PDFTextStripper stripper = new PDFTextStripper();
				stripper.setStartPage(page + 1);
				stripper.setEndPage(page + 1);
				String text = stripper.getText(document).replaceAll("\\s", "");
				assertThat(text).contains("荣誉证书", certificate.recipientName() + "同志：",
						"《" + certificate.workTitle() + "》", "荣获" + certificate.awardName(),
						"（" + certificate.organisationName() + "）", certificate.categoryName(),
						certificate.printedCode(), BASE + "/certificates/verify/" + certificate.code(), "福建省总工会",
						"2026年12月1日");
				assertThat(text).doesNotContain("{", "}");
			}
			BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 110);
			Path screenshots = Path.of("target", "screenshots");
			Files.createDirectories(screenshots);
			ImageIO.write(image, "png", screenshots.resolve("certificate.png").toFile());
		}

		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		certificates.allAsZip(province, "demo-results", BASE, zip);
		List<String> names = new ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.toByteArray()))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
				try (PDDocument one = Loader.loadPDF(in.readAllBytes())) {
					assertThat(one.getNumberOfPages()).isEqualTo(1);
					assertThat(new PDFTextStripper().getText(one).replaceAll("\\s", ""))
						.contains(issued.get(names.size() - 1).printedCode());
				}
			}
		}
		assertThat(names).containsExactly(issued.stream()
			.map((c) -> String.format("%03d-%s-%s.pdf", issued.indexOf(c) + 1, c.workTitle(), c.recipientName()))
			.toArray(String[]::new));
	}

	@Test
	void theTemplateRefusesBadInputAndASealThatIsNoPng() throws IOException {
		assertThat(certificates.page(province, "demo-results").template().stored()).isFalse();
		assertThat(certificates.page(province, "demo-results").template().body()).contains("{作品名称}", "{奖项}");
		assertThatThrownBy(() -> certificates.saveTemplate(province, "demo-results",
				new TemplateInput(" ", "x", "y", LocalDate.of(2026, 1, 1), null, false, 0)))
			.isInstanceOfSatisfying(TemplateRejected.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("certificate.error.required.title"));
		byte[] jpeg = imageBytes("jpg");
		assertThatThrownBy(() -> certificates.saveTemplate(province, "demo-results",
				new TemplateInput("证书", "正文", "单位", LocalDate.of(2026, 1, 1), jpeg, false, 0)))
			.isInstanceOfSatisfying(TemplateRejected.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("certificate.error.seal.NOT_PNG"));
		byte[] png = imageBytes("png");
		certificates.saveTemplate(province, "demo-results",
				new TemplateInput("证书", "正文", "单位", LocalDate.of(2026, 1, 1), png, false, 0));
		CertificateTemplate saved = certificates.page(province, "demo-results").template();
		assertThat(saved.stored()).isTrue();
		assertThat(saved.sealPng()).isEqualTo(png);
		assertThat(certificates.sealPng(province, "demo-results")).isEqualTo(png);
		// A stale version is refused; the current one keeps the seal when none is sent.
		assertThatThrownBy(() -> certificates.saveTemplate(province, "demo-results",
				new TemplateInput("证书二", "正文", "单位", LocalDate.of(2026, 1, 1), null, false, 5)))
			.isInstanceOfSatisfying(TemplateRejected.class,
					(ex) -> assertThat(ex.messageKey()).isEqualTo("certificate.error.changed"));
		certificates.saveTemplate(province, "demo-results",
				new TemplateInput("证书二", "正文", "单位", LocalDate.of(2026, 1, 1), null, false, saved.version()));
		assertThat(certificates.page(province, "demo-results").template().sealPng()).isEqualTo(png);
		assertThat(certificates.page(province, "demo-results").template().title()).isEqualTo("证书二");
	}

	private static byte[] imageBytes(String format) throws IOException {
		BufferedImage image = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, format, out);
		return out.toByteArray();
	}

}
