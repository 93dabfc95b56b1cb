package cn.zhengji.playback;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * Issue 13 item 3: asks for the web copies of awarded works. A QUEUED row per video or
 * audio attachment (inserted once: {@code on conflict do nothing}) and, for each row this
 * call inserted, one execution of the task {@code make-web-copy} (instance id = the
 * attachment's id), both in one transaction (db-scheduler's DataSource is
 * transaction-aware). Asked when an entry becomes AWARDED, IN_PUBLICITY or AWARD_FINAL
 * (after the change commits) and by the recurring sweep, which also covers the works
 * awarded before this module was deployed.
 */
@Component
class WebCopyRequests {

	static final String TASK = "make-web-copy";

	/** The states in which a work's files get a web copy. */
	static final Set<EntryState> AWARDED = EnumSet.of(EntryState.AWARDED, EntryState.IN_PUBLICITY,
			EntryState.AWARD_FINAL);

	private static final int SWEEP_BATCH = 500;

	private static final int SWEEP_OPEN_LIMIT = 5000;

	private final WebCopyRecords records;

	private final Entries entries;

	private final EntriesInStates entriesInStates;

	// Lazily: the scheduler depends on every task bean, and the sweep task on this class.
	private final ObjectProvider<SchedulerClient> scheduler;

	private final Clock clock;

	// Off in the test profile, so that other modules' tests award works without copies
	// being made behind them; PlaybackIntegrationTest turns it on.
	private volatile boolean requestOnAward;

	WebCopyRequests(WebCopyRecords records, Entries entries, EntriesInStates entriesInStates,
			ObjectProvider<SchedulerClient> scheduler, Clock clock,
			@Value("${zhengji.playback.request-on-award:true}") boolean requestOnAward) {
		this.records = records;
		this.entries = entries;
		this.entriesInStates = entriesInStates;
		this.scheduler = scheduler;
		this.clock = clock;
		this.requestOnAward = requestOnAward;
	}

	void requestOnAward(boolean on) {
		this.requestOnAward = on;
	}

	/** After an entry's change commits: its copies when it became an awarded work. */
	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void on(EntryTransitioned event) {
		if (requestOnAward && AWARDED.contains(event.to())) {
			request(Map.of(event.entryId(), event.campaignId()), scheduler.getObject());
		}
	}

	/**
	 * Requests the copies of every video and audio file of the given entries (entry id →
	 * campaign id) that has none, in the caller's transaction.
	 * @return the attachments whose copy this call requested
	 */
	List<Long> request(Map<Long, Long> campaignOfEntry, SchedulerClient client) {
		List<Long> requested = new ArrayList<>();
		if (campaignOfEntry.isEmpty()) {
			return requested;
		}
		for (ReviewFile file : entries.filesForReview(campaignOfEntry.keySet())) {
			if (!playable(file.contentType())) {
				continue;
			}
			if (records.request(file.attachmentId(), file.entryId(), campaignOfEntry.get(file.entryId()), file.fileId(),
					file.contentType(), clock.instant())) {
				requested.add(file.attachmentId());
				client.schedule(new TaskInstance<Void>(TASK, String.valueOf(file.attachmentId())), clock.instant());
			}
		}
		return requested;
	}

	/**
	 * The sweep: requests the copies of awarded works that have none, and schedules the
	 * task again for every copy still QUEUED or RUNNING ({@code scheduleIfNotExists}: an
	 * execution waiting, running or retrying is left alone). Run outside a transaction,
	 * each batch in its own.
	 */
	void sweep(SchedulerClient client, TransactionTemplate transactions) {
		List<Map.Entry<Long, Long>> awarded = new ArrayList<>(entriesInStates.campaignOfEach(AWARDED).entrySet());
		for (int from = 0; from < awarded.size(); from += SWEEP_BATCH) {
			Map<Long, Long> batch = new java.util.LinkedHashMap<>();
			awarded.subList(from, Math.min(awarded.size(), from + SWEEP_BATCH))
				.forEach((entry) -> batch.put(entry.getKey(), entry.getValue()));
			transactions.executeWithoutResult((status) -> request(batch, client));
		}
		for (long attachmentId : records.open(SWEEP_OPEN_LIMIT)) {
			client.scheduleIfNotExists(new TaskInstance<Void>(TASK, String.valueOf(attachmentId)), clock.instant());
		}
	}

	/** An admin's retry of a FAILED copy, in the caller's transaction. */
	boolean retry(long attachmentId) {
		if (!records.retry(attachmentId, clock.instant())) {
			return false;
		}
		scheduler.getObject()
			.scheduleIfNotExists(new TaskInstance<Void>(TASK, String.valueOf(attachmentId)), clock.instant());
		return true;
	}

	static boolean playable(String contentType) {
		return contentType != null && (contentType.startsWith("video/") || contentType.startsWith("audio/"));
	}

}
