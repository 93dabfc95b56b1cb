package cn.zhengji.account.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.zhengji.account.AccountTestContext;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 10 item 9: the user agreement (用户协议) and the privacy notice are real public
 * pages, linked from registration and from the footer of every page.
 */
@AccountTestContext
class LegalPagesWebTest {

	@Autowired
	MockMvc mvc;

	@Test
	void theUserAgreementIsAPublicPageWithItsSections() throws Exception {
		mvc.perform(get("/legal/agreement"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("<h1 class=\"page-title\">用户协议</h1>")))
			.andExpect(content().string(Matchers.containsString("作品的原创性与权利")))
			.andExpect(content().string(Matchers.containsString("href=\"/legal/privacy\"")));
	}

	@Test
	void thePrivacyNoticeSaysWhatIsCollectedWhyHowLongTheRightsAndWhomToContact() throws Exception {
		mvc.perform(get("/legal/privacy"))
			.andExpect(status().isOk())
			.andExpect(content().string(Matchers.containsString("<h1 class=\"page-title\">个人信息保护政策</h1>")))
			.andExpect(content().string(Matchers.containsString("我们收集哪些个人信息")))
			.andExpect(content().string(Matchers.containsString("身份证号码")))
			.andExpect(content().string(Matchers.containsString("保存期限")))
			.andExpect(content().string(Matchers.containsString("您的权利")))
			.andExpect(content().string(Matchers.containsString("fjghwl@sina.com")));
	}

	@Test
	void registrationAndTheFooterLinkToBothPages() throws Exception {
		mvc.perform(get("/register"))
			.andExpect(content().string(Matchers.containsString("<a href=\"/legal/agreement\" target=\"_blank\"")))
			.andExpect(content().string(Matchers.containsString("<a href=\"/legal/privacy\" target=\"_blank\"")));
		mvc.perform(get("/"))
			.andExpect(content().string(Matchers.containsString("class=\"footer-links")))
			.andExpect(content().string(Matchers.containsString("href=\"/legal/agreement\"")))
			.andExpect(content().string(Matchers.containsString("href=\"/legal/privacy\"")));
	}

}
