package cn.zhengji.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import cn.zhengji.audit.AuditEvents.AuditEntry;
import cn.zhengji.audit.AuditEvents.AuditFilter;
import cn.zhengji.audit.AuditEvents.AuditPage;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ZhengjiTest
class AuditEventsIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditEvents events;

	@Test
	void everyEventAnAdminReadsLiesInItsSubtree() {
		String actor = unique("范围");
		long inside = insert(actor, "/1/14/40/", "2024-05-01T02:00:00Z");
		long below = insert(actor, "/1/14/40/400/", "2024-05-01T03:00:00Z");
		long sibling = insert(actor, "/1/14/41/", "2024-05-01T04:00:00Z");
		long lookalike = insert(actor, "/1/14/401/", "2024-05-01T05:00:00Z");
		long nowhere = insert(actor, null, "2024-05-01T06:00:00Z");
		AuditFilter byActor = new AuditFilter(null, actor, null, null, null);

		assertThat(ids(events.page(admin(Role.ORG_ADMIN, "/1/14/40/"), byActor, 0))).containsExactly(below, inside);
		assertThat(ids(events.page(admin(Role.ORG_ADMIN, "/1/14/"), byActor, 0))).containsExactly(lookalike, sibling,
				below, inside);
		assertThat(ids(events.page(admin(Role.AUDIT_ADMIN, "/1/"), byActor, 0))).containsExactly(nowhere, lookalike,
				sibling, below, inside);
		assertThat(ids(events.page(admin(Role.PARTICIPANT, "/1/14/40/"), byActor, 0))).isEmpty();
		// 三员分立: the system administrator reads no audit log at all.
		assertThat(ids(events.page(admin(Role.PLATFORM_ADMIN, "/1/"), byActor, 0))).isEmpty();
		assertThat(events.find(admin(Role.ORG_ADMIN, "/1/14/40/"), sibling)).isEmpty();
		assertThat(events.find(admin(Role.ORG_ADMIN, "/1/14/40/"), below)).isPresent();
		// Whatever the filter, a page never holds an event outside the scope.
		assertThat(events.page(admin(Role.ORG_ADMIN, "/1/14/40/"), AuditFilter.NONE, 0).entries())
			.allSatisfy(e -> assertThat(e.organisationPath()).startsWith("/1/14/40/"));
	}

	@Test
	void datesAreDaysInShanghai() {
		String actor = unique("时区");
		// 2024-05-01 16:30 UTC is already 2 May, 00:30 in Shanghai.
		long event = insert(actor, "/1/", "2024-05-01T16:30:00Z");
		SignedInUser auditAdmin = admin(Role.AUDIT_ADMIN, "/1/");

		assertThat(ids(events.page(auditAdmin,
				new AuditFilter(null, actor, null, LocalDate.parse("2024-05-02"), LocalDate.parse("2024-05-02")), 0)))
			.containsExactly(event);
		assertThat(ids(
				events.page(auditAdmin, new AuditFilter(null, actor, null, null, LocalDate.parse("2024-05-01")), 0)))
			.isEmpty();
		AuditEntry entry = events.find(auditAdmin, event).orElseThrow();
		assertThat(entry.occurredAt().toLocalDateTime()).hasToString("2024-05-02T00:30");
		assertThat(entry.afterState()).isEqualTo("{\n  \"name\" : \"甲\"\n}");
	}

	@Test
	void pagesHoldFiftyEventsNewestFirst() {
		String actor = unique("分页");
		for (int i = 0; i < 51; i++) {
			insert(actor, "/1/", OffsetDateTime.parse("2024-06-01T00:00:00Z").plusMinutes(i).toString());
		}
		SignedInUser auditAdmin = admin(Role.AUDIT_ADMIN, "/1/");
		AuditFilter byActor = new AuditFilter(AuditAction.UPDATED, actor, "organisation", null, null);

		AuditPage first = events.page(auditAdmin, byActor, 0);
		AuditPage second = events.page(auditAdmin, byActor, 1);

		assertThat(first.entries()).hasSize(50);
		assertThat(first.hasNext()).isTrue();
		assertThat(first.entries().get(0).occurredAt().toOffsetDateTime().toInstant())
			.hasToString("2024-06-01T00:50:00Z");
		assertThat(second.entries()).hasSize(1);
		assertThat(second.hasNext()).isFalse();
		assertThat(second.hasPrevious()).isTrue();
		assertThat(second.entries().get(0).occurredAt().toOffsetDateTime().toInstant())
			.hasToString("2024-06-01T00:00:00Z");
	}

	@Test
	void anActorFilterWithWildcardsMatchesThemLiterally() {
		String actor = unique("百分号%_");
		long event = insert(actor, "/1/", "2024-07-01T00:00:00Z");

		assertThat(ids(events.page(admin(Role.AUDIT_ADMIN, "/1/"), new AuditFilter(null, "%_", null, null, null), 0)))
			.contains(event);
		assertThat(ids(events.page(admin(Role.AUDIT_ADMIN, "/1/"),
				new AuditFilter(null, actor.replace("%_", "__"), null, null, null), 0)))
			.isEmpty();
	}

	private long insert(String actor, String path, String at) {
		return jdbc.sql("""
				insert into audit_event (occurred_at, actor_name, action, target_type, target_id, summary,
				    organisation_path, after_state)
				values (cast(? as timestamptz), ?, 'UPDATED', 'organisation', '1', '测试', ?, '{"name": "甲"}')
				returning id
				""").params(at, actor, path).query(Long.class).single();
	}

	private static List<Long> ids(AuditPage page) {
		return page.entries().stream().map(AuditEntry::id).toList();
	}

	private static SignedInUser admin(Role role, String path) {
		return new SignedInUser(1, "t", "测试", role, 1, path, "测试组织", null, false, false, true)
			.withSecondFactor(Instant.now());
	}

	private static String unique(String prefix) {
		return prefix + System.nanoTime();
	}

}
