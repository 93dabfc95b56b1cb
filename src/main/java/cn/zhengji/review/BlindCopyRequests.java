package cn.zhengji.review;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import cn.zhengji.submission.Entries;
import cn.zhengji.submission.ReviewFile;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 12 item 4: asks for the blind copies of works given to experts. A PENDING row per
 * source file (review_blind_copy, inserted once: {@code on conflict do nothing}) and, for
 * each row this call inserted, one execution of the task {@code make-blind-copy} (its
 * instance id is the source file's id) — both in the caller's transaction (db-scheduler's
 * DataSource is transaction-aware), so an assignment that rolls back leaves neither. Only
 * the transaction that inserted a row schedules its task, so two assignments at once
 * never race on the task's key.
 */
@Component
class BlindCopyRequests {

	static final String TASK = "make-blind-copy";

	private static final int SWEEP_BATCH = 500;

	private static final int SWEEP_PENDING_LIMIT = 5000;

	private final BlindCopyRecords records;

	private final Entries entries;

	// Lazily: the scheduler depends on every task bean, and the sweep task on this class.
	private final ObjectProvider<SchedulerClient> scheduler;

	private final Clock clock;

	BlindCopyRequests(BlindCopyRecords records, Entries entries, ObjectProvider<SchedulerClient> scheduler,
			Clock clock) {
		this.records = records;
		this.entries = entries;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	/**
	 * The sweep (a safety net): requests the copies of assigned works that have none —
	 * files attached later, a request lost to a bug — and schedules the task again for
	 * every copy still PENDING ({@code scheduleIfNotExists}: an execution waiting or
	 * running is left alone). Run outside a transaction, each batch in its own.
	 */
	void sweep(SchedulerClient client, org.springframework.transaction.support.TransactionTemplate transactions) {
		List<Long> works = records.assignedWorks();
		for (int from = 0; from < works.size(); from += SWEEP_BATCH) {
			List<Long> batch = works.subList(from, Math.min(works.size(), from + SWEEP_BATCH));
			transactions.executeWithoutResult((status) -> {
				for (ReviewFile file : entries.filesForReview(batch)) {
					records.request(file.fileId(), file.contentType(), clock.instant());
				}
			});
		}
		for (UUID source : records.pending(SWEEP_PENDING_LIMIT)) {
			client.scheduleIfNotExists(new TaskInstance<Void>(TASK, source.toString()), clock.instant());
		}
	}

	/**
	 * Requests the blind copies of every file of these works (the nomination photo
	 * excepted, see {@link Entries#filesForReview}).
	 * @return the source files whose copy this call requested
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	List<UUID> request(Collection<Long> entryIds) {
		List<UUID> requested = new ArrayList<>();
		if (entryIds.isEmpty()) {
			return requested;
		}
		for (ReviewFile file : entries.filesForReview(entryIds)) {
			if (records.request(file.fileId(), file.contentType(), clock.instant())) {
				requested.add(file.fileId());
				scheduler.getObject().schedule(new TaskInstance<Void>(TASK, file.fileId().toString()), clock.instant());
			}
		}
		return requested;
	}

}
