package cn.zhengji.submission;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.zhengji.campaign.CategoryRules.SubmitterKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 14 item 4 (certificates): who owns a work — the person who submitted it
 * ({@code accountId}) or, for a work a union organisation submits, that organisation
 * ({@code accountId} null; its name is the work's unit). Nothing else personal.
 */
@Component
public class WorkOwners {

	/** The owner of a work: a person's account, or none for a unit's work. */
	public record WorkOwner(long entryId, SubmitterKind kind, Long accountId) {

		public boolean unit() {
			return accountId == null;
		}

	}

	private final JdbcClient jdbc;

	WorkOwners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The owners of the given works, in one query; unknown ids are missing. */
	@Transactional(readOnly = true)
	public Map<Long, WorkOwner> of(Collection<Long> entryIds) {
		Map<Long, WorkOwner> owners = new LinkedHashMap<>();
		if (entryIds.isEmpty()) {
			return owners;
		}
		jdbc.sql("select id, submitter_kind, owner_key from entry where id = any(cast(? as bigint[])) order by id")
			.param(entryIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}")))
			.query((rs) -> {
				String[] owner = rs.getString("owner_key").split(":");
				Long accountId = "account".equals(owner[0]) ? Long.valueOf(owner[1]) : null;
				long id = rs.getLong("id");
				owners.put(id, new WorkOwner(id, SubmitterKind.valueOf(rs.getString("submitter_kind")), accountId));
			});
		return owners;
	}

}
