package cn.zhengji.submission.web;

import java.util.Map;

import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.EntryLifecycle;
import cn.zhengji.submission.SubmissionFixtures;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The submission pages with the real security configuration: every category's entry page
 * and edit page show exactly the texts and slots of its rule, the nomination form (附件4)
 * is checked and its personal data stays masked except through the audited "查看完整信息".
 */
@ZhengjiTest
@AutoConfigureMockMvc
class WorksPagesWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	EntryLifecycle changes;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	cn.zhengji.campaign.Campaigns campaigns;

	SubmissionFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new SubmissionFixtures(jdbc, organisations, userDetails, cipher);
	}

	/**
	 * Who enters each category: a participant kind, or an admin of an organisation kind.
	 */
	SignedInUser submitterFor(String who) {
		Organisation fuzhou = fixtures.organisation("fj-fuzhou");
		return switch (who) {
			case "WORKER" -> fixtures.worker();
			case "UNION_CADRE" -> fixtures.participant("UNION_CADRE", fixtures.grassroots());
			case "COUNTY" -> fixtures.admin(fixtures.newOrganisation(fuzhou, "作品页面区总工会", OrganisationKind.COUNTY));
			case "CITY" -> fixtures.admin(fuzhou);
			default -> throw new IllegalArgumentException(who);
		};
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			song               | WORKER      | 歌曲作品（MP3音频或MP4视频） | 完整歌谱（图片）       | 由职工自行创作
			micro-video        | WORKER      | 微视频作品（MP4）           | 时长30秒至5分钟         | 无水印
			application-system | COUNTY      | 介绍PPT                    | 运营推广               | 材料须反映应用系统真实情况
			digital-union      | COUNTY      | 佐证图片                    | 展示                  | 数字赋能工会工作开展情况
			cadre-story        | UNION_CADRE | 微故事作品（MP3音频或MP4视频） | 音质清晰               | 须为原创作品
			cyber-security     | WORKER      | 微视频或动漫作品（MP4）       | 片头字幕须有作品名称     | 画面清晰
			good-netizen       | CITY        | 佐证视频（MP4）              | 一寸彩照               | 账号发布内容坚持正确导向
			""")
	void everyCategoryHasAnEntryPageWithTheSlotsAndJudgementsOfItsRule(String category, String who, String slot,
			String rule, String judgement) throws Exception {
		SignedInUser owner = submitterFor(who);
		long id = changes.create(owner, SubmissionFixtures.OPEN_CAMPAIGN, category, "页面测试-" + category);

		mvc.perform(get("/works/" + id).with(user(owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("页面测试-" + category)))
			.andExpect(content().string(containsString(slot)))
			.andExpect(content().string(containsString(rule)))
			.andExpect(content().string(containsString(judgement)))
			.andExpect(content().string(containsString("class=\"upload-widget\" data-endpoint=\"/api/v1/uploads\"")))
			.andExpect(content().string(containsString("/works/" + id + "/slots/")))
			.andExpect(content().string(containsString("原创声明")))
			.andExpect(content().string(containsString("提交前检查")));
		mvc.perform(get("/works/" + id + "/edit").with(user(owner))).andExpect(status().isOk());
		mvc.perform(get("/works").with(user(owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("页面测试-" + category)));
	}

	@Test
	void theNewEntryPageShowsEachCategoryWithItsRulesAndWhetherTheParticipantMayEnterIt() throws Exception {
		SignedInUser worker = fixtures.worker();

		mvc.perform(get("/works/new").param("campaign", SubmissionFixtures.OPEN_CAMPAIGN).with(user(worker)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("网络正能量微视频征集")))
			.andExpect(content().string(containsString("您的身份不能申报此项目")))
			.andExpect(content().string(containsString("时长30秒至5分钟")));
		mvc.perform(post("/works/new").with(csrf())
			.with(user(worker))
			.param("campaign", SubmissionFixtures.OPEN_CAMPAIGN)
			.param("category", "cadre-story")
			.param("title", "不该创建"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("您的身份不能申报此征集项目")))
			.andExpect(content()
				.string(containsString("本项目由专兼职工会干部、社会化工会工作者申报，您注册的身份是“职工”。请选择其他征集项目；如身份登记有误，请联系所在单位工会管理员更正。")));
	}

	/**
	 * Issue 10 item 2: "你的身份不能申报此项目" says who can and what to do instead, for a
	 * participant and for an organisation's admin.
	 */
	@Test
	void aCategoryOneMayNotEnterSaysWhoMayAndWhatToDoInstead() throws Exception {
		SignedInUser worker = fixtures.worker();
		String page = mvc
			.perform(get("/works/new").param("campaign", SubmissionFixtures.OPEN_CAMPAIGN).with(user(worker)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("本项目由专兼职工会干部、社会化工会工作者申报，您注册的身份是“职工”。");

		SignedInUser county = submitterFor("COUNTY");
		String forAdmin = mvc
			.perform(get("/works/new").param("campaign", SubmissionFixtures.OPEN_CAMPAIGN).with(user(county)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(forAdmin).contains("本项目由职工、专兼职工会干部、社会化工会工作者本人申报，不接受以单位名义申报。请通知本单位符合条件的人员用本人手机号注册后申报。");
	}

	/**
	 * Issue 10 item 2: the submit button says what is still missing — the same list the
	 * server applies at submit — and the list follows the declarations as they are ticked
	 * (htmx).
	 */
	@Test
	void theSubmitButtonSaysWhatIsStillMissingAndFollowsTheTickedDeclarations() throws Exception {
		SignedInUser worker = fixtures.worker();
		long id = changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "micro-video", "还差什么");

		mvc.perform(get("/works/" + id).with(user(worker)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("提交作品（还差 2 项）")))
			.andExpect(content().string(containsString("请上传“微视频作品（MP4）”")))
			.andExpect(content().string(containsString("勾选声明：原创声明、")));
		java.util.List<Long> declarations = campaigns
			.declarations(campaigns.getByCode(SubmissionFixtures.OPEN_CAMPAIGN))
			.stream()
			.map(cn.zhengji.campaign.Declaration::id)
			.toList();
		org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder ticked = get(
				"/works/" + id + "/submit-state")
			.with(user(worker))
			.header("HX-Request", "true");
		for (Long declaration : declarations) {
			ticked = ticked.param("declaration", String.valueOf(declaration));
		}
		mvc.perform(ticked)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("提交作品（还差 1 项）")))
			.andExpect(content().string(containsString("请上传“微视频作品（MP4）”")))
			.andExpect(content().string(not(containsString("勾选声明"))))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(post("/works/" + id + "/submit").with(csrf()).with(user(worker)).param("version", "0"))
			.andExpect(flash().attribute("flashError", "作品还有1项未满足要求，请按“提交前检查”处理后再提交。"));
	}

	@Test
	void theApplicationSystemIntroductionIsEditedSectionBySection() throws Exception {
		SignedInUser admin = submitterFor("COUNTY");
		long id = changes.create(admin, SubmissionFixtures.OPEN_CAMPAIGN, "application-system", "分部分填写");

		mvc.perform(post("/works/" + id + "/edit").with(csrf())
			.with(user(admin))
			.param("version", "0")
			.param("title", "分部分填写")
			.param("text:introduction:0", "需求与方案的内容")
			.param("text:introduction:3", "运营推广的内容"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/works/" + id));

		mvc.perform(get("/works/" + id).with(user(admin)))
			.andExpect(content().string(containsString("需求与方案的内容")))
			.andExpect(content().string(containsString("运营推广的内容")))
			.andExpect(content().string(containsString("尚缺以下部分：产品设计、界面设计")))
			.andExpect(content().string(containsString("共 15 字，上限 3000 字")));
		mvc.perform(get("/works/" + id + "/edit").with(user(admin)))
			.andExpect(content().string(containsString("上限 3000 字")));
		// The same version again: someone else saved in between.
		mvc.perform(post("/works/" + id + "/edit").with(csrf())
			.with(user(admin))
			.param("version", "0")
			.param("title", "分部分填写")
			.param("text:introduction:0", "旧页面的内容"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("该作品已被他人（或您在另一个窗口）修改")))
			.andExpect(content().string(containsString("旧页面的内容")));
	}

	@Test
	void theNominationFormChecksTheIdNumberAndKeepsPersonalDataEncryptedAndMasked() throws Exception {
		SignedInUser cityAdmin = submitterFor("CITY");
		long id = changes.create(cityAdmin, SubmissionFixtures.OPEN_CAMPAIGN, "good-netizen", "推荐好网民");
		Map<String, String> form = Map.ofEntries(Map.entry("version", "0"), Map.entry("title", "推荐好网民"),
				Map.entry("name", "张三"), Map.entry("sex", "MALE"), Map.entry("birthMonth", "1949-11"),
				Map.entry("politicalStatus", "中共党员"), Map.entry("accountName", "八闽工匠"), Map.entry("platform", "抖音"),
				Map.entry("followers", "3.2万"), Map.entry("unitAndPosition", "某公司 技术员"),
				Map.entry("mobile", "13812345678"), Map.entry("idNumber", "110105194912310021"),
				Map.entry("profile", "简介"), Map.entry("reasons", "理由"));

		var wrongCheckDigit = post("/works/" + id + "/edit").with(csrf()).with(user(cityAdmin));
		form.forEach(wrongCheckDigit::param);
		mvc.perform(wrongCheckDigit).andExpect(status().isOk()).andExpect(content().string(containsString("身份证号有误")));

		var wrongMonth = post("/works/" + id + "/edit").with(csrf()).with(user(cityAdmin));
		with(form, Map.of("idNumber", "11010519491231002X")).forEach(wrongMonth::param);
		mvc.perform(wrongMonth)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("出生年月与身份证号不一致：身份证号中的出生年月为1949年12月")));

		var valid = post("/works/" + id + "/edit").with(csrf()).with(user(cityAdmin));
		with(form, Map.of("idNumber", "11010519491231002x", "birthMonth", "1949-12")).forEach(valid::param);
		mvc.perform(valid).andExpect(status().isFound());

		Map<String, Object> row = jdbc.sql("select * from entry_nomination where entry_id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(row.get("id_number_masked")).isEqualTo("110105********002X");
		assertThat(row.get("mobile_masked")).isEqualTo("138****5678");
		assertThat(new String((byte[]) row.get("id_number_cipher"), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain("11010519491231002X");
		assertThat(cipher.decrypt((byte[]) row.get("id_number_cipher"))).isEqualTo("11010519491231002X");
		assertThat(cipher.decrypt((byte[]) row.get("mobile_cipher"))).isEqualTo("13812345678");

		mvc.perform(get("/works/" + id).with(user(cityAdmin)))
			.andExpect(content().string(containsString("110105********002X")))
			.andExpect(content().string(containsString("138****5678")))
			.andExpect(content().string(not(containsString("11010519491231002X"))))
			.andExpect(content().string(not(containsString("13812345678"))));
		// Saving again without retyping keeps the stored numbers.
		mvc.perform(post("/works/" + id + "/edit").with(csrf())
			.with(user(cityAdmin))
			.param("version", "1")
			.param("title", "推荐好网民")
			.param("name", "张三")
			.param("birthMonth", "1949-12")).andExpect(status().isFound());
		assertThat(jdbc.sql("select id_number_masked from entry_nomination where entry_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("110105********002X");

		SignedInUser provinceAdmin = fixtures.admin(fixtures.organisation("fj"));
		mvc.perform(get("/works/" + id + "/personal-data").with(user(provinceAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("11010519491231002X")))
			.andExpect(content().string(containsString("13812345678")));
		mvc.perform(get("/works/" + id + "/personal-data").with(user(cityAdmin))).andExpect(status().isOk());
		assertThat(jdbc.sql("""
				select count(*) from audit_event where target_type = 'entry' and target_id = ?
				   and action = 'VIEWED_PERSONAL_DATA'
				""").param(String.valueOf(id)).query(Integer.class).single()).isEqualTo(2);

		// The form of 附件4 as Word: masked for a reader, full for the province (audited
		// like a view).
		assertThat(wordText(mvc.perform(get("/works/" + id + "/nomination.docx").with(user(cityAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray())).contains("110105********002X", "138****5678", "张三")
			.doesNotContain("11010519491231002X");
		assertThat(wordText(
				mvc.perform(get("/works/" + id + "/nomination.docx").param("full", "true").with(user(provinceAdmin)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsByteArray()))
			.contains("11010519491231002X", "13812345678");
		mvc.perform(get("/works/" + id + "/nomination.pdf").with(user(provinceAdmin)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
				.string("Content-Disposition", containsString(
						"filename*=UTF-8''%E5%85%AB%E9%97%BD%E8%81%8C%E5%B7%A5%E5%A5%BD%E7%BD%91%E6%B0%91%E6%8E%A8%E8%8D%90%E8%A1%A8-%E5%BC%A0%E4%B8%89.pdf")))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.contentType("application/pdf"));
		assertThat(jdbc.sql("""
				select count(*) from audit_event where target_type = 'entry' and target_id = ?
				   and action = 'VIEWED_PERSONAL_DATA'
				""").param(String.valueOf(id)).query(Integer.class).single()).isEqualTo(3);

		SignedInUser xiamenAdmin = fixtures.admin(fixtures.organisation("fj-xiamen"));
		mvc.perform(get("/works/" + id + "/personal-data").with(user(xiamenAdmin))).andExpect(status().isNotFound());
		mvc.perform(get("/admin/works/" + id).with(user(xiamenAdmin))).andExpect(status().isNotFound());
		mvc.perform(get("/admin/works/" + id).with(user(provinceAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("110105********002X")))
			.andExpect(content().string(containsString("查看完整信息")));
	}

	@Test
	void aRefusedNominationFormKeepsEveryTypedValueAndTheStoredMobile() throws Exception {
		SignedInUser cityAdmin = submitterFor("CITY");
		long id = changes.create(cityAdmin, SubmissionFixtures.OPEN_CAMPAIGN, "good-netizen", "推荐好网民");
		Map<String, String> form = Map.ofEntries(Map.entry("version", "0"), Map.entry("title", "推荐好网民"),
				Map.entry("name", "张三"), Map.entry("sex", "MALE"), Map.entry("birthMonth", "1949-12"),
				Map.entry("politicalStatus", "中共党员"), Map.entry("accountName", "八闽工匠"), Map.entry("platform", "抖音"),
				Map.entry("followers", "3.2万"), Map.entry("unitAndPosition", "某公司 技术员"),
				Map.entry("mobile", "13812345678"), Map.entry("idNumber", "11010519491231002X"),
				Map.entry("profile", "简介"), Map.entry("reasons", "理由"));
		var first = post("/works/" + id + "/edit").with(csrf()).with(user(cityAdmin));
		form.forEach(first::param);
		mvc.perform(first).andExpect(status().isFound());

		// A new mobile with a wrong ID number: refused, and the page still holds both.
		var refused = post("/works/" + id + "/edit").with(csrf()).with(user(cityAdmin));
		with(form, Map.of("version", "1", "mobile", "13900001111", "idNumber", "110105194912310021"))
			.forEach(refused::param);
		mvc.perform(refused)
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("身份证号有误")))
			.andExpect(content().string(containsString("value=\"13900001111\"")))
			.andExpect(content().string(containsString("value=\"110105194912310021\"")))
			.andExpect(content().string(containsString("value=\"八闽工匠\"")));
		assertThat(storedMobile(id)).isEqualTo("13812345678");

		// Fixing only the ID number saves the mobile typed with it.
		var fixed = post("/works/" + id + "/edit").with(csrf()).with(user(cityAdmin));
		with(form, Map.of("version", "1", "mobile", "13900001111")).forEach(fixed::param);
		mvc.perform(fixed).andExpect(status().isFound());
		assertThat(storedMobile(id)).isEqualTo("13900001111");

		// The masked value sent back as it is shown keeps the stored number.
		var masked = post("/works/" + id + "/edit").with(csrf()).with(user(cityAdmin));
		with(form, Map.of("version", "2", "mobile", "139****1111", "idNumber", "110105********002X"))
			.forEach(masked::param);
		mvc.perform(masked).andExpect(status().isFound());
		assertThat(storedMobile(id)).isEqualTo("13900001111");
	}

	@Test
	void aLetterInTheVersionFieldIsAChineseRefusalNotAConversionError() throws Exception {
		SignedInUser cityAdmin = submitterFor("CITY");
		long id = changes.create(cityAdmin, SubmissionFixtures.OPEN_CAMPAIGN, "good-netizen", "推荐好网民");
		mvc.perform(post("/works/" + id + "/edit").with(csrf())
			.with(user(cityAdmin))
			.param("version", "abc")
			.param("title", "推荐好网民")
			.param("mobile", "13812345678"))
			.andExpect(content().string(not(containsString("Failed to convert"))))
			.andExpect(content().string(containsString("value=\"13812345678\"")));
	}

	private String storedMobile(long id) {
		return cipher.decrypt(jdbc.sql("select mobile_cipher from entry_nomination where entry_id = ?")
			.param(id)
			.query(byte[].class)
			.single());
	}

	@Test
	void nominationTextsAreCountedAsTheNoticeCountsAndTooLongOnesChangeNothing() throws Exception {
		SignedInUser cityAdmin = submitterFor("CITY");
		long id = changes.create(cityAdmin, SubmissionFixtures.OPEN_CAMPAIGN, "good-netizen", "字数限制");
		// 1500 characters in ten paragraphs, as a browser sends them (CR LF): line breaks
		// do not count.
		String reasons = String.join("\r\n", java.util.Collections.nCopies(10, "劳".repeat(150)));
		mvc.perform(post("/works/" + id + "/edit").with(csrf())
			.with(user(cityAdmin))
			.param("version", "0")
			.param("title", "字数限制")
			.param("name", "李四")
			.param("reasons", reasons)).andExpect(status().isFound());
		assertThat(jdbc.sql("select reasons from entry_nomination where entry_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo(reasons);

		mvc.perform(post("/works/" + id + "/edit").with(csrf())
			.with(user(cityAdmin))
			.param("version", "1")
			.param("title", "字数限制")
			.param("name", "李四")
			.param("reasons", reasons + "劳"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不能超过1500字，现有1501字")));
		mvc.perform(post("/works/" + id + "/edit").with(csrf())
			.with(user(cityAdmin))
			.param("version", "1")
			.param("title", "字数限制")
			.param("name", "名".repeat(31))
			.param("reasons", "理由"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不能超过30字，现有31字")));
		mvc.perform(post("/works/" + id + "/edit").with(csrf())
			.with(user(cityAdmin))
			.param("version", "1")
			.param("title", "字数限制")
			.param("name", "李四")
			.param("profile", "简".repeat(501)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("不能超过500字，现有501字")));

		Map<String, Object> row = jdbc.sql("select name, reasons, profile from entry_nomination where entry_id = ?")
			.param(id)
			.query()
			.singleRow();
		assertThat(row.get("name")).isEqualTo("李四");
		assertThat(row.get("reasons")).isEqualTo(reasons);
		assertThat(row.get("profile")).isNull();
	}

	@Test
	void digitalUnionEvidenceIsFiledUnderTheFiveDimensions() throws Exception {
		SignedInUser admin = submitterFor("COUNTY");
		long id = changes.create(admin, SubmissionFixtures.OPEN_CAMPAIGN, "digital-union", "数字工会");
		String location = mvc
			.perform(post("/api/v1/uploads").with(csrf())
				.with(user(admin))
				.header("Tus-Resumable", "1.0.0")
				.header("Upload-Length", String.valueOf(HostileUploadsWebTest.png(400, 300).length))
				.header("Upload-Metadata", HostileUploadsWebTest.metadata("保障制度.png")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getHeader("Location");
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(location)
			.with(csrf())
			.with(user(admin))
			.header("Tus-Resumable", "1.0.0")
			.header("Upload-Offset", "0")
			.contentType("application/offset+octet-stream")
			.content(HostileUploadsWebTest.png(400, 300))).andExpect(status().isNoContent());

		mvc.perform(post("/works/" + id + "/slots/images/attach").with(csrf())
			.with(user(admin))
			.param("section", "保障")
			.param("uploadId", location.substring(location.lastIndexOf('/') + 1)))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashSuccess", "已添加文件 保障制度.png，检查结果见下方。"));

		assertThat(jdbc.sql("select section from entry_attachment where entry_id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("保障");
		String page = mvc.perform(get("/works/" + id).with(user(admin))).andReturn().getResponse().getContentAsString();
		for (String dimension : new String[] { "保障", "基础", "创新", "效果", "展示" }) {
			assertThat(page).contains("/slots/images/attach?section="
					+ java.net.URLEncoder.encode(dimension, java.nio.charset.StandardCharsets.UTF_8));
		}
		// A section the rule does not name is not there.
		mvc.perform(post("/works/" + id + "/slots/images/attach").with(csrf())
			.with(user(admin))
			.param("section", "其他")
			.param("uploadId", location.substring(location.lastIndexOf('/') + 1))).andExpect(status().isNotFound());
	}

	/** The text of a .docx (its main document part, tags removed). */
	static String wordText(byte[] docx) throws Exception {
		try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(docx))) {
			for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				if (entry.getName().equals("word/document.xml")) {
					return new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replaceAll("<[^>]+>",
							"");
				}
			}
		}
		throw new AssertionError("no word/document.xml");
	}

	static Map<String, String> with(Map<String, String> form, Map<String, String> changes) {
		Map<String, String> changed = new java.util.HashMap<>(form);
		changed.putAll(changes);
		return changed;
	}

	@Test
	void withdrawingAndSubmittingComeBackWithAMessage() throws Exception {
		SignedInUser worker = fixtures.worker();
		long id = changes.create(worker, SubmissionFixtures.OPEN_CAMPAIGN, "micro-video", "消息测试");

		mvc.perform(post("/works/" + id + "/submit").with(csrf()).with(user(worker)).param("version", "0"))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashError", "作品还有1项未满足要求，请按“提交前检查”处理后再提交。"));
		mvc.perform(post("/works/" + id + "/withdraw").with(csrf())
			.with(user(worker))
			.param("version", "0")
			.param("remark", "不参加了"))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashSuccess", "作品已撤回。"));
		mvc.perform(get("/works/" + id).with(user(worker)))
			.andExpect(content().string(containsString("已撤回")))
			.andExpect(content().string(containsString("不参加了")))
			.andExpect(content().string(not(containsString("class=\"upload-widget\""))));
	}

}
