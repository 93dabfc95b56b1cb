package cn.zhengji.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.RequestDenied;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.AccessRefused;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * R-X-3 Denied requests in the audit log without flooding it (issue 11): a refused look
 * at another unit's object ({@link AccessRefused}, answered 404), a request the URL rules
 * refuse and a CSRF failure ({@link RequestDenied}). Each is counted in a bucket per
 * actor (the account, or the client address when nobody is signed in), kind and minute:
 * the first of a bucket is written at once with what was asked for (never anything of the
 * object), and when the minute is over {@link #flush()} writes how many there were in all
 * if there was more than one. A script that hammers a thousand URLs a minute leaves two
 * events a minute. Written in a transaction of its own: the request's work, if any, was
 * rolled back by the refusal.
 */
@Service
public class DeniedRequestLog {

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Texts texts;

	private final Clock clock;

	private final TransactionTemplate ownTransaction;

	DeniedRequestLog(JdbcClient jdbc, AuditLog auditLog, Texts texts, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.texts = texts;
		this.clock = clock;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	@EventListener
	void refused(AccessRefused refused) {
		SignedInUser actor = SignedInUser.current().orElse(null);
		if (actor == null) {
			return;
		}
		String summary = texts.plain("audit.refused.summary", AuditTarget.label(texts, refused.targetType()),
				refused.targetId(), refused.method(), refused.url());
		count(AuditAction.ACCESS_REFUSED, refused.targetType(), refused.targetId(), refused.method(), refused.url(),
				summary);
	}

	@EventListener
	void denied(RequestDenied denied) {
		AuditAction action = denied.csrf() ? AuditAction.CSRF_REJECTED : AuditAction.ACCESS_DENIED;
		String summary = texts.plain("audit.denied.summary." + action.name(), denied.method(), denied.url());
		count(action, null, null, denied.method(), denied.url(), summary);
	}

	private void count(AuditAction action, String targetType, String targetId, String method, String url,
			String summary) {
		SignedInUser actor = SignedInUser.current().orElse(null);
		String address = remoteAddress();
		String actorKey = actor != null ? "account:" + actor.accountId() : "address:" + address;
		String actorName = actor != null ? actor.displayName() : texts.text("audit.anonymous");
		Long actorId = actor == null ? null : actor.accountId();
		String path = actor == null ? null : actor.organisationPath();
		Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
		ownTransaction.executeWithoutResult(status -> {
			int denied = jdbc
				.sql("""
						insert into audit_denial_bucket (minute, actor_key, action, actor_id, actor_name, remote_address,
						    organisation_path, last_method, last_url)
						values (:minute, :actorKey, :action, :actorId, :actorName, :address, :path, :method, :url)
						on conflict on constraint audit_denial_bucket_pk do update set denied = audit_denial_bucket.denied + 1,
						    last_method = excluded.last_method, last_url = excluded.last_url
						returning denied
						""")
				.param("minute", OffsetDateTime.ofInstant(minute, ZoneOffset.UTC))
				.param("actorKey", actorKey)
				.param("action", action.name())
				.param("actorId", actorId)
				.param("actorName", AuditFields.neutralise(actorName))
				.param("address", address)
				.param("path", path)
				.param("method", method)
				.param("url", url)
				.query(Integer.class)
				.single();
			if (denied == 1) {
				Map<String, Object> request = new LinkedHashMap<>();
				request.put("method", method);
				request.put("url", url);
				auditLog.recordInternal(action, actorId, actorName, targetType, targetId, path, summary, request);
			}
		});
	}

	/**
	 * Writes the buckets of minutes that are over: one event with the count for each that
	 * held more than the first denial (already written), and removes them. Runs every
	 * minute (db-scheduler, one node at a time).
	 * @return how many buckets were closed
	 */
	@Transactional
	public int flush() {
		OffsetDateTime currentMinute = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MINUTES),
				ZoneOffset.UTC);
		List<Bucket> closed = jdbc.sql("""
				delete from audit_denial_bucket where minute < :currentMinute
				returning minute, action, actor_id, actor_name, organisation_path, last_method, last_url, denied
				""")
			.param("currentMinute", currentMinute)
			.query((rs, n) -> new Bucket(rs.getObject("minute", OffsetDateTime.class),
					AuditAction.valueOf(rs.getString("action")), rs.getObject("actor_id", Long.class),
					rs.getString("actor_name"), rs.getString("organisation_path"), rs.getString("last_method"),
					rs.getString("last_url"), rs.getInt("denied")))
			.list();
		closed.stream()
			.filter(bucket -> bucket.denied() > 1)
			.sorted(Comparator.comparing(Bucket::minute))
			.forEach(bucket -> {
				Map<String, Object> counted = new LinkedHashMap<>();
				counted.put("minute", bucket.minute().toString());
				counted.put("count", bucket.denied());
				counted.put("lastMethod", bucket.lastMethod());
				counted.put("lastUrl", bucket.lastUrl());
				auditLog.recordInternal(bucket.action(), bucket.actorId(), bucket.actorName(), null, null,
						bucket.organisationPath(), texts.plain("audit.denied.counted",
								texts.text("audit.action." + bucket.action().name()), bucket.denied()),
						counted);
			});
		return closed.size();
	}

	private record Bucket(OffsetDateTime minute, AuditAction action, Long actorId, String actorName,
			String organisationPath, String lastMethod, String lastUrl, int denied) {
	}

	private static String remoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
