package cn.zhengji.account.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhengji.account.AccountFixtures;
import cn.zhengji.account.AccountTestContext;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@AccountTestContext
class WorkbenchWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountFixtures fixtures;

	@Test
	void showsAParticipantTheirOrganisationAndALinkToTheirWorks() throws Exception {
		mvc.perform(get("/workbench").with(user(fixtures.signedIn("13800000001"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("您好，演示职工")))
			.andExpect(content().string(Matchers.containsString("我的作品")))
			.andExpect(content().string(Matchers.containsString("href=\"/works\"")))
			.andExpect(content().string(Matchers.containsString("所属组织：演示科技有限公司工会")))
			.andExpect(content().string(Matchers.containsString("（职工）")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("管理功能"))));
	}

	@Test
	void showsAnOrganisationAdminItsManagementLinksButNotCampaigns() throws Exception {
		mvc.perform(get("/workbench").with(user(fixtures.signedIn("demo-city"))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("组织管理员")))
			.andExpect(content().string(Matchers.containsString("福州市总工会")))
			.andExpect(content().string(Matchers.containsString("href=\"/admin/accounts\"")))
			.andExpect(content().string(Matchers.containsString("href=\"/admin/organisations\"")))
			.andExpect(content().string(Matchers.containsString("href=\"/admin/audit\"")))
			.andExpect(content().string(Matchers.not(Matchers.containsString("活动、阶段、征集项目和名额"))));
	}

	@Test
	void showsAnExpertTheWayToItsReviews() throws Exception {
		mvc.perform(get("/workbench").with(user(fixtures.signedIn(fixtures.expert("fj")))))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("评审专家")))
			.andExpect(content().string(Matchers.containsString("href=\"/expert/reviews\"")));
	}

	@Test
	void sendsVisitorsToSignIn() throws Exception {
		mvc.perform(get("/workbench")).andExpect(redirectedUrl("/sign-in"));
	}

}
