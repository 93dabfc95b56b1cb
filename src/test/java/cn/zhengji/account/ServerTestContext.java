package cn.zhengji.account;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.zhengji.support.QueryCounting;
import cn.zhengji.support.TestFixtures;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application behind a real Tomcat on a random port, with the account test
 * beans (settable clock, recording SMS gateway, fixtures): for what only a real server
 * shows — the session store behind the cookie, the client address Tomcat believes. Five
 * wrong passwords block an address, so that the per-address limit is reached quickly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "zhengji.sign-in.address-max-failures=" + ServerTestContext.ADDRESS_MAX_FAILURES })
@ActiveProfiles("test")
@Import({ QueryCounting.class, TestFixtures.class, AccountTestConfiguration.class })
@interface ServerTestContext {

	int ADDRESS_MAX_FAILURES = 5;

}
