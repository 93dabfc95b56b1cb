package cn.zhengji.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class DatabaseUrlEnvironmentPostProcessorTest {

	@Test
	void translatesHostingStyleUrlWithCredentials() {
		assertThat(DatabaseUrlEnvironmentPostProcessor
			.toDatasourceProperties("postgres://zj:p%40ss@db.internal:6543/zhengji?sslmode=require"))
			.isEqualTo(Map.of("spring.datasource.url", "jdbc:postgresql://db.internal:6543/zhengji?sslmode=require",
					"spring.datasource.username", "zj", "spring.datasource.password", "p@ss"));
	}

	@Test
	void defaultsThePortAndKeepsJdbcUrlsAsTheyAre() {
		assertThat(DatabaseUrlEnvironmentPostProcessor.toDatasourceProperties("postgresql://db/zj"))
			.containsEntry("spring.datasource.url", "jdbc:postgresql://db:5432/zj");
		assertThat(DatabaseUrlEnvironmentPostProcessor.toDatasourceProperties("jdbc:postgresql://h:1/d"))
			.isEqualTo(Map.of("spring.datasource.url", "jdbc:postgresql://h:1/d"));
	}

	@Test
	void readsTheOwnerForFlywayFromItsOwnUrl() {
		assertThat(DatabaseUrlEnvironmentPostProcessor
			.toFlywayProperties("postgres://zhengji_owner:o%23wn@db.internal/zhengji"))
			.isEqualTo(Map.of("spring.flyway.url", "jdbc:postgresql://db.internal:5432/zhengji", "spring.flyway.user",
					"zhengji_owner", "spring.flyway.password", "o#wn"));
	}

	@Test
	void rejectsOtherDatabases() {
		assertThatThrownBy(() -> DatabaseUrlEnvironmentPostProcessor.toDatasourceProperties("mysql://h/d"))
			.isInstanceOf(IllegalStateException.class);
	}

}
