package cn.zhengji.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on the real database: the embedded PostgreSQL of the test JVM, or
 * the server named by {@code spring.datasource.url} (see {@code .ci/run}). One context is
 * shared by all tests that use this annotation unchanged. Statements sent to the database
 * can be counted with the {@link QueryCounter} bean (see {@link QueryCounting}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("test")
@Import({ QueryCounting.class, TestFixtures.class })
public @interface ZhengjiTest {

}
