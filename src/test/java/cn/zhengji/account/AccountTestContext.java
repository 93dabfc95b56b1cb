package cn.zhengji.account;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.zhengji.support.ZhengjiTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application with MockMvc and the real security configuration, plus a settable
 * clock, an SMS gateway that keeps what it was asked to send, and account fixtures. All
 * account tests use this one annotation so that they share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ZhengjiTest
@AutoConfigureMockMvc
@Import(AccountTestConfiguration.class)
public @interface AccountTestContext {

}
