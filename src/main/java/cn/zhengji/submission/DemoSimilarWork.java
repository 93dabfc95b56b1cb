package cn.zhengji.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import cn.zhengji.account.AccountProfile;
import cn.zhengji.account.Accounts;
import cn.zhengji.account.ParticipantKind;
import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.media.Inspection;
import cn.zhengji.media.MediaInspector;
import cn.zhengji.organisation.SeedOrder;
import cn.zhengji.submission.EntryTransitioned.Step;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15, demonstration only: a micro-video of the open demonstration campaign
 * ({@code demo-fujian}) that is a re-encoded copy of the finished campaign's
 * award-winning video ({@code demo-video.mp4} of {@code demo-results}), sent by the
 * demonstration union cadre (the winners came from the demonstration worker) and waiting
 * for {@code demo-grassroots} in 待我审核. Nothing is seeded about the match: the similarity
 * module's back-fill fingerprints both at start-up and stores the match, which the entry
 * page then flags. Created once, by title; audited CREATED.
 */
@Component
@Order(SeedOrder.ACCOUNTS + 25)
class DemoSimilarWork implements ApplicationRunner {

	static final String CAMPAIGN = "demo-fujian";

	static final String CATEGORY = "micro-video";

	static final String FILE = "demo-video-copy.mp4";

	private final Campaigns campaigns;

	private final Accounts accounts;

	private final Entries entries;

	private final StoredFiles storedFiles;

	private final MediaInspector inspector;

	private final EntryRecords records;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Texts texts;

	private final TransactionTemplate transactions;

	private final Clock clock;

	DemoSimilarWork(Campaigns campaigns, Accounts accounts, Entries entries, StoredFiles storedFiles,
			MediaInspector inspector, EntryRecords records, JdbcClient jdbc, AuditLog auditLog, Texts texts,
			TransactionTemplate transactions, Clock clock) {
		this.campaigns = campaigns;
		this.accounts = accounts;
		this.entries = entries;
		this.storedFiles = storedFiles;
		this.inspector = inspector;
		this.records = records;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.texts = texts;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<Campaign> demo = campaigns.findByCode(CAMPAIGN).filter(Campaign::demo);
		if (!campaigns.demoEnabled() || demo.isEmpty()) {
			return;
		}
		Optional<Category> category = campaigns.category(demo.get(), CATEGORY);
		Optional<AccountProfile> cadre = accounts.profiles(accounts.enabledIdsWithRole(Role.PARTICIPANT))
			.stream()
			.filter((profile) -> profile.demo() && profile.participantKind() == ParticipantKind.UNION_CADRE)
			.findFirst();
		if (category.isPresent() && cadre.isPresent()) {
			ensure(demo.get(), category.get(), cadre.get());
		}
	}

	private void ensure(Campaign campaign, Category category, AccountProfile submitter) {
		String title = texts.text("similarity.demo.title");
		if (DemoFiles.entryExists(jdbc, campaign.id(), title)) {
			return;
		}
		AttachmentSlot main = entries.slots(category)
			.stream()
			.filter((slot) -> slot.key().equals("work"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("micro-video has no slot work"));
		// Stored and inspected before the transaction: no connection held while copying.
		StoredFile file = DemoFiles.store(storedFiles, FILE, submitter);
		Inspection inspection = inspector.inspect(storedFiles.localPath(file), main);
		Instant now = clock.instant();
		Instant submitted = now.minus(1, ChronoUnit.DAYS);
		transactions.executeWithoutResult((status) -> {
			long id = jdbc.sql("""
					insert into entry (campaign_id, category_id, created_by, submitter_kind, owner_key,
					    single_per_owner, organisation_id, organisation_path, title, state, texts, created_at,
					    updated_at, submitted_at, pending_organisation_id, pending_since)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', cast('{}' as jsonb), ?, ?, ?, ?, ?)
					returning id
					""")
				.params(campaign.id(), category.id(), submitter.id(), ParticipantKind.UNION_CADRE.name(),
						Entry.accountOwner(submitter.id()), !category.rules().multipleWorksPerPerson(),
						submitter.organisationId(), submitter.organisationPath(), title, utc(submitted), utc(submitted),
						utc(submitted), submitter.organisationId(), utc(submitted))
				.query(Long.class)
				.single();
			records.insertAttachment(id, main.key(), null, file.id(), file.fileName(), file.size(), file.sha256(),
					inspection, submitter.id(), now);
			records.insertTransition(id, null, EntryState.DRAFT, Step.CREATED, submitter.id(), submitter.displayName(),
					submitted, null, null);
			records.insertTransition(id, EntryState.DRAFT, EntryState.SUBMITTED, Step.SUBMITTED, submitter.id(),
					submitter.displayName(), submitted, null, null);
			auditLog.recordChange(AuditAction.CREATED, "entry", id, submitter.organisationPath(),
					texts.plain("submission.audit.demoWork", title), null, Map.of("campaign", campaign.code(),
							"category", category.code(), "title", title, "state", "SUBMITTED"));
		});
	}

	private static java.time.OffsetDateTime utc(Instant at) {
		return at.atOffset(java.time.ZoneOffset.UTC);
	}

}
