package cn.zhengji.similarity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.submission.Entries;
import cn.zhengji.submission.EntriesInStates;
import cn.zhengji.submission.EntryState;
import cn.zhengji.submission.EntryTransitioned;
import cn.zhengji.submission.ReviewFile;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15 item 1: asks for the fingerprints of entries' files. A QUEUED source per file
 * (inserted once: {@code on conflict do nothing}) and, for each row this call inserted,
 * one execution of the task {@code fingerprint-source} (instance id = the source's id),
 * both in one transaction. Asked when an entry is handed in (SUBMITTED, after the change
 * commits: its files are complete and attached) and by the recurring back-fill, which
 * covers every entry handed in before this module was deployed (any campaign, any year).
 */
@Component
class FingerprintRequests {

	static final String TASK = "fingerprint-source";

	/** Entries whose files are fingerprinted: every one handed in. */
	static final Set<EntryState> HANDED_IN = EnumSet.complementOf(EnumSet.of(EntryState.DRAFT));

	private static final int BATCH = 500;

	private static final int OPEN_LIMIT = 5000;

	private final FingerprintRecords records;

	private final Entries entries;

	private final EntriesInStates entriesInStates;

	private final StoredFiles storedFiles;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final Clock clock;

	// Off in the test profile, so that other modules' tests hand in entries without
	// fingerprints being made behind them; the similarity tests turn it on.
	private volatile boolean requestOnSubmit;

	FingerprintRequests(FingerprintRecords records, Entries entries, EntriesInStates entriesInStates,
			StoredFiles storedFiles, ObjectProvider<SchedulerClient> scheduler, Clock clock,
			@Value("${zhengji.similarity.request-on-submit:true}") boolean requestOnSubmit) {
		this.records = records;
		this.entries = entries;
		this.entriesInStates = entriesInStates;
		this.storedFiles = storedFiles;
		this.scheduler = scheduler;
		this.clock = clock;
		this.requestOnSubmit = requestOnSubmit;
	}

	void requestOnSubmit(boolean on) {
		this.requestOnSubmit = on;
	}

	/** After an entry is handed in: fingerprints of its files. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(EntryTransitioned event) {
		if (requestOnSubmit && event.to() == EntryState.SUBMITTED) {
			request(Map.of(event.entryId(), event.campaignId()), scheduler.getObject());
		}
	}

	/**
	 * Requests the fingerprints of every file of the given entries (entry id → campaign
	 * id) that has none, in the caller's transaction.
	 * @return the ids of the sources this call requested
	 */
	List<Long> request(Map<Long, Long> campaignOfEntry, SchedulerClient client) {
		List<Long> requested = new ArrayList<>();
		if (campaignOfEntry.isEmpty()) {
			return requested;
		}
		for (ReviewFile file : entries.filesForReview(campaignOfEntry.keySet())) {
			String sha256 = storedFiles.findCompleted(file.fileId()).map(StoredFile::sha256).orElse(null);
			if (sha256 == null) {
				continue;
			}
			records
				.requestFile(file.attachmentId(), file.entryId(), campaignOfEntry.get(file.entryId()), file.fileId(),
						file.contentType(), sha256.toLowerCase(java.util.Locale.ROOT), clock.instant())
				.ifPresent((id) -> {
					requested.add(id);
					client.schedule(new TaskInstance<Void>(TASK, String.valueOf(id)), clock.instant());
				});
		}
		return requested;
	}

	/**
	 * The back-fill: requests the fingerprints of handed-in entries without any source,
	 * and schedules the task again for every source still QUEUED or RUNNING
	 * ({@code scheduleIfNotExists}). Run outside a transaction, each batch in its own.
	 * @return the number of sources requested
	 */
	int sweep(SchedulerClient client, TransactionTemplate transactions) {
		List<Map.Entry<Long, Long>> handedIn = new ArrayList<>(entriesInStates.campaignOfEach(HANDED_IN).entrySet());
		int requested = 0;
		for (int from = 0; from < handedIn.size(); from += BATCH) {
			Map<Long, Long> batch = new LinkedHashMap<>();
			handedIn.subList(from, Math.min(handedIn.size(), from + BATCH))
				.forEach((entry) -> batch.put(entry.getKey(), entry.getValue()));
			Set<Long> done = new HashSet<>(records.entriesWithSources(batch.keySet()));
			batch.keySet().removeAll(done);
			if (!batch.isEmpty()) {
				List<Long> ids = transactions.execute((status) -> request(batch, client));
				requested += ids == null ? 0 : ids.size();
			}
		}
		for (long id : records.open(OPEN_LIMIT)) {
			client.scheduleIfNotExists(new TaskInstance<Void>(TASK, String.valueOf(id)), clock.instant());
		}
		return requested;
	}

	/** An admin's retry of a FAILED source, in the caller's transaction. */
	boolean retry(long sourceId) {
		if (!records.retry(sourceId, clock.instant())) {
			return false;
		}
		scheduler.getObject()
			.scheduleIfNotExists(new TaskInstance<Void>(TASK, String.valueOf(sourceId)), clock.instant());
		return true;
	}

}
