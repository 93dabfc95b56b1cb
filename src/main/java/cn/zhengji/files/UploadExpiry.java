package cn.zhengji.files;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.files.UploadLeases.Lease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The expiry job: removes the bytes, then the rows, of unfinished uploads whose time ran
 * out and that no PATCH holds. Removing the bytes first means a crash in between leaves a
 * row that the next run removes, never bytes nobody knows of. Public only so that the tus
 * endpoint's tests can run it at once; it runs as the db-scheduler task
 * {@code remove-expired-uploads} (see {@link FilesConfiguration}).
 */
@Component
public class UploadExpiry {

	private static final Logger log = LoggerFactory.getLogger(UploadExpiry.class);

	/** Uploads removed per run at most; the next run takes the rest. */
	private static final int BATCH = 1000;

	private final UploadRecords records;

	private final UploadLeases leases;

	private final FileStorage storage;

	private final RunningDigests digests;

	private final Clock clock;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Texts texts;

	UploadExpiry(UploadRecords records, UploadLeases leases, FileStorage storage, RunningDigests digests, Clock clock,
			AuditLog audit, TransactionTemplate transactions, Texts texts) {
		this.texts = texts;
		this.records = records;
		this.leases = leases;
		this.storage = storage;
		this.digests = digests;
		this.clock = clock;
		this.audit = audit;
		this.transactions = transactions;
	}

	/**
	 * @return how many uploads were removed
	 */
	public int removeExpired() {
		List<UUID> expired = records.expired(clock.instant(), BATCH);
		int removed = 0;
		for (UUID id : expired) {
			Optional<Lease> lease = leases.takeForRemoval(id);
			if (lease.isEmpty()) {
				continue;
			}
			digests.forget(id);
			Uploads.deleteBytes(storage, id);
			transactions.executeWithoutResult(status -> {
				String path = records.organisationPath(id);
				if (records.deleteLeased(id, lease.get().token())) {
					audit.recordFor(null, texts.text("audit.system"), AuditAction.DELETED, Uploads.AUDIT_TARGET, id,
							path, texts.text("files.audit.expired"));
				}
			});
			removed++;
		}
		if (removed > 0) {
			log.info("Removed {} expired unfinished uploads", removed);
		}
		return removed;
	}

}
