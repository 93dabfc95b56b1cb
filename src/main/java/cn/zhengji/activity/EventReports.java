package cn.zhengji.activity;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.CategoryRules.FileKind;
import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.media.Finding;
import cn.zhengji.media.Inspection;
import cn.zhengji.media.MediaInspector;
import cn.zhengji.media.Verdict;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-ACT-2 Reporting offline events: an admin records, revises and deletes the events of
 * its own union and documents them with photos. Every method runs in one transaction that
 * writes the change and its audit event (CREATED, UPDATED, DELETED on target
 * {@code offline_event}) together; refused input ({@link ActivityRejected}) and stale
 * versions (409) change nothing.
 */
@Service
public class EventReports {

	/** Photos are JPG or PNG pictures of at most 20 MB, checked by content. */
	private final AttachmentSlot photo;

	private static final String TARGET = "offline_event";

	private final EventRecords records;

	private final OfflineEvents events;

	private final Campaigns campaigns;

	private final StoredFiles files;

	private final MediaInspector inspector;

	private final AuditLog auditLog;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private final Texts texts;

	private final EventRateLimit rateLimit;

	EventReports(EventRecords records, OfflineEvents events, Campaigns campaigns, StoredFiles files,
			MediaInspector inspector, AuditLog auditLog, Clock clock, Texts texts,
			PlatformTransactionManager transactionManager, EventRateLimit rateLimit) {
		this.rateLimit = rateLimit;
		this.transaction = new TransactionTemplate(transactionManager);
		this.texts = texts;
		this.photo = new AttachmentSlot("photo", texts.text("activity.photo.label"), false,
				List.of(FileKind.JPG, FileKind.PNG), 0, OfflineEvent.MAX_PHOTOS, 20, null);
		this.records = records;
		this.events = events;
		this.campaigns = campaigns;
		this.files = files;
		this.inspector = inspector;
		this.auditLog = auditLog;
		this.clock = clock;
	}

	/** Whether the admin may report events in this campaign (for its own union). */
	public boolean mayReport(SignedInUser actor, Campaign campaign) {
		return ActivityPolicy.reportsIn(actor, campaigns.takesPart(campaign, actor.organisationPath()));
	}

	/**
	 * The campaign feeding this one in which the admin's union reports instead (a Fujian
	 * union in the national campaign reports in the Fujian campaign), if any.
	 */
	public Optional<Campaign> reportsInstead(SignedInUser actor, Campaign campaign) {
		return ActivityPolicy.reportsInstead(actor, campaigns.feeders(campaign));
	}

	/**
	 * Records an event of the actor's own union. Writes the event and a CREATED audit
	 * event. Issue 11 item 8: only in a campaign the union takes part in
	 * ({@code Campaigns.takesPart}), for a day within the campaign's dates, and at most
	 * as many a day and an hour as {@link EventRateLimit} allows the union.
	 * @throws ActivityRejected with every problem of the input, when the union does not
	 * take part in the campaign or reported too many events lately; nothing is stored
	 */
	@Transactional
	public OfflineEvent report(SignedInUser actor, Campaign campaign, EventInput input) {
		requireReporter(actor, campaign);
		EventDetails details = EventDetails.from(input, campaign, events.today(campaign));
		rateLimit.check(actor.organisationId(), campaign.id(), clock.instant());
		long id = records.insert(campaign.id(), actor.organisationId(), actor.organisationPath(), details,
				actor.accountId(), clock.instant());
		OfflineEvent event = records.find(id).orElseThrow();
		auditLog.recordChange(AuditAction.CREATED, TARGET, id, event.organisationPath(),
				texts.text("activity.audit.event", details.place(), details.heldOn().toString()), null,
				event.auditState());
		return event;
	}

	/**
	 * Revises an event of the actor's own union. Writes the new details and an UPDATED
	 * audit event.
	 */
	@Transactional
	public OfflineEvent revise(SignedInUser actor, long id, int version, EventInput input) {
		OfflineEvent before = lockChangeable(actor, id);
		// A stale form is answered as such, whatever else is wrong with it.
		before.requireVersion(version);
		Campaign campaign = campaignOf(before);
		EventDetails details = EventDetails.from(input, campaign, events.today(campaign));
		OfflineEvent after = before.revised(details, version, clock.instant());
		records.update(after);
		auditLog.recordChange(AuditAction.UPDATED, TARGET, id, before.organisationPath(),
				texts.text("activity.audit.event", details.place(), details.heldOn().toString()), before.auditState(),
				after.auditState());
		return after;
	}

	/**
	 * Deletes an event of the actor's own union and its photo links (the files stay).
	 * Audited as DELETED.
	 */
	@Transactional
	public void delete(SignedInUser actor, long id, int version) {
		OfflineEvent event = lockChangeable(actor, id);
		event.requireVersion(version);
		records.delete(id);
		auditLog.recordChange(AuditAction.DELETED, TARGET, id, event.organisationPath(),
				texts.text("activity.audit.event", event.details().place(), event.details().heldOn().toString()),
				event.auditState(), null);
	}

	/**
	 * Attaches the actor's own completed upload as a photo after checking by content that
	 * it is a JPG or PNG picture. The picture is inspected before the event's row is
	 * locked (no slow work under a lock); the lock is then taken, the event checked
	 * again, and the photo row and an UPDATED audit event written.
	 * @throws ActivityRejected when the upload is not the actor's, not finished, not a
	 * picture, the event has 9 photos already or holds this file already
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public EventPhoto attachPhoto(SignedInUser actor, long id, UUID uploadId) {
		records.find(id)
			.filter(event -> event.changeableBy(actor))
			.orElseThrow(() -> new NotFoundException("offline event " + id))
			.requireRoomForPhoto();
		StoredFile file = uploadId == null ? null
				: files.findCompletedOwnedBy(uploadId, actor.accountId()).orElse(null);
		if (file == null) {
			throw new ActivityRejected(null, "activity.photo.unknown");
		}
		Path content = files.localPath(file);
		Inspection inspection = inspector.inspect(content, photo);
		return transaction.execute(status -> attachInspectedPhoto(actor, id, file, inspection));
	}

	private EventPhoto attachInspectedPhoto(SignedInUser actor, long id, StoredFile file, Inspection inspection) {
		OfflineEvent event = lockChangeable(actor, id);
		event.requireRoomForPhoto();
		if (inspection.detectedKind() == null || !inspection.detectedKind().isImage()
				|| inspection.blocksSubmission()) {
			String reason = inspection.findings()
				.stream()
				.filter(finding -> finding.verdict() == Verdict.FAILED)
				.map(Finding::message)
				.findFirst()
				.orElse("");
			throw new ActivityRejected(null, "activity.photo.notImage", file.fileName(), reason);
		}
		Instant at = clock.instant();
		try {
			records.insertPhoto(id, file.id(), file.fileName(), inspection.contentType(), at);
		}
		catch (DuplicateKeyException duplicate) {
			throw new ActivityRejected(null, "activity.photo.duplicate", file.fileName());
		}
		OfflineEvent after = records.find(id).orElseThrow();
		auditLog.recordChange(AuditAction.UPDATED, TARGET, id, event.organisationPath(),
				texts.text("activity.audit.photoAdded", file.fileName()), event.auditState(), after.auditState());
		return after.photos().stream().filter(photo -> photo.fileId().equals(file.id())).findFirst().orElseThrow();
	}

	/**
	 * Removes a photo from an event of the actor's own union (the file stays). Audited as
	 * UPDATED.
	 */
	@Transactional
	public void removePhoto(SignedInUser actor, long id, long photoId) {
		OfflineEvent event = lockChangeable(actor, id);
		EventPhoto photo = event.photos()
			.stream()
			.filter(candidate -> candidate.id() == photoId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("photo " + photoId));
		records.deletePhoto(photo.id());
		OfflineEvent after = records.find(id).orElseThrow();
		auditLog.recordChange(AuditAction.UPDATED, TARGET, id, event.organisationPath(),
				texts.text("activity.audit.photoRemoved", photo.fileName()), event.auditState(), after.auditState());
	}

	private OfflineEvent lockChangeable(SignedInUser actor, long id) {
		return records.lock(id)
			.filter(event -> event.changeableBy(actor))
			.orElseThrow(() -> new NotFoundException("offline event " + id));
	}

	private Campaign campaignOf(OfflineEvent event) {
		return campaigns.findById(event.campaignId())
			.orElseThrow(() -> new NotFoundException("campaign " + event.campaignId()));
	}

	/**
	 * Refuses, with the reason in Chinese, an admin whose union does not take part in the
	 * campaign (and anyone but an organisation admin).
	 */
	public void requireReporter(SignedInUser actor, Campaign campaign) {
		if (actor.role() != Role.ORG_ADMIN) {
			// Only organisation admins report: for anyone else the page does not exist.
			throw new NotFoundException("reporting in " + campaign.code() + " for " + actor);
		}
		if (!mayReport(actor, campaign)) {
			throw reportsInstead(actor, campaign)
				.map(feeder -> new ActivityRejected(null, "activity.campaign.reportsInstead", campaign.title(),
						feeder.title()))
				.orElseGet(() -> new ActivityRejected(null, "activity.campaign.notTakingPart", campaign.title()));
		}
	}

}
