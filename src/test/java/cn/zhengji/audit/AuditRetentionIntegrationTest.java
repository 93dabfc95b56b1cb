package cn.zhengji.audit;

import java.time.Clock;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.support.ZhengjiTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * R-X-3 (issue 11) Audit events are kept at least six months; the purge removes what is
 * older as a prefix of the chain, and what remains still verifies. Time is a clock the
 * test sets.
 */
// Purges the oldest audit rows of the shared database (what other tests check was
// audited, such as the first admin's creation): after every other test class.
@Order(Integer.MAX_VALUE)
@ZhengjiTest
class AuditRetentionIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ObjectMapper json;

	@Autowired
	Texts texts;

	@Autowired
	AuditChain chain;

	@Autowired
	Flyway flyway;

	@Autowired
	AuditChainVerification verification;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void eventsOlderThanSixMonthsArePurgedAndTheRestOfTheChainStillVerifies() {
		ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
		// What other tests logged earlier is older still, so the expired part is a prefix
		// of
		// the chain (as it is in production); only the schema owner can date rows back.
		JdbcClient.create(flyway.getConfiguration().getDataSource())
			.sql("update audit_event set occurred_at = occurred_at - interval '2 years'")
			.update();
		long old = write(now.minusMonths(6).minusDays(1), "过期");
		long fiveMonthsLater = write(now.minusMonths(1), "保留");
		// Whatever else was chained before the first event here — by a background job of
		// this or another test context while the statement above ran, or with a test
		// context's clock set ahead — is made older than it too. The chain lock is held
		// to
		// commit, so every event before the first one here is committed by now.
		JdbcClient.create(flyway.getConfiguration().getDataSource())
			.sql("""
					update audit_event set occurred_at = (select occurred_at from audit_event where id = :old) - interval '1 day'
					where chain_seq < (select chain_seq from audit_event where id = :old)
					  and occurred_at >= (select occurred_at from audit_event where id = :old) - interval '1 day'
					""")
			.param("old", old)
			.update();

		// Six months and one day after the first event: it is due, the second is not.
		// (The database never lets a clock run ahead of its own, so events are dated
		// back.)
		AuditRetention retention = retention(now);
		Long removed = transactions.execute(status -> retention.purge());

		assertThat(removed).isPositive();
		assertThat(exists(old))
			.as("kept before it: %s", jdbc
				.sql("""
						select string_agg(id || ' ' || action || ' ' || occurred_at || ' seq ' || coalesce(chain_seq::text, '-'), '; ')
						from audit_event where id < ? and occurred_at >= now() - interval '6 months'
						""")
				.param(old)
				.query(String.class)
				.optional()
				.orElse(""))
			.isFalse();
		assertThat(exists(fiveMonthsLater)).isTrue();
		AuditChainVerification.Report report = verification.verify();
		assertThat(report.firstBroken()).isEmpty();
		assertThat(report.purgedUpTo()).isPresent();
		assertThat(jdbc.sql("select count(*) from audit_event where action = 'AUDIT_PURGED' and summary like ?")
			.param("按保存期限清理了 " + removed + " 条%")
			.query(Long.class)
			.single()).isOne();

		// A clock ahead of the database's own cannot make the second event due.
		Long removedLater = transactions.execute(status -> retention(now.plusMonths(11)).purge());
		assertThat(removedLater).isZero();
		assertThat(exists(fiveMonthsLater)).isTrue();
		assertThat(verification.verify().firstBroken()).isEmpty();
	}

	@Test
	void aRetentionShorterThanSixMonthsIsRefusedAtStart() {
		Clock clock = Clock.systemUTC();
		assertThatIllegalStateException()
			.isThrownBy(() -> new AuditRetention(jdbc, auditLog(clock), clock, texts, Period.ofDays(180)))
			.withMessageContaining("at least six months");
	}

	private AuditRetention retention(ZonedDateTime at) {
		Clock clock = Clock.fixed(at.toInstant(), ZoneOffset.UTC);
		return new AuditRetention(jdbc, auditLog(clock), clock, texts, Period.ofMonths(6));
	}

	private AuditLog auditLog(Clock clock) {
		return new AuditLog(jdbc, json, clock, texts, chain);
	}

	private long write(ZonedDateTime at, String name) {
		String actor = name + System.nanoTime();
		AuditLog log = auditLog(Clock.fixed(at.toInstant(), ZoneOffset.UTC));
		transactions.executeWithoutResult(
				status -> log.recordFor(null, actor, AuditAction.UPDATED, "organisation", 1, "/1/", name));
		return jdbc.sql("select id from audit_event where actor_name = ?").param(actor).query(Long.class).single();
	}

	private boolean exists(long id) {
		return jdbc.sql("select count(*) from audit_event where id = ?").param(id).query(Long.class).single() == 1;
	}

}
