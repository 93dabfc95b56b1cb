package cn.zhengji.campaign.web;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@ZhengjiTest
@AutoConfigureMockMvc
class CampaignApiWebTest {

	@Autowired
	MockMvc mvc;

	@Test
	void listsVisibleCampaigns() throws Exception {
		mvc.perform(get("/api/v1/campaigns"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem("fujian-2024")))
			.andExpect(jsonPath("$[*].code", hasItem("national-2024")))
			.andExpect(jsonPath("$[*].code", hasItem("demo-fujian")));
	}

	@Test
	void showsACampaignWithPhasesAndDeclarations() throws Exception {
		mvc.perform(get("/api/v1/campaigns/fujian-2024"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.campaign.title").value("2024年“网聚职工正能量 争做八闽好网民”主题活动"))
			.andExpect(jsonPath("$.campaign.documentNumber").value("闽工〔2024〕41号"))
			.andExpect(jsonPath("$.campaign.host.code").value("fj"))
			.andExpect(jsonPath("$.campaign.timeZone").value("Asia/Shanghai"))
			.andExpect(jsonPath("$.campaign.acceptsSubmissions").value(false))
			.andExpect(jsonPath("$.feeds").value("national-2024"))
			.andExpect(jsonPath("$.declarations[*].code")
				.value(org.hamcrest.Matchers.contains("ORIGINALITY", "DISSEMINATION_RIGHTS", "LIABILITY")));
	}

	@Test
	void phasesCloseAtTheEndOfTheLastDayInBeijingTime() throws Exception {
		mvc.perform(get("/api/v1/campaigns/fujian-2024/phases"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].kind").value("SUBMISSION"))
			.andExpect(jsonPath("$[0].startsOn").value("2024-05-01"))
			.andExpect(jsonPath("$[0].endsOn").value("2024-08-30"))
			.andExpect(jsonPath("$[0].opensAt").value("2024-04-30T16:00:00Z"))
			.andExpect(jsonPath("$[0].closesAt").value("2024-08-30T16:00:00Z"))
			.andExpect(jsonPath("$[3].kind").value("SUMMARY"))
			.andExpect(jsonPath("$[3].endsOn").doesNotExist());
	}

	@Test
	void categoriesCarryTheirStructuredRules() throws Exception {
		mvc.perform(get("/api/v1/campaigns/fujian-2024/categories"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(7))
			.andExpect(jsonPath("$[1].code").value("micro-video"))
			.andExpect(jsonPath("$[1].rules.multipleWorksPerPerson").value(true))
			.andExpect(jsonPath("$[1].rules.attachments[0].accepted[0]").value("MP4"))
			.andExpect(jsonPath("$[1].rules.attachments[0].media.minDurationSeconds").value(30))
			.andExpect(jsonPath("$[1].rules.attachments[0].media.maxDurationSeconds").value(300))
			.andExpect(jsonPath("$[1].rules.attachments[0].media.resolutions[0]").value("FHD_LANDSCAPE"))
			.andExpect(jsonPath("$[6].rules.quotas[0].recommendingKinds[0]").value("CITY"))
			.andExpect(jsonPath("$[6].rules.quotas[0].max").value(5));
		mvc.perform(get("/api/v1/campaigns/national-2024/categories"))
			.andExpect(jsonPath("$.length()").value(10))
			.andExpect(jsonPath("$[7].name").value("互联网+工会普惠服务优秀平台征集"))
			.andExpect(jsonPath("$[7].hostUnits").value("厦门市总工会"));
	}

	@Test
	void allocationsListUnitsAndTheTotal() throws Exception {
		mvc.perform(get("/api/v1/campaigns/fujian-2024/allocations"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(100))
			.andExpect(jsonPath("$.units.length()").value(10))
			.andExpect(jsonPath("$.units[0].unitCode").value("fj-fuzhou"))
			.andExpect(jsonPath("$.units[0].unitName").value("福州市总工会"))
			.andExpect(jsonPath("$.units[0].events").value(13))
			.andExpect(jsonPath("$.units[9].unitCode").value("fj-pingtan"))
			.andExpect(jsonPath("$.units[9].events").value(1));
		mvc.perform(get("/api/v1/campaigns/national-2024/allocations"))
			.andExpect(jsonPath("$.total").value(3000))
			.andExpect(jsonPath("$.units.length()").value(35))
			.andExpect(jsonPath("$.units[25].unitCode").value("xz"))
			.andExpect(jsonPath("$.units[25].events").value(30))
			.andExpect(jsonPath("$.units[34].unitCode").value("ind-other"))
			.andExpect(jsonPath("$.units[34].events").value(110));
	}

	@Test
	void targetsOfTheNationalCampaign() throws Exception {
		mvc.perform(get("/api/v1/campaigns/national-2024/targets"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(5))
			.andExpect(jsonPath("$[0].metric").value("ORGANISATIONS_MOBILISED"))
			.andExpect(jsonPath("$[0].target").value(1000))
			.andExpect(jsonPath("$[4].metric").value("WORKERS_COVERED"))
			.andExpect(jsonPath("$[4].target").value(100000000));
	}

	@Test
	void unknownCampaignIsProblemJson404() throws Exception {
		mvc.perform(get("/api/v1/campaigns/no-such-campaign/categories"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value("未找到该资源"));
	}

	@Test
	void openApiDocumentsTheCampaignApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.info.title").value("征集平台 JSON API"))
			.andExpect(jsonPath("$.info.version").value("v1"))
			.andExpect(jsonPath("$.paths['/api/v1/campaigns'].get.summary").value("活动列表"))
			.andExpect(jsonPath("$.paths['/api/v1/organisations'].get").exists())
			.andExpect(jsonPath("$.paths['/api/v1/campaigns/{code}/allocations'].get").exists())
			.andExpect(jsonPath("$.paths").value(not(hasItem("/admin/campaigns"))));
	}

}
