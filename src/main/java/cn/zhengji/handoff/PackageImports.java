package cn.zhengji.handoff;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.files.Uploads;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.EntryLifecycle;
import cn.zhengji.submission.ImportedEntries;
import cn.zhengji.submission.ImportedEntries.ImportedWork;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 14 item 3 (R-CAM-5): the national side of the hand-off. The admin of a campaign
 * that provinces feed (national-2024) uploads a province's package ZIP (the resumable
 * upload of the files module, see {@link Uploads#PACKAGE_PURPOSE}) and asks for its
 * import; the db-scheduler task {@value #TASK} (one execution across nodes, retried) then
 * {@link #run runs} it: the package is checked against its manifest
 * ({@link PackageCheck}: every file's size and SHA-256, nothing missing, nothing extra)
 * with no transaction and no connection held; a package that fails is REFUSED with every
 * problem in Chinese and nothing is imported; one that passes has the files of its new
 * works stored through the files module, then, in one transaction, one entry per new work
 * created through {@link EntryLifecycle#importFromProvince} in the sub-project, under the
 * province's unit. A work imported before (same province, title, unit chain and files) is
 * not imported again: {@code entry_import_source_uq}.
 */
@Service
public class PackageImports {

	static final String TASK = "handoff-import";

	/** How many imports the page lists. */
	static final int LISTED = 20;

	/** An import as the page shows it. */
	public record Import(long id, String packageName, long packageSize, String state, String subProject,
			String province, int works, int created, int alreadyImported, List<String> problems, int attempts,
			String requestedBy, Instant requestedAt, Instant finishedAt) {

		public boolean finished() {
			return "DONE".equals(state) || "REFUSED".equals(state);
		}

	}

	public record ImportPage(Campaign campaign, List<Import> imports, long maxSize) {

		public boolean running() {
			return imports.stream().anyMatch(i -> !i.finished());
		}

	}

	private final Campaigns campaigns;

	private final CampaignAdministration administration;

	private final Organisations organisations;

	private final StoredFiles storedFiles;

	private final Uploads uploads;

	private final ImportedEntries imported;

	private final EntryLifecycle lifecycle;

	private final ImportRecords records;

	private final PackageCheck check;

	private final AuditLog auditLog;

	private final Texts texts;

	private final Clock clock;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final TransactionTemplate transactions;

	PackageImports(Campaigns campaigns, CampaignAdministration administration, Organisations organisations,
			StoredFiles storedFiles, Uploads uploads, ImportedEntries imported, EntryLifecycle lifecycle,
			ImportRecords records, PackageCheck check, AuditLog auditLog, Texts texts, Clock clock,
			ObjectProvider<SchedulerClient> scheduler, PlatformTransactionManager transactionManager) {
		this.campaigns = campaigns;
		this.administration = administration;
		this.organisations = organisations;
		this.storedFiles = storedFiles;
		this.uploads = uploads;
		this.imported = imported;
		this.lifecycle = lifecycle;
		this.records = records;
		this.check = check;
		this.auditLog = auditLog;
		this.texts = texts;
		this.clock = clock;
		this.scheduler = scheduler;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/** The import page: the campaign's latest imports, newest first. */
	public ImportPage page(SignedInUser admin, String campaignCode) {
		Campaign campaign = administered(admin, campaignCode);
		Map<Long, String> categories = new LinkedHashMap<>();
		for (Category category : campaigns.categories(campaign)) {
			categories.put(category.id(), Handoffs.subProjectName(category));
		}
		List<ImportRecords.Row> rows = records.ofCampaign(campaign.id(), LISTED);
		Map<Long, Organisation> units = organisations.byIds(rows.stream()
			.map(ImportRecords.Row::organisationId)
			.filter(id -> id != null)
			.collect(java.util.stream.Collectors.toSet()));
		List<Import> imports = new ArrayList<>();
		for (ImportRecords.Row row : rows) {
			imports.add(new Import(row.id(), row.packageName(), row.packageSize(), row.state().name(),
					row.categoryId() == null ? null : categories.get(row.categoryId()),
					row.organisationId() == null || !units.containsKey(row.organisationId()) ? null
							: units.get(row.organisationId()).name(),
					row.works(), row.created(), row.alreadyImported(), row.problems(), row.attempts(),
					row.requestedByName(), row.requestedAt(), row.finishedAt()));
		}
		return new ImportPage(campaign, imports, uploads.packageMaxSize());
	}

	/**
	 * Asks for the import of the admin's completed upload of a package: writes the
	 * {@code handoff_import} row (QUEUED), schedules the task {@value #TASK} for it and
	 * records an audit event CREATED, in one transaction.
	 * @return the import's id
	 * @throws NotFoundException for a campaign the admin does not administer, or an
	 * upload that is not the admin's completed one
	 * @throws HandoffChangeRejected for a file that is no ZIP by its name, or a package
	 * submitted before
	 */
	public long request(SignedInUser admin, String campaignCode, UUID uploadId) {
		Campaign campaign = administered(admin, campaignCode);
		StoredFile file = storedFiles.findCompletedOwnedBy(uploadId, admin.accountId())
			.orElseThrow(() -> new NotFoundException("upload " + uploadId));
		if (!file.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
			throw new HandoffChangeRejected("uploadId", "handoff.import.notZipName", file.fileName());
		}
		Long id = transactions.execute(status -> {
			long created = records
				.insert(campaign.id(), file.id(), file.fileName(), file.size(), admin.accountId(), admin.displayName(),
						clock.instant())
				.orElseThrow(() -> new HandoffChangeRejected("uploadId", "handoff.import.again", file.fileName()));
			auditLog.recordChange(AuditAction.CREATED, "handoff_import", created, campaign.hostOrganisationPath(),
					texts.plain("handoff.audit.import", file.fileName(), campaign.title()), null,
					Map.of("package", file.fileName(), "sha256", file.sha256(), "size", file.size()));
			scheduler.getObject().schedule(new TaskInstance<Void>(TASK, String.valueOf(created)), clock.instant());
			return created;
		});
		return id;
	}

	/**
	 * The task's work for one import (see the class comment). Holds no transaction and no
	 * connection while the package is read and hashed or the files are stored; a failure
	 * (input/output) marks it FAILED and is thrown for the task to retry.
	 */
	void run(long importId) {
		ImportRecords.Row row = records.find(importId).orElse(null);
		if (row == null || Boolean.FALSE.equals(transactions.execute(status -> records.start(importId)))) {
			return;
		}
		try {
			importPackage(row);
		}
		catch (RuntimeException ex) {
			transactions.executeWithoutResult(status -> records.finish(importId, ImportRecords.State.FAILED, 0, 0,
					List.of(texts.plain("handoff.import.failed", String.valueOf(ex.getMessage()))), clock.instant()));
			throw ex;
		}
	}

	private void importPackage(ImportRecords.Row row) {
		Campaign campaign = campaigns.findById(row.campaignId())
			.orElseThrow(() -> new NotFoundException("campaign " + row.campaignId()));
		StoredFile stored = storedFiles.findCompleted(row.packageFileId())
			.orElseThrow(() -> new NotFoundException("package " + row.packageFileId()));
		List<Category> subProjects = campaigns.categories(campaign);
		List<Organisation> provinces = organisations.children(campaign.hostOrganisationId());
		java.nio.file.Path path = storedFiles.localPath(stored);
		PackageCheck.Checked checked = check.check(path, subProjects, provinces);
		transactions.executeWithoutResult(
				status -> records.described(row.id(), checked.subProject() == null ? null : checked.subProject().id(),
						checked.province() == null ? null : checked.province().id(), checked.manifestSha256(),
						checked.works().size()));
		if (!checked.passed()) {
			transactions.executeWithoutResult(status -> records.finish(row.id(), ImportRecords.State.REFUSED, 0, 0,
					checked.problems(), clock.instant()));
			return;
		}
		Organisation province = checked.province();
		Map<String, PackageCheck.ListedWork> byKey = new LinkedHashMap<>();
		for (PackageCheck.ListedWork work : checked.works()) {
			byKey.putIfAbsent(work.key(province.id()), work);
		}
		Set<String> before = imported.alreadyImported(campaign.id(), byKey.keySet());
		List<ImportedWork> toImport = new ArrayList<>();
		try (ZipFile zip = new ZipFile(path.toFile(), StandardCharsets.UTF_8)) {
			for (Map.Entry<String, PackageCheck.ListedWork> pair : byKey.entrySet()) {
				if (before.contains(pair.getKey())) {
					continue;
				}
				toImport.add(stored(zip, pair.getKey(), pair.getValue(), checked.subProject(), province, row));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		int skipped = checked.works().size() - toImport.size();
		transactions.executeWithoutResult(status -> {
			for (ImportedWork work : toImport) {
				lifecycle.importFromProvince(row.requestedBy(), row.requestedByName(), campaign, province, work,
						remark(work));
			}
			records.finish(row.id(), ImportRecords.State.DONE, toImport.size(), skipped, List.of(), clock.instant());
		});
	}

	/**
	 * Stores the work's files (outside any transaction), each checked again as stored.
	 */
	private ImportedWork stored(ZipFile zip, String key, PackageCheck.ListedWork work, Category subProject,
			Organisation province, ImportRecords.Row row) throws IOException {
		List<StoredFile> files = new ArrayList<>();
		for (PackageCheck.ListedFile file : work.files()) {
			ZipEntry entry = zip.getEntry(file.path());
			StoredFile stored;
			try (InputStream in = zip.getInputStream(entry)) {
				stored = storedFiles.storeImported(in, file.fileName(), row.requestedBy(), province.path());
			}
			if (file.sha256() != null && !(stored.sha256().equals(file.sha256()) && stored.size() == file.size())) {
				throw new IllegalStateException("package changed while importing: " + file.path());
			}
			files.add(stored);
		}
		return new ImportedWork(key, subProject.id(), work.title(), work.author(), work.unitChain(), work.category(),
				work.award(), work.note(), row.packageName(), province.name(), files);
	}

	private String remark(ImportedWork work) {
		return work.award().isEmpty() ? texts.plain("handoff.import.remark", work.province(), work.packageName())
				: texts.plain("handoff.import.remarkWithAward", work.province(), work.packageName(), work.award());
	}

	/**
	 * Whether the campaign is a national one: hosted by the root of the union tree
	 * (中华全国总工会), whose children are the provinces a package comes from. A province's
	 * campaign has no import page.
	 */
	static boolean national(Campaign campaign) {
		return campaign.hostOrganisationPath().matches("/[0-9]+/");
	}

	private Campaign administered(SignedInUser admin, String campaignCode) {
		Campaign campaign = campaigns.findByCode(campaignCode)
			.orElseThrow(() -> new NotFoundException("campaign " + campaignCode));
		if (!administration.administers(admin, campaign) || !national(campaign)) {
			throw new NotFoundException("imports of campaign " + campaignCode);
		}
		return campaign;
	}

}
