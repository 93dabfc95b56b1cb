package cn.zhengji.submission;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhengji.account.Accounts;
import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.CategoryRules.TextField;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.organisation.SeedOrder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 12, demonstration only ({@code zhengji.demo.enabled=true}): a few works of the
 * demonstration campaign's 特色应用系统 category that its host already approved, so that the
 * demonstration expert has something to review (the review module's demonstration round
 * takes them). Sent by the demonstration grassroots union, typed texts only (no files:
 * nothing to play). Created once, by title; audited CREATED.
 */
@Component
@Order(SeedOrder.ACCOUNTS + 20)
class DemoWorks implements ApplicationRunner {

	static final String CAMPAIGN = "demo-fujian";

	static final String CATEGORY = "application-system";

	static final String UNIT = "demo-grassroots-a";

	static final int COUNT = 3;

	private final Campaigns campaigns;

	private final Organisations organisations;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final AuditLog auditLog;

	private final Texts texts;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean enabled;

	DemoWorks(Campaigns campaigns, Organisations organisations, Accounts accounts, JdbcClient jdbc, ObjectMapper json,
			AuditLog auditLog, Texts texts, TransactionTemplate transactions, Clock clock,
			@Value("${zhengji.demo.enabled:true}") boolean enabled) {
		this.campaigns = campaigns;
		this.organisations = organisations;
		this.accounts = accounts;
		this.jdbc = jdbc;
		this.json = json;
		this.auditLog = auditLog;
		this.texts = texts;
		this.transactions = transactions;
		this.clock = clock;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		Optional<Campaign> demo = campaigns.findByCode(CAMPAIGN);
		Optional<Organisation> unit = organisations.findByCode(UNIT);
		if (demo.isEmpty() || unit.isEmpty()) {
			return;
		}
		Optional<Category> category = campaigns.category(demo.get(), CATEGORY);
		List<Long> admins = accounts.enabledAdminIds(unit.get().id());
		if (category.isEmpty() || admins.isEmpty()) {
			return;
		}
		transactions.executeWithoutResult((status) -> {
			for (int i = 1; i <= COUNT; i++) {
				ensure(demo.get(), category.get(), unit.get(), admins.getFirst(), i);
			}
		});
	}

	private void ensure(Campaign campaign, Category category, Organisation unit, long createdBy, int number) {
		String title = texts.text("submission.demo.work." + number + ".title");
		boolean present = jdbc.sql("select exists (select 1 from entry where campaign_id = ? and title = ?)")
			.params(campaign.id(), title)
			.query(Boolean.class)
			.single();
		if (present) {
			return;
		}
		Map<String, String> typed = new LinkedHashMap<>();
		for (TextField field : category.rules().textFields()) {
			for (int s = 0; s < field.sections().size(); s++) {
				typed.put(EntryTexts.sectionKey(field, field.sections().get(s)),
						texts.text("submission.demo.work." + number + ".section." + (s + 1)));
			}
		}
		OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
		long id = jdbc.sql("""
				insert into entry (campaign_id, category_id, created_by, submitter_kind, owner_key, single_per_owner,
				    organisation_id, organisation_path, title, state, texts, created_at, updated_at, submitted_at,
				    decided_by_organisation_id)
				values (?, ?, ?, 'UNION_ORGANISATION', ?, false, ?, ?, ?, 'APPROVED', cast(? as jsonb), ?, ?, ?, ?)
				returning id
				""")
			.params(campaign.id(), category.id(), createdBy, Entry.organisationOwner(unit.id()), unit.id(), unit.path(),
					title, json.writeValueAsString(typed), now, now, now, campaign.hostOrganisationId())
			.query(Long.class)
			.single();
		auditLog.recordChange(AuditAction.CREATED, "entry", id, unit.path(),
				texts.plain("submission.audit.demoWork", title), null,
				Map.of("campaign", campaign.code(), "category", category.code(), "title", title, "state", "APPROVED"));
	}

}
