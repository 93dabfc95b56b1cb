package cn.zhengji.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Map;

import cn.zhengji.infrastructure.Texts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-X-3 Keeps the audit log for {@code zhengji.audit.retention} (default and minimum six
 * months, 等保 level 3) and removes what is older, daily (db-scheduler, one node at a
 * time). The oldest part of the chain is removed as a whole prefix, and the anchor keeps
 * the last removed link's MAC, so the remaining chain still verifies from its first link;
 * the purge itself is an audit event.
 */
@Service
public class AuditRetention {

	static final Period MINIMUM = Period.ofMonths(6);

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Clock clock;

	private final Period retention;

	private final Texts texts;

	AuditRetention(JdbcClient jdbc, AuditLog auditLog, Clock clock, Texts texts,
			@Value("${zhengji.audit.retention:P6M}") Period retention) {
		if (OffsetDateTime.now(clock).minus(retention).isAfter(OffsetDateTime.now(clock).minus(MINIMUM))) {
			throw new IllegalStateException("zhengji.audit.retention must be at least six months (P6M), not "
					+ retention + ": level 3 of GB/T 22239-2019 requires audit records to be kept that long");
		}
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.clock = clock;
		this.retention = retention;
		this.texts = texts;
	}

	/** Removes the events older than the retention period; returns how many. */
	@Transactional
	public long purge() {
		OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
		OffsetDateTime cutoff = now.minus(retention);
		long removed = removeOlderThan(cutoff, now);
		if (removed > 0) {
			auditLog.recordInternal(AuditAction.AUDIT_PURGED, null, texts.text("audit.system"), "audit-event", null,
					null, texts.plain("audit.purged.summary", removed, cutoff.toLocalDate()),
					Map.of("removed", removed, "olderThan", cutoff.toString()));
		}
		return removed;
	}

	/**
	 * The one statement that deletes audit rows. Issue 11 (branch sec/db) makes the
	 * application's role INSERT/SELECT-only on the audit tables and provides a SECURITY
	 * DEFINER function for the purge; this method will then call that function instead of
	 * running the statement itself.
	 */
	private long removeOlderThan(OffsetDateTime cutoff, OffsetDateTime now) {
		jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", AuditLog.CHAIN_LOCK).query().singleRow();
		// A prefix of the chain up to the first link that is not old yet: the rest stays
		// linked, and no event younger than the cutoff goes (writers' clocks may differ a
		// little, so time alone is not a prefix).
		return jdbc.sql("""
				with boundary as (
				    select coalesce(
				        (select min(chain_seq) from audit_event where chain_seq is not null and occurred_at >= :cutoff),
				        (select max(chain_seq) + 1 from audit_event)) - 1 as last_seq
				), last_link as (
				    select e.chain_seq, e.mac from audit_event e join boundary b on e.chain_seq = b.last_seq
				), anchored as (
				    insert into audit_chain_anchor (chain_seq, mac, purged_before, purged_at)
				    select chain_seq, mac, :cutoff, :now from last_link
				    on conflict on constraint audit_chain_anchor_pk do update set chain_seq = excluded.chain_seq,
				        mac = excluded.mac, purged_before = excluded.purged_before, purged_at = excluded.purged_at
				    returning 1
				), removed as (
				    delete from audit_event e
				    where e.chain_seq <= (select last_seq from boundary)
				       or (e.chain_seq is null and e.occurred_at < :cutoff)
				    returning 1
				)
				select (select count(*) from removed) + 0 * (select count(*) from anchored)
				""").param("cutoff", cutoff).param("now", now).query(Long.class).single();
	}

}
