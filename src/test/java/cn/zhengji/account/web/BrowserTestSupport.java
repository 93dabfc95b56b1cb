package cn.zhengji.account.web;

import cn.zhengji.account.RecordingSmsGateway;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

@TestConfiguration(proxyBeanMethods = false)
class BrowserTestSupport {

	/**
	 * Stands in for the SMS provider, so that the test can read the code a person would
	 * receive.
	 */
	@Bean
	RecordingSmsGateway recordingSmsGateway() {
		return new RecordingSmsGateway();
	}

}
