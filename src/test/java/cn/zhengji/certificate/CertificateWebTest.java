package cn.zhengji.certificate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.zhengji.account.AccountTestContext;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14 item 4 through HTTP: the certificate page and its downloads are the campaign's
 * host admins' alone (another organisation's admin: 404, nothing issued; a visitor: sign
 * in); the public verification page shows what the certificate says and nothing else, and
 * "未找到" with 404 for an unknown code; a seal that is no PNG is refused in Chinese.
 */
@AccountTestContext
class CertificateWebTest {

	private static final String PAGE = "/admin/campaigns/demo-results/certificates";

	@Autowired
	MockMvc mvc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	SignedInUser province;

	SignedInUser city;

	@BeforeEach
	void signIn() {
		jdbc.sql("delete from certificate where campaign_id = (select id from campaign where code = 'demo-results')")
			.update();
		jdbc.sql("delete from certificate_template "
				+ "where campaign_id = (select id from campaign where code = 'demo-results')")
			.update();
		province = accounts.signedIn("demo-province");
		city = accounts.signedIn("demo-city");
	}

	@Test
	void onlyTheHostsAdminsIssueAndDownload() throws Exception {
		mvc.perform(get(PAGE).with(user(city))).andExpect(status().isNotFound());
		mvc.perform(post(PAGE + "/issue").with(user(city)).with(csrf())).andExpect(status().isNotFound());
		mvc.perform(get("/admin/campaigns/demo-results/certificates.pdf").with(user(city)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/campaigns/demo-results/certificates.zip").with(user(city)))
			.andExpect(status().isNotFound());
		mvc.perform(get(PAGE + "/preview.pdf").with(user(city))).andExpect(status().isNotFound());
		mvc.perform(get(PAGE)).andExpect(status().is3xxRedirection());
		assertThat(count()).isZero();

		String page = mvc.perform(get(PAGE).with(user(province)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("获奖证书", "已定稿获奖作品 3 件，已签发证书 0 张", "{作品名称}", "荣誉证书");
		mvc.perform(post(PAGE + "/issue").with(user(province)).with(csrf()))
			.andExpect(redirectedUrl(PAGE))
			.andExpect(flash().attribute("flashSuccess", "共 3 张证书，其中新签发 3 张。"));
		assertThat(count()).isEqualTo(3);

		byte[] pdf = mvc.perform(get("/admin/campaigns/demo-results/certificates.pdf").with(user(province)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
		MvcResult zip = mvc.perform(get("/admin/campaigns/demo-results/certificates.zip").with(user(province)))
			.andExpect(request().asyncStarted())
			.andReturn();
		byte[] zipped = mvc.perform(asyncDispatch(zip))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(zipEntries(zipped)).hasSize(3).allMatch((name) -> name.matches("00[1-3]-.+\\.pdf"));
	}

	@Test
	void theVerificationPageIsPublicAndSaysNotFoundForAnUnknownCode() throws Exception {
		mvc.perform(post(PAGE + "/issue").with(user(province)).with(csrf())).andExpect(redirectedUrl(PAGE));
		List<String> row = jdbc.sql("""
				select c.code, c.work_title, c.award_name, c.recipient_name
				from certificate c join entry e on e.id = c.entry_id join account a on 'account:' || a.id = e.owner_key
				where c.campaign_id = (select id from campaign where code = 'demo-results') order by c.id limit 1
				""")
			.query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.single();
		String shown = mvc.perform(get("/certificates/verify/" + row.get(0)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(shown).contains("查验通过", row.get(1), row.get(2), row.get(3),
				row.get(0).substring(0, 4) + "-" + row.get(0).substring(4, 8) + "-" + row.get(0).substring(8));
		assertThat(shown).doesNotContain("138000");

		mvc.perform(get("/certificates/verify").param("code", row.get(0).toLowerCase(java.util.Locale.ROOT)))
			.andExpect(redirectedUrl("/certificates/verify/" + row.get(0).toLowerCase(java.util.Locale.ROOT)));
		String missing = mvc.perform(get("/certificates/verify/AAAAAAAAAAAA"))
			.andExpect(status().isNotFound())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(missing).contains("未找到该证书。", "AAAAAAAAAAAA").doesNotContain("查验通过");
		mvc.perform(get("/certificates/verify").param("code", "？？")).andExpect(status().isNotFound());
		mvc.perform(get("/certificates/verify")).andExpect(status().isOk());
	}

	@Test
	void aSealThatIsNoPngIsRefusedInChinese() throws Exception {
		MockMultipartFile seal = new MockMultipartFile("seal", "seal.png", "image/png",
				"<svg xmlns='http://www.w3.org/2000/svg'/>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		mvc.perform(multipart(PAGE + "/template").file(seal)
			.param("title", "荣誉证书")
			.param("body", "{获奖者}")
			.param("issuer", "福建省总工会")
			.param("signatureDate", "2026-12-01")
			.param("version", "0")
			.with(user(province))
			.with(csrf()))
			.andExpect(redirectedUrl(PAGE))
			.andExpect(flash().attribute("flashError", "印章图片必须是 PNG 格式的图片。"));
		assertThat(jdbc
			.sql("select count(*) from certificate_template "
					+ "where campaign_id = (select id from campaign where code = 'demo-results')")
			.query(Integer.class)
			.single()).isZero();
		mvc.perform(multipart(PAGE + "/template").param("title", "荣誉证书")
			.param("body", "{获奖者}：特发此证。")
			.param("issuer", "福建省总工会")
			.param("signatureDate", "2026-12-01")
			.param("version", "0")
			.with(user(province))
			.with(csrf())).andExpect(flash().attribute("flashSuccess", "证书模板已保存。"));
		mvc.perform(get(PAGE + "/seal.png").with(user(province)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/png"));
	}

	private int count() {
		return jdbc
			.sql("select count(*) from certificate "
					+ "where campaign_id = (select id from campaign where code = 'demo-results')")
			.query(Integer.class)
			.single();
	}

	private static List<String> zipEntries(byte[] zip) throws IOException {
		List<String> names = new java.util.ArrayList<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				names.add(entry.getName());
			}
		}
		return names;
	}

}
