package cn.zhengji.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes audit events. A change is recorded in the transaction that makes it, so that a
 * change and its audit event are committed together or not at all. The actor and address
 * are taken from the current request unless given.
 */
@Service
public class AuditLog {

	/** The advisory lock that serialises writers of the chain ("auditlg" in ASCII). */
	static final long CHAIN_LOCK = 0x61756469746c67L;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	private final Texts texts;

	private final AuditChain chain;

	AuditLog(JdbcClient jdbc, ObjectMapper json, Clock clock, Texts texts, AuditChain chain) {
		this.texts = texts;
		this.chain = chain;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * Records a change made by the signed-in user of the current request.
	 * @param target what was changed, e.g. {@code "organisation"}
	 * @param organisationPath the path of the organisation the target belongs to; decides
	 * which admins may read the event
	 * @param before the state before (null for a creation); any object Jackson can write
	 * @param after the state after (null for a deletion)
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordChange(AuditAction action, String target, Object targetId, String organisationPath,
			String summary, Object before, Object after) {
		SignedInUser actor = SignedInUser.current().orElse(null);
		insert(action, actor == null ? null : actor.accountId(),
				actor == null ? texts.text("audit.system") : actor.displayName(), target, targetId, organisationPath,
				summary, before, after);
	}

	/**
	 * Records an event whose actor is known but not (or no longer) signed in: sign-in
	 * attempts, sign-out, system seeding.
	 */
	@Transactional
	public void recordFor(Long actorId, String actorName, AuditAction action, String target, Object targetId,
			String organisationPath, String summary) {
		insert(action, actorId, actorName, target, targetId, organisationPath, summary, null, null);
	}

	/**
	 * An event of the audit module itself (a purge, a count of denied requests), with the
	 * actor and states given.
	 */
	void recordInternal(AuditAction action, Long actorId, String actorName, String target, Object targetId,
			String organisationPath, String summary, Object after) {
		insert(action, actorId, actorName, target, targetId, organisationPath, summary, null, after);
	}

	private void insert(AuditAction action, Long actorId, String actorName, String target, Object targetId,
			String organisationPath, String summary, Object before, Object after) {
		// One writer at a time extends the chain, on every node: the lock is PostgreSQL's
		// and
		// is held until this transaction ends, so the next link is computed from a
		// committed
		// one (or from this transaction's own).
		jdbc.sql("select pg_advisory_xact_lock(:lock)").param("lock", CHAIN_LOCK).query().singleRow();
		Previous previous = previousLink();
		States states = storedStates(before, after);
		AuditChain.Link link = new AuditChain.Link(previous.chainSeq() + 1, previous.mac(),
				AuditChain.stored(clock.instant()), actorId, AuditFields.neutralise(actorName),
				AuditFields.neutralise(currentRemoteAddress()), action.name(), AuditFields.neutralise(target),
				AuditFields.neutralise(targetId == null ? null : targetId.toString()), AuditFields.neutralise(summary),
				AuditFields.neutralise(organisationPath), states.before(), states.after());
		jdbc.sql("""
				insert into audit_event (occurred_at, actor_id, actor_name, remote_address, action, target_type,
				    target_id, summary, organisation_path, before_state, after_state, chain_seq, previous_mac, mac)
				values (:at, :actorId, :actorName, :address, :action, :target, :targetId, :summary, :path,
				    cast(:before as jsonb), cast(:after as jsonb), :chainSeq, :previousMac, :mac)
				""")
			.param("at", OffsetDateTime.ofInstant(link.occurredAt(), ZoneOffset.UTC))
			.param("actorId", link.actorId())
			.param("actorName", link.actorName())
			.param("address", link.remoteAddress())
			.param("action", link.action())
			.param("target", link.targetType())
			.param("targetId", link.targetId())
			.param("summary", link.summary())
			.param("path", link.organisationPath())
			.param("before", link.beforeState())
			.param("after", link.afterState())
			.param("chainSeq", link.chainSeq())
			.param("previousMac", link.previousMac())
			.param("mac", chain.mac(link))
			.update();
	}

	/**
	 * The newest link, or where the purge left the chain, or nothing before the first
	 * link.
	 */
	private Previous previousLink() {
		return jdbc.sql("""
				select chain_seq, mac from (
				    (select chain_seq, mac from audit_event where chain_seq is not null
				     order by chain_seq desc limit 1)
				    union all
				    (select chain_seq, mac from audit_chain_anchor)
				) links
				order by chain_seq desc limit 1
				""")
			.query((rs, n) -> new Previous(rs.getLong("chain_seq"), rs.getBytes("mac")))
			.optional()
			.orElse(new Previous(0, AuditChain.GENESIS));
	}

	/**
	 * The states as PostgreSQL will give them back ({@code jsonb::text}: its own key
	 * order and spacing), so that the MAC covers what a verifier reads.
	 */
	private States storedStates(Object before, Object after) {
		if (before == null && after == null) {
			return new States(null, null);
		}
		return jdbc.sql("select cast(:before as jsonb)::text as before, cast(:after as jsonb)::text as after")
			.param("before", before == null ? null : json.writeValueAsString(before))
			.param("after", after == null ? null : json.writeValueAsString(after))
			.query((rs, n) -> new States(rs.getString("before"), rs.getString("after")))
			.single();
	}

	private record Previous(long chainSeq, byte[] mac) {
	}

	private record States(String before, String after) {
	}

	private static String currentRemoteAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

}
