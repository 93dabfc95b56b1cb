package cn.zhengji.account.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The user agreement (用户协议) and the privacy notice (个人信息保护政策): public pages, linked from
 * registration and from the footer of every page.
 */
@Controller
class LegalPagesController {

	@GetMapping("/legal/agreement")
	String showAgreement() {
		return "account/agreement";
	}

	@GetMapping("/legal/privacy")
	String showPrivacy() {
		return "account/privacy";
	}

}
