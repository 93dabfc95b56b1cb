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
		long removed = removeOlderThan(now);
		if (removed > 0) {
			auditLog.recordInternal(AuditAction.AUDIT_PURGED, null, texts.text("audit.system"), "audit-event", null,
					null, texts.plain("audit.purged.summary", removed, cutoff.toLocalDate()),
					Map.of("removed", removed, "olderThan", cutoff.toString()));
		}
		return removed;
	}

	/**
	 * The one way audit rows leave: the application's database role may only insert and
	 * read them, so the owner's {@code audit_purge_older_than} (V117, SECURITY DEFINER)
	 * removes the chain's expired prefix and moves the anchor. The database refuses a
	 * retention under six months and a clock later than its own.
	 */
	private long removeOlderThan(OffsetDateTime now) {
		return jdbc.sql("select audit_purge_older_than(cast(:retention as interval), :asOf)")
			.param("retention", retention.toTotalMonths() + " months " + retention.getDays() + " days")
			.param("asOf", now)
			.query(Long.class)
			.single();
	}

}
