package cn.zhengji.evidence;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

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
 * Issue 15 item 3: asks for the evidence of an entry's videos when the entry is handed in
 * (SUBMITTED, or imported by the national campaign): a QUEUED row per video attachment
 * (inserted once: {@code on conflict do nothing}) and, for each row this call inserted,
 * one execution of the task {@code make-video-evidence} (instance id = the attachment's
 * id), in one transaction (db-scheduler's DataSource is transaction-aware); a file that
 * is not a completed stored file is left out. A resubmitted entry keeps the evidence of
 * files it kept; a replaced file is a new attachment.
 */
@Component
class EvidenceRequests {

	static final String TASK = "make-video-evidence";

	private static final Set<EntryTransitioned.Step> HANDED_IN = Set.of(EntryTransitioned.Step.SUBMITTED,
			EntryTransitioned.Step.NATIONAL_IMPORTED);

	private static final int SWEEP_OPEN_LIMIT = 5000;

	private static final int SWEEP_BATCH = 500;

	private final EvidenceRecords records;

	private final Entries entries;

	private final EntriesInStates entriesInStates;

	private final StoredFiles storedFiles;

	// Lazily: the scheduler depends on every task bean.
	private final ObjectProvider<SchedulerClient> scheduler;

	private final Clock clock;

	// Off in the test profile, so that other modules' tests submit entries without FFmpeg
	// work behind them; the evidence tests request it themselves.
	private volatile boolean requestOnSubmit;

	EvidenceRequests(EvidenceRecords records, Entries entries, EntriesInStates entriesInStates, StoredFiles storedFiles,
			ObjectProvider<SchedulerClient> scheduler, Clock clock,
			@Value("${zhengji.evidence.request-on-submit:true}") boolean requestOnSubmit) {
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

	/**
	 * After an entry's change commits: the evidence of its videos when it was handed in.
	 */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(EntryTransitioned event) {
		if (requestOnSubmit && HANDED_IN.contains(event.step())) {
			request(event.entryId(), scheduler.getObject());
		}
	}

	/**
	 * Requests the evidence of every video file of the entry that has none, in the
	 * caller's transaction.
	 * @return the attachments whose evidence this call requested
	 */
	List<Long> request(long entryId, SchedulerClient client) {
		return request(List.of(entryId), client);
	}

	private List<Long> request(Collection<Long> entryIds, SchedulerClient client) {
		List<ReviewFile> videos = entries.filesForReview(entryIds)
			.stream()
			.filter((file) -> file.contentType() != null && file.contentType().startsWith("video/"))
			.toList();
		Set<Long> known = new HashSet<>(records.requested(videos.stream().map(ReviewFile::attachmentId).toList()));
		List<Long> requested = new ArrayList<>();
		for (ReviewFile file : videos) {
			if (known.contains(file.attachmentId()) || storedFiles.findCompleted(file.fileId()).isEmpty()) {
				continue;
			}
			if (records.request(file.attachmentId(), file.entryId(), file.fileId(), clock.instant())) {
				requested.add(file.attachmentId());
				client.schedule(new TaskInstance<Void>(TASK, String.valueOf(file.attachmentId())), clock.instant());
			}
		}
		return requested;
	}

	/**
	 * The safety net and the back-fill: requests the evidence of the videos of every
	 * entry waiting in the approval chain (SUBMITTED) that has none (the entries handed
	 * in before this module was deployed), each batch in its own transaction; then
	 * schedules the task again for every row still QUEUED or RUNNING
	 * ({@code scheduleIfNotExists}: an execution waiting, running or retrying is left
	 * alone).
	 */
	void sweep(SchedulerClient client, TransactionTemplate transactions) {
		List<Long> waiting = new ArrayList<>(entriesInStates.campaignOfEach(EnumSet.of(EntryState.SUBMITTED)).keySet());
		for (int from = 0; from < waiting.size(); from += SWEEP_BATCH) {
			List<Long> batch = waiting.subList(from, Math.min(waiting.size(), from + SWEEP_BATCH));
			transactions.executeWithoutResult((status) -> request(batch, client));
		}
		for (long attachmentId : records.open(SWEEP_OPEN_LIMIT)) {
			client.scheduleIfNotExists(new TaskInstance<Void>(TASK, String.valueOf(attachmentId)), clock.instant());
		}
	}

}
