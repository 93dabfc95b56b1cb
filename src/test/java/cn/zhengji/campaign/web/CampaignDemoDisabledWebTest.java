package cn.zhengji.campaign.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With demo data off, the demonstration campaign is nowhere, even if an earlier run
 * created it.
 */
@ZhengjiTest
@AutoConfigureMockMvc
@TestPropertySource(properties = { "zhengji.demo.enabled=false", "zhengji.base-url=" })
class CampaignDemoDisabledWebTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theDemonstrationCampaignIsNotShownAnywhere() throws Exception {
		mvc.perform(get("/api/v1/campaigns"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code", hasItem("fujian-2024")))
			.andExpect(jsonPath("$[*].code", not(hasItem("demo-fujian"))));
		mvc.perform(get("/api/v1/campaigns/demo-fujian")).andExpect(status().isNotFound());
		mvc.perform(get("/campaigns/demo-fujian")).andExpect(status().isNotFound());

		String home = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(home).contains("2024年“网聚职工正能量 争做八闽好网民”主题活动")
			.doesNotContain("【演示】")
			.doesNotContain("demo-banner")
			.doesNotContain("demo-fujian");
	}

}
