package cn.zhengji.handoff;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import cn.zhengji.account.AccountTestContext;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.review.RoundResults;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14 item 3 through HTTP: the national admin's import page — the package upload
 * with its larger limit (tus, purpose "package", admins only), the import asked for, run
 * by the task and shown with its outcome; the refusals in Chinese (not a ZIP, no readable
 * manifest, an unknown sub-project, the same upload twice, a file not named .zip); a
 * finished import's works in the usual work list; the page the campaign's admins' alone.
 */
@AccountTestContext
class HandoffImportWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CampaignAdministration administration;

	@Autowired
	Campaigns campaigns;

	@Autowired
	RoundResults results;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestEntries entries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Handoffs handoffs;

	@Autowired
	DataSource dataSource;

	@Autowired
	OneTimeTask<Void> handoffImportTask;

	@Value("${zhengji.data-dir}")
	Path dataDir;

	HandoffImportScenery national;

	String base;

	@BeforeEach
	void scenery() {
		national = new HandoffImportScenery(administration, campaigns, organisations, accounts, jdbc, dataDir,
				dataSource, handoffImportTask);
		base = "/admin/campaigns/" + national.national.code() + "/handoff/imports";
	}

	@AfterEach
	void stop() {
		national.stop();
	}

	@Test
	void anAdminUploadsAPackageLargerThanAWorkAndOthersMayNot() throws Exception {
		long threeGigabytes = 3L * 1024 * 1024 * 1024;
		mvc.perform(post("/api/v1/uploads").with(csrf())
			.with(user(national.nationalAdmin))
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", String.valueOf(threeGigabytes))
			.header("Upload-Metadata", metadata("福建-歌曲.zip", "package"))).andExpect(status().isCreated());
		mvc.perform(post("/api/v1/uploads").with(csrf())
			.with(user(national.nationalAdmin))
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", String.valueOf(threeGigabytes))
			.header("Upload-Metadata", metadata("作品.mp4", null))).andExpect(status().isPayloadTooLarge());
		SignedInUser participant = accounts.signedIn(accounts.participant(national.province).create());
		mvc.perform(post("/api/v1/uploads").with(csrf())
			.with(user(participant))
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Length", String.valueOf(threeGigabytes))
			.header("Upload-Metadata", metadata("福建-歌曲.zip", "package"))).andExpect(status().isPayloadTooLarge());
	}

	@Test
	void refusalsAreListedInChineseAndNothingIsImported() throws Exception {
		assertThat(page()).contains("导入省级推荐包", "尚无导入记录", "data-purpose=\"package\"", "data-max-size=\"68719476736\"",
				"单个推荐包最大 64 GB");

		UUID notZip = national.uploaded("歌曲推荐包.zip", "这不是压缩包".getBytes(StandardCharsets.UTF_8));
		assertThat(flash(request(notZip), "flashSuccess")).isEqualTo("推荐包已上传，正在后台核对导入，结果见下方导入记录");
		UUID badManifest = national.uploaded("书法推荐包.zip", zip(Map.of("书法/书法推荐清单.xlsx",
				"不是 Excel".getBytes(StandardCharsets.UTF_8), "书法/001-作品/作品.mp4", new byte[] { 1, 2, 3 })));
		request(badManifest);
		awaitAll();

		String page = page();
		assertThat(page)
			.contains("已拒绝", "推荐包与推荐清单不符，未导入任何作品：", "<li>推荐包不是有效的 ZIP 文件</li>", "<li>推荐包的子项目“书法”不是本活动的子项目</li>",
					"<li>推荐清单 书法/书法推荐清单.xlsx 无法读取，不是有效的 Excel 文件</li>")
			// finished: the list no longer polls
			.doesNotContain("hx-trigger=\"every 3s\"");
		assertThat(national.entries()).isZero();

		assertThat(flash(request(notZip), "flashError")).isEqualTo("推荐包“歌曲推荐包.zip”已提交过导入");
		assertThat(flash(request(national.uploaded("清单.txt", new byte[] { 1 })), "flashError"))
			.isEqualTo("文件“清单.txt”不是 ZIP 推荐包");
		// someone else's upload, or none
		UUID others = national.uploaded("别人的.zip", new byte[] { 1 });
		jdbc.sql("update stored_file set owner_account_id = ? where id = ?")
			.params(accounts.admin(national.province).create().id(), others)
			.update();
		mvc.perform(post(base).with(csrf()).with(user(national.nationalAdmin)).param("uploadId", others.toString()))
			.andExpect(status().isNotFound());
		mvc.perform(post(base).with(csrf()).with(user(national.nationalAdmin)).param("uploadId", "x"))
			.andExpect(status().isNotFound());
	}

	@Test
	void aFinishedImportShowsItsOutcomeAndItsWorksAreInTheWorkList() throws Exception {
		HandoffScenery province = new HandoffScenery(administration, campaigns, results, organisations, accounts,
				entries, jdbc, dataDir);
		handoffs.select(province.hostAdmin, province.campaign.code(), Handoffs.Origin.RANKING, List.of(), Map.of());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		handoffs.packageOf(province.hostAdmin, province.campaign.code(), "song").writeTo(out);
		request(national.uploaded("福建-歌曲.zip", out.toByteArray()));
		assertThat(page()).contains("福建-歌曲.zip");
		awaitAll();

		assertThat(page()).contains("已导入", "<td data-label=\"子项目\">歌曲</td>", "<td data-label=\"省份\">福建省总工会</td>",
				"共 3 件作品：新建 3 件，此前已导入 0 件", "/admin/works?campaign=" + national.national.id());
		String works = mvc
			.perform(get("/admin/works").param("campaign", String.valueOf(national.national.id()))
				.with(user(national.nationalAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(works).contains("劳动者/之歌", "奋斗的青春", "工匠精神颂");
		long first = jdbc.sql("select min(id) from entry where campaign_id = ?")
			.param(national.national.id())
			.query(Long.class)
			.single();
		String detail = mvc.perform(get("/admin/works/" + first).with(user(national.nationalAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(detail).contains("劳动者/之歌", "由省级推荐导入", "由福建省总工会推荐导入（推荐包 福建-歌曲.zip；省级奖项：一等奖）", "作品0.mp4",
				"歌谱 (2).png");
	}

	@Test
	void onlyTheCampaignsAdminsReachTheImports() throws Exception {
		SignedInUser provinceAdmin = accounts.signedIn(accounts.admin(national.province).create())
			.withPasswordChanged();
		SignedInUser participant = accounts.signedIn(accounts.participant(national.province).create());
		for (SignedInUser someone : List.of(provinceAdmin, participant)) {
			mvc.perform(get(base).with(user(someone))).andExpect(status().isNotFound());
			mvc.perform(post(base).with(csrf()).with(user(someone)).param("uploadId", UUID.randomUUID().toString()))
				.andExpect(status().isNotFound());
		}
		mvc.perform(get(base)).andExpect(status().is3xxRedirection());
		// a province's campaign has no import page, not even for its own admin
		HandoffScenery province = new HandoffScenery(administration, campaigns, results, organisations, accounts,
				entries, jdbc, dataDir);
		mvc.perform(
				get("/admin/campaigns/" + province.campaign.code() + "/handoff/imports").with(user(province.hostAdmin)))
			.andExpect(status().isNotFound());
		assertThat(jdbc.sql("select count(*) from handoff_import where campaign_id = ?")
			.param(national.national.id())
			.query(Long.class)
			.single()).isZero();
	}

	private MvcResult request(UUID upload) throws Exception {
		return mvc
			.perform(post(base).with(csrf()).with(user(national.nationalAdmin)).param("uploadId", upload.toString()))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", base))
			.andReturn();
	}

	private static String flash(MvcResult result, String name) {
		return String.valueOf(result.getFlashMap().get(name));
	}

	private void awaitAll() throws InterruptedException {
		for (long id : jdbc.sql("select id from handoff_import where campaign_id = ?")
			.param(national.national.id())
			.query(Long.class)
			.list()) {
			national.awaitFinished(id);
		}
	}

	private String page() throws Exception {
		return mvc.perform(get(base).with(user(national.nationalAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("\\s+", " ")
			.replace("> ", ">")
			.replace(" <", "<");
	}

	private static String metadata(String fileName, String purpose) {
		Base64.Encoder base64 = Base64.getEncoder();
		String metadata = "filename " + base64.encodeToString(fileName.getBytes(StandardCharsets.UTF_8));
		return purpose == null ? metadata
				: metadata + ",purpose " + base64.encodeToString(purpose.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] zip(Map<String, byte[]> files) throws Exception {
		ByteArrayOutputStream result = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(result, StandardCharsets.UTF_8)) {
			for (Map.Entry<String, byte[]> file : new java.util.TreeMap<>(files).entrySet()) {
				out.putNextEntry(new ZipEntry(file.getKey()));
				out.write(file.getValue());
				out.closeEntry();
			}
		}
		return result.toByteArray();
	}

}
