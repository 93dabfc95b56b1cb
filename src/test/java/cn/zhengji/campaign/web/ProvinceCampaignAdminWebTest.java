package cn.zhengji.campaign.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.PhaseKind;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * R-CAM Item 7 of issue 10: the province runs its own campaigns. A provincial union's
 * admin copies the campaign its union hosts and edits the copy (texts, host,
 * declarations, phases, categories), every change audited; a city's admin finds nothing;
 * a change that would invalidate works already handed in is refused and says which.
 */
@ZhengjiTest
@AutoConfigureMockMvc
class ProvinceCampaignAdminWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Campaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	TestEntries entries;

	Organisation province;

	SignedInUser provinceAdmin;

	SignedInUser cityAdmin;

	String code;

	@BeforeEach
	void aProvinceAdminCopiesItsCampaign() throws Exception {
		province = organisations.byCode("fj");
		provinceAdmin = accounts.signedIn(accounts.admin(province).create());
		cityAdmin = accounts.signedIn(accounts.admin(organisations.byCode("fj-fuzhou")).create());
		code = "prov-" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/admin/campaigns/fujian-2024/copy").with(user(provinceAdmin))
			.with(csrf())
			.param("code", code)
			.param("title", "2026年“网聚职工正能量 争做八闽好网民”主题活动")
			.param("year", "2026")).andExpect(status().isFound()).andExpect(redirectedUrl("/admin/campaigns/" + code));
	}

	@Test
	void aProvinceAdminSeesOnlyTheCampaignsItsUnionHosts() throws Exception {
		String list = mvc.perform(get("/admin/campaigns").with(user(provinceAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("闽工〔2024〕41号", code).doesNotContain("总工字〔2024〕16号");
		mvc.perform(get("/admin/campaigns/national-2024").with(user(provinceAdmin))).andExpect(status().isNotFound());
		String workbench = mvc.perform(get("/workbench").with(user(provinceAdmin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(workbench).contains("href=\"/admin/campaigns\"");
	}

	@Test
	void aProvinceAdminEditsTheTextsDeclarationsPhasesAndCategoriesOfItsCampaign() throws Exception {
		Campaign copy = campaigns.getByCode(code);
		assertThat(copy.hostOrganisationId()).isEqualTo(province.id());
		mvc.perform(post("/admin/campaigns/{code}/settings", code).with(user(provinceAdmin))
			.with(csrf())
			.param("title", "2026年“网聚职工正能量 争做八闽好网民”主题活动")
			.param("shortTitle", "2026八闽好网民")
			.param("documentNumber", "闽工〔2026〕8号")
			.param("hostCode", "fj")
			.param("organisers", "福建省总工会、中共福建省委网信办")
			.param("summary", "2026年活动简介")
			.param("platformNote", "请于8月31日前提交")
			.param("version", String.valueOf(copy.version())))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashSuccess", "活动信息已保存"));
		assertThat(campaigns.getByCode(code).documentNumber()).isEqualTo("闽工〔2026〕8号");
		assertThat(audits("campaign", String.valueOf(copy.id()), "UPDATED")).isEqualTo(1);

		mvc.perform(post("/admin/campaigns/{code}/declarations/ORIGINALITY", code).with(user(provinceAdmin))
			.with(csrf())
			.param("title", "原创声明")
			.param("body", "本人（本单位）承诺所报送作品为2026年原创作品。")
			.param("textVersion", "1")).andExpect(status().isFound());
		assertThat(campaigns.declarations(campaigns.getByCode(code)))
			.filteredOn(declaration -> declaration.code().equals("ORIGINALITY"))
			.singleElement()
			.satisfies(declaration -> {
				assertThat(declaration.textVersion()).isEqualTo(2);
				assertThat(declaration.body()).contains("2026年原创作品");
			});

		mvc.perform(post("/admin/campaigns/{code}/phases/new", code).with(user(provinceAdmin))
			.with(csrf())
			.param("kind", "LAUNCH")
			.param("name", "启动部署")
			.param("startsOn", "2026-04-15")
			.param("endsOn", "2026-04-30")).andExpect(status().isFound());
		Campaign withLaunch = campaigns.getByCode(code);
		assertThat(withLaunch.phases().getFirst().kind()).isEqualTo(PhaseKind.LAUNCH);
		mvc.perform(post("/admin/campaigns/{code}/phases/SUMMARY/delete", code).with(user(provinceAdmin))
			.with(csrf())
			.param("version", String.valueOf(withLaunch.phase(PhaseKind.SUMMARY).orElseThrow().version())))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashSuccess", "阶段已删除"));
		assertThat(campaigns.getByCode(code).phase(PhaseKind.SUMMARY)).isEmpty();

		mvc.perform(post("/admin/campaigns/{code}/categories/new", code).with(user(provinceAdmin))
			.with(csrf())
			.param("basedOn", "micro-video")
			.param("code", "ai-case")
			.param("name", "AI应用案例征集")
			.param("shortName", "AI案例"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/campaigns/" + code + "/categories/ai-case"));
		Category added = campaigns.category(campaigns.getByCode(code), "ai-case").orElseThrow();
		assertThat(added.rules()).isEqualTo(campaigns.category(copy, "micro-video").orElseThrow().rules());
		mvc.perform(post("/admin/campaigns/{code}/categories/ai-case/name", code).with(user(provinceAdmin))
			.with(csrf())
			.param("name", "AI+应用案例征集")
			.param("shortName", "AI+案例")
			.param("description", "征集AI+服务实效项目")
			.param("version", String.valueOf(added.version()))).andExpect(status().isFound());
		assertThat(campaigns.category(campaigns.getByCode(code), "ai-case").orElseThrow().name())
			.isEqualTo("AI+应用案例征集");
		mvc.perform(post("/admin/campaigns/{code}/categories/song/delete", code).with(user(provinceAdmin))
			.with(csrf())
			.param("version", "0")).andExpect(flash().attribute("flashSuccess", "征集项目已删除"));
		assertThat(campaigns.category(campaigns.getByCode(code), "song")).isEmpty();

		assertThat(jdbc.sql("""
				select count(*) from audit_event where actor_id = ? and organisation_path = ?
				""").params(provinceAdmin.accountId(), province.path()).query(Long.class).single())
			// copy, texts, declaration, phase added and removed, category added, renamed
			// and
			// removed
			.isEqualTo(8);
	}

	@Test
	void aCityAdminFindsNoCampaignToAdminister() throws Exception {
		mvc.perform(get("/admin/campaigns").with(user(cityAdmin))).andExpect(status().isNotFound());
		mvc.perform(get("/admin/campaigns/{code}/settings", code).with(user(cityAdmin)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/admin/campaigns/{code}/settings", code).with(user(cityAdmin))
			.with(csrf())
			.param("title", "不应修改")
			.param("hostCode", "fj-fuzhou")
			.param("organisers", "福州市总工会")
			.param("version", "0")).andExpect(status().isNotFound());
		mvc.perform(post("/admin/campaigns/{code}/categories/song/delete", code).with(user(cityAdmin))
			.with(csrf())
			.param("version", "0")).andExpect(status().isNotFound());
		mvc.perform(post("/admin/campaigns/fujian-2024/copy").with(user(cityAdmin))
			.with(csrf())
			.param("code", code + "-city")
			.param("title", "不应复制")
			.param("year", "2027")).andExpect(status().isNotFound());
		assertThat(campaigns.getByCode(code).title()).isNotEqualTo("不应修改");
		assertThat(campaigns.category(campaigns.getByCode(code), "song")).isPresent();
		assertThat(campaigns.findByCode(code + "-city")).isEmpty();
		String workbench = mvc.perform(get("/workbench").with(user(cityAdmin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(workbench).doesNotContain("href=\"/admin/campaigns\"");
	}

	@Test
	void changesThatWouldInvalidateSubmittedWorksAreRefusedAndSayWhich() throws Exception {
		Campaign copy = campaigns.getByCode(code);
		Category microVideo = campaigns.category(copy, "micro-video").orElseThrow();
		Organisation fuzhou = organisations.byCode("fj-fuzhou");
		for (int i = 0; i < 3; i++) {
			long entry = entries.draft(copy, microVideo.id(), fuzhou, null, provinceAdmin.accountId(), "作品" + i);
			entries.waitAt(entry, fuzhou);
		}

		mvc.perform(post("/admin/campaigns/{code}/categories/micro-video/delete", code).with(user(provinceAdmin))
			.with(csrf())
			.param("version", String.valueOf(microVideo.version())))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/campaigns/" + code))
			.andExpect(flash().attribute("flashError", "类别『微视频』已有 3 件已提交作品，不能删除"));
		assertThat(campaigns.category(campaigns.getByCode(code), "micro-video")).isPresent();

		String rules = mvc
			.perform(post("/admin/campaigns/{code}/categories/micro-video", code).with(user(provinceAdmin))
				.with(csrf())
				.param("minDurationSeconds", "30")
				.param("maxDurationSeconds", "120")
				.param("maxFileSizeMb", "1024")
				.param("version", String.valueOf(microVideo.version())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(rules).contains("类别『微视频』已有 3 件已提交作品，不能收紧这项规则");
		// Loosening stays possible.
		mvc.perform(post("/admin/campaigns/{code}/categories/micro-video", code).with(user(provinceAdmin))
			.with(csrf())
			.param("minDurationSeconds", "20")
			.param("maxDurationSeconds", "400")
			.param("maxFileSizeMb", "2048")
			.param("version", String.valueOf(microVideo.version()))).andExpect(status().isFound());

		String removal = mvc
			.perform(post("/admin/campaigns/{code}/phases/SUBMISSION/delete", code).with(user(provinceAdmin))
				.with(csrf())
				.param("version", "0"))
			.andReturn()
			.getFlashMap()
			.get("flashError")
			.toString();
		assertThat(removal).isEqualTo("已有 3 件已提交作品，不能删除阶段『自评申报』");

		LocalDate today = LocalDate.now(copy.timeZone());
		String dates = mvc
			.perform(post("/admin/campaigns/{code}/phases/SUBMISSION", code).with(user(provinceAdmin))
				.with(csrf())
				.param("startsOn", today.plusDays(1).toString())
				.param("endsOn", today.plusDays(60).toString())
				.param("version", "0"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(dates).contains("已有 3 件已提交作品，最早于 " + today + " 提交，申报阶段不能晚于该日开始");

		// Even the platform admin cannot move the chain's end under works in it.
		String settings = mvc
			.perform(post("/admin/campaigns/{code}/settings", code).with(user(accounts.platformAdmin()))
				.with(csrf())
				.param("title", copy.title())
				.param("hostCode", "acftu")
				.param("organisers", copy.organisers())
				.param("version", String.valueOf(copy.version())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(settings).contains("已有 3 件已提交作品在审核推荐中");
		assertThat(campaigns.getByCode(code).hostOrganisationId()).isEqualTo(province.id());
	}

	private long audits(String targetType, String targetId, String action) {
		return jdbc.sql("select count(*) from audit_event where target_type = ? and target_id = ? and action = ?")
			.params(targetType, targetId, action)
			.query(Long.class)
			.single();
	}

}
