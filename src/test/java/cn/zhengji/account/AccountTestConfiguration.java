package cn.zhengji.account;

import cn.zhengji.organisation.Organisations;
import org.springframework.boot.test.context.TestConfiguration;
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

	@Bean
	AccountFixtures accountFixtures(AccountRecords records, PasswordEncoder passwordEncoder,
			Organisations organisations, AccountUserDetailsService userDetails) {
		return new AccountFixtures(records, passwordEncoder, organisations, userDetails);
	}

}
