package cn.zhengji.support;

import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.organisation.Organisations;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The shared scenery builders as beans of every {@link ZhengjiTest} context: autowire
 * {@link TestOrganisations}, {@link TestAccounts} and {@link TestEntries} instead of
 * writing rows by hand in each test.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestFixtures {

	@Bean
	TestOrganisations testOrganisations(JdbcClient jdbc, Organisations organisations) {
		return new TestOrganisations(jdbc, organisations);
	}

	@Bean
	TestAccounts testAccounts(JdbcClient jdbc, PersonalDataCipher cipher, UserDetailsService userDetails) {
		return new TestAccounts(jdbc, cipher, userDetails);
	}

	@Bean
	TestEntries testEntries(JdbcClient jdbc) {
		return new TestEntries(jdbc);
	}

}
