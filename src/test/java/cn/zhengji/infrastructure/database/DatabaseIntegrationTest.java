package cn.zhengji.infrastructure.database;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@ZhengjiTest
class DatabaseIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void keepsCommittedDataDurable() {
		// zonky starts PostgreSQL with -F (no fsync) for throw-away databases; ours holds
		// real data.
		assertThat(jdbc.sql("show fsync").query(String.class).single()).isEqualTo("on");
		assertThat(jdbc.sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
	}

	@Test
	void migratesTheSchemaWithFlyway() {
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single())
			.isGreaterThanOrEqualTo(1);
		assertThat(
				jdbc.sql("select count(*) from pg_extension where extname = 'pg_trgm'").query(Integer.class).single())
			.isEqualTo(1);
	}

}
