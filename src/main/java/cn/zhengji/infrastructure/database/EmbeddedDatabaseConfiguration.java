package cn.zhengji.infrastructure.database;

import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With no database configured ({@code DATABASE_URL} or {@code spring.datasource.url}),
 * the platform runs its own PostgreSQL with the data under {@code zhengji.data-dir}.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseConfigured.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "release")
	EmbeddedPostgresServer embeddedPostgresServer(@Value("${zhengji.data-dir:./data}") Path dataDir,
			@Value("${zhengji.embedded-database.start-empty:false}") boolean startEmpty) {
		return EmbeddedPostgresServer.acquire(dataDir.resolve("postgres"), startEmpty);
	}

	@Bean
	DataSource dataSource(EmbeddedPostgresServer server) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(server.jdbcUrl());
		config.setUsername("postgres");
		config.setPassword("postgres");
		config.setMaximumPoolSize(10);
		config.setPoolName("embedded");
		return new HikariDataSource(config);
	}

	static class NoDatabaseConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !context.getEnvironment().containsProperty("spring.datasource.url");
		}

	}

}
