package cn.zhengji.evidence;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.zhengji.submission.Entries;
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

/**
 * Issue 15 item 3: asks for the evidence of an entry's videos when the entry is handed in
 * (SUBMITTED, or imported by the national campaign): a QUEUED row per video attachment
 * (inserted once: {@code on conflict do nothing}) and, for each row this call inserted,
 * one execution of the task {@code make-video-evidence} (instance id = the attachment's
 * id), in one transaction (db-scheduler's DataSource is transaction-aware). A resubmitted
 * entry keeps the evidence of files it kept; a replaced file is a new attachment.
 */
@Component
class EvidenceRequests {

	static final String TASK = "make-video-evidence";

	private static final Set<EntryTransitioned.Step> HANDED_IN = Set.of(EntryTransitioned.Step.SUBMITTED,
			EntryTransitioned.Step.NATIONAL_IMPORTED);

	private static final int SWEEP_OPEN_LIMIT = 5000;

	private final EvidenceRecords records;

	private final Entries entries;

	// Lazily: the scheduler depends on every task bean.
	private final ObjectProvider<SchedulerClient> scheduler;

	private final Clock clock;

	// Off in the test profile, so that other modules' tests submit entries without FFmpeg
	// work behind them; the evidence tests request it themselves.
	private volatile boolean requestOnSubmit;

	EvidenceRequests(EvidenceRecords records, Entries entries, ObjectProvider<SchedulerClient> scheduler, Clock clock,
			@Value("${zhengji.evidence.request-on-submit:true}") boolean requestOnSubmit) {
		this.records = records;
		this.entries = entries;
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
		List<Long> requested = new ArrayList<>();
		for (ReviewFile file : entries.filesForReview(List.of(entryId))) {
			if (file.contentType() == null || !file.contentType().startsWith("video/")) {
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
	 * The safety net: schedules the task again for every row still QUEUED or RUNNING
	 * ({@code scheduleIfNotExists}: an execution waiting, running or retrying is left
	 * alone).
	 */
	void sweep(SchedulerClient client) {
		for (long attachmentId : records.open(SWEEP_OPEN_LIMIT)) {
			client.scheduleIfNotExists(new TaskInstance<Void>(TASK, String.valueOf(attachmentId)), clock.instant());
		}
	}

}
