package cn.zhengji.submission;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.zhengji.account.AccountProfile;
import cn.zhengji.account.Accounts;
import cn.zhengji.account.ParticipantKind;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.PhaseKind;
import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.media.Inspection;
import cn.zhengji.media.MediaInspector;
import cn.zhengji.organisation.SeedOrder;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 13, demonstration only: the works of the finished demonstration campaign
 * ({@code demo-results}), approved by its host, with real files the showcase plays —
 * three micro-videos and two songs (an MP4 made for the purpose, an MP3 and its score)
 * sent by the demonstration worker and union cadre, so that a participant who signs in
 * sees the outcome of their own works. Files are inspected like any upload and stored
 * through the files module before the entry row is written; created once, by title;
 * audited CREATED. The review and publicity modules' demonstration runners take them on.
 */
@Component
@Order(SeedOrder.ACCOUNTS + 21)
class DemoResultWorks implements ApplicationRunner {

	static final String CAMPAIGN = "demo-results";

	/**
	 * Title key, category code, submitter and files of each demonstration work, in title
	 * order.
	 */
	record DemoWork(String titleKey, String category, ParticipantKind submitter, String mainFile, String extraSlot,
			String extraFile) {
	}

	static final List<DemoWork> WORKS = List.of(
			new DemoWork("submission.demo.result.1.title", "micro-video", ParticipantKind.WORKER, "demo-video.mp4",
					null, null),
			new DemoWork("submission.demo.result.2.title", "micro-video", ParticipantKind.WORKER, "demo-video.mp4",
					null, null),
			new DemoWork("submission.demo.result.3.title", "micro-video", ParticipantKind.WORKER, "demo-video.mp4",
					null, null),
			new DemoWork("submission.demo.result.4.title", "song", ParticipantKind.WORKER, "demo-song.mp3", "score",
					"demo-score.png"),
			new DemoWork("submission.demo.result.5.title", "song", ParticipantKind.UNION_CADRE, "demo-video.mp4",
					"score", "demo-score.png"));

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

	DemoResultWorks(Campaigns campaigns, Accounts accounts, Entries entries, StoredFiles storedFiles,
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
		for (int i = 0; i < WORKS.size(); i++) {
			DemoWork work = WORKS.get(i);
			Optional<Category> category = campaigns.category(demo.get(), work.category());
			Optional<AccountProfile> submitter = participant(work.submitter());
			if (category.isPresent() && submitter.isPresent()) {
				ensure(demo.get(), category.get(), submitter.get(), work, i + 1);
			}
		}
	}

	private void ensure(Campaign campaign, Category category, AccountProfile submitter, DemoWork work, int number) {
		String title = texts.text(work.titleKey());
		if (DemoFiles.entryExists(jdbc, campaign.id(), title)) {
			return;
		}
		List<AttachmentSlot> slots = entries.slots(category);
		AttachmentSlot main = slot(slots, "work");
		// Stored and inspected before any transaction: no connection is held while the
		// bytes are copied and read.
		StoredFile mainFile = DemoFiles.store(storedFiles, work.mainFile(), submitter);
		Inspection mainInspection = inspector.inspect(storedFiles.localPath(mainFile), main);
		StoredFile extraFile = (work.extraFile() != null) ? DemoFiles.store(storedFiles, work.extraFile(), submitter)
				: null;
		Inspection extraInspection = (extraFile != null)
				? inspector.inspect(storedFiles.localPath(extraFile), slot(slots, work.extraSlot())) : null;
		LocalDate submitted = campaign.phase(PhaseKind.SUBMISSION).orElseThrow().endsOn().minusDays(10 + number);
		OffsetDateTime at = submitted.atTime(10, number).atZone(campaign.timeZone()).toOffsetDateTime();
		Instant now = clock.instant();
		transactions.executeWithoutResult((status) -> {
			long id = jdbc.sql("""
					insert into entry (campaign_id, category_id, created_by, submitter_kind, owner_key,
					    single_per_owner, organisation_id, organisation_path, title, state, texts, created_at,
					    updated_at, submitted_at, decided_by_organisation_id)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'APPROVED', cast('{}' as jsonb), ?, ?, ?, ?)
					returning id
					""")
				.params(campaign.id(), category.id(), submitter.id(), work.submitter().name(),
						Entry.accountOwner(submitter.id()), !category.rules().multipleWorksPerPerson(),
						submitter.organisationId(), submitter.organisationPath(), title, at, at, at,
						campaign.hostOrganisationId())
				.query(Long.class)
				.single();
			records.insertAttachment(id, main.key(), null, mainFile.id(), mainFile.fileName(), mainFile.size(),
					mainFile.sha256(), mainInspection, submitter.id(), now);
			if (extraFile != null) {
				records.insertAttachment(id, work.extraSlot(), null, extraFile.id(), extraFile.fileName(),
						extraFile.size(), extraFile.sha256(), extraInspection, submitter.id(), now);
			}
			auditLog.recordChange(AuditAction.CREATED, "entry", id, submitter.organisationPath(),
					texts.plain("submission.audit.demoWork", title), null, Map.of("campaign", campaign.code(),
							"category", category.code(), "title", title, "state", "APPROVED"));
		});
	}

	private Optional<AccountProfile> participant(ParticipantKind kind) {
		return accounts.profiles(accounts.enabledIdsWithRole(Role.PARTICIPANT))
			.stream()
			.filter((profile) -> profile.demo() && profile.participantKind() == kind)
			.findFirst();
	}

	private static AttachmentSlot slot(List<AttachmentSlot> slots, String key) {
		return slots.stream()
			.filter((slot) -> slot.key().equals(key))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("demo-results has no slot " + key));
	}

}
