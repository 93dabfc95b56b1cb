package cn.zhengji.account;

import cn.zhengji.organisation.Organisations;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.password.PasswordEncoder;

@TestConfiguration(proxyBeanMethods = false)
class AccountTestConfiguration {

	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock();
	}

	/**
	 * Stands in for the SMS provider, an external service; our own code runs for real.
	 */
	@Bean
	RecordingSmsGateway recordingSmsGateway() {
		return new RecordingSmsGateway();
	}

	/** Lets {@link SessionCookies} see what each response sets. */
	@Bean
	MockMvcBuilderCustomizer sessionCookies() {
		return builder -> builder.alwaysDo(SessionCookies.CAPTURE);
	}

	@Bean
	AccountFixtures accountFixtures(AccountRecords records, PasswordEncoder passwordEncoder,
			Organisations organisations, AccountUserDetailsService userDetails) {
		return new AccountFixtures(records, passwordEncoder, organisations, userDetails);
	}

}
