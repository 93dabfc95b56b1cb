package cn.zhengji.audit;

import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-X-3 Checks the audit chain link by link, oldest first, from where the retention purge
 * left it ({@code audit_chain_anchor}) or from the first link, and names the first link
 * that is broken: its content no longer matches its MAC (a row was changed), it does not
 * name the MAC of the link before (a row was removed, replaced or reordered), or links
 * are missing before it. Reads the rows from a cursor, so the whole log never sits in
 * memory.
 */
@Service
public class AuditChainVerification {

	private final JdbcClient jdbc;

	private final AuditChain chain;

	AuditChainVerification(JdbcClient jdbc, AuditChain chain) {
		this.jdbc = jdbc;
		this.chain = chain;
	}

	@Transactional(readOnly = true)
	public Report verify() {
		Optional<Anchor> anchor = jdbc.sql("select chain_seq, mac from audit_chain_anchor")
			.query((rs, n) -> new Anchor(rs.getLong("chain_seq"), rs.getBytes("mac")))
			.optional();
		long expectedSeq = anchor.map(Anchor::chainSeq).orElse(0L) + 1;
		byte[] expectedPrevious = anchor.map(Anchor::mac).orElse(AuditChain.GENESIS);
		long checked = 0;
		BrokenLink broken = null;
		try (Stream<Row> rows = jdbc.sql("""
				select id, chain_seq, previous_mac, mac, occurred_at, actor_id, actor_name, remote_address, action,
				    target_type, target_id, summary, organisation_path, before_state::text as before_state,
				    after_state::text as after_state
				from audit_event where chain_seq is not null order by chain_seq
				""")
			.withFetchSize(1000)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getBytes("mac"),
					new AuditChain.Link(rs.getLong("chain_seq"), rs.getBytes("previous_mac"),
							rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
							rs.getObject("actor_id", Long.class), rs.getString("actor_name"),
							rs.getString("remote_address"), rs.getString("action"), rs.getString("target_type"),
							rs.getString("target_id"), rs.getString("summary"), rs.getString("organisation_path"),
							rs.getString("before_state"), rs.getString("after_state"))))
			.stream()) {
			Iterator<Row> links = rows.iterator();
			while (broken == null && links.hasNext()) {
				Row row = links.next();
				AuditChain.Link link = row.link();
				if (link.chainSeq() != expectedSeq) {
					broken = new BrokenLink(row.id(), link.chainSeq(), Fault.MISSING_BEFORE);
				}
				else if (!MessageDigest.isEqual(link.previousMac(), expectedPrevious)) {
					broken = new BrokenLink(row.id(), link.chainSeq(), Fault.NOT_LINKED);
				}
				else if (!MessageDigest.isEqual(chain.mac(link), row.mac())) {
					broken = new BrokenLink(row.id(), link.chainSeq(), Fault.ALTERED);
				}
				else {
					checked++;
					expectedSeq++;
					expectedPrevious = row.mac();
				}
			}
		}
		long unchained = jdbc.sql("select count(*) from audit_event where chain_seq is null")
			.query(Long.class)
			.single();
		return new Report(checked, Optional.ofNullable(broken), unchained, anchor.map(Anchor::chainSeq));
	}

	/**
	 * What the check found.
	 *
	 * @param intact the links checked and found intact, up to the first broken one
	 * @param firstBroken the first broken link, if any
	 * @param unchained events outside the chain: written before it began (issue 11) or
	 * inserted by hand without a link
	 * @param purgedUpTo the sequence number of the last link the retention purge removed
	 */
	public record Report(long intact, Optional<BrokenLink> firstBroken, long unchained, Optional<Long> purgedUpTo) {

		public boolean isIntact() {
			return firstBroken.isEmpty();
		}

	}

	/** A link that does not hold: the event's id, its place in the chain and why. */
	public record BrokenLink(long eventId, long chainSeq, Fault fault) {
	}

	/** Why a link is broken; {@code audit.chain.fault.<NAME>} explains it. */
	public enum Fault {

		/** Its content or MAC was changed. */
		ALTERED,
		/**
		 * It does not name the link before it: that one was changed, replaced or removed.
		 */
		NOT_LINKED,
		/** Links before it are missing. */
		MISSING_BEFORE

	}

	private record Anchor(long chainSeq, byte[] mac) {
	}

	private record Row(long id, byte[] mac, AuditChain.Link link) {
	}

}
