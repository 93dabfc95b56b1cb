package cn.zhengji.infrastructure.database;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
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
			@Value("${zhengji.embedded-database.start-empty:false}") boolean startEmpty,
			@Value("${zhengji.embedded-database.superuser-password:}") String superuserPassword,
			@Value("${zhengji.embedded-database.owner-password:}") String ownerPassword,
			@Value("${zhengji.embedded-database.application-password:}") String applicationPassword) {
		DatabaseCredentials credentials = DatabaseCredentials.configuredOrStoredIn(
				dataDir.resolve("keys").resolve("database.properties"), superuserPassword, ownerPassword,
				applicationPassword);
		return EmbeddedPostgresServer.acquire(dataDir.resolve("postgres"), credentials, startEmpty);
	}

	/** The platform runs as the application role: not superuser, owning nothing. */
	@Bean
	DataSource dataSource(EmbeddedPostgresServer server) {
		return applicationDataSource(server);
	}

	/**
	 * Flyway migrates as the owner, and grants the application role what it needs
	 * ({@code V100}, the placeholder {@code app_role}).
	 */
	@Bean
	FlywayConfigurationCustomizer migrateAsOwner(EmbeddedPostgresServer server) {
		return configuration -> {
			Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
			placeholders.put("app_role", DatabaseCredentials.APPLICATION);
			configuration.dataSource(server.jdbcUrl(), DatabaseCredentials.OWNER, server.credentials().ownerPassword())
				.placeholders(placeholders);
		};
	}

	static HikariDataSource applicationDataSource(EmbeddedPostgresServer server) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(server.jdbcUrl());
		config.setUsername(DatabaseCredentials.APPLICATION);
		config.setPassword(server.credentials().applicationPassword());
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
