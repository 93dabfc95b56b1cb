package cn.zhengji.playback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.submission.Entries;
import cn.zhengji.submission.ReviewFile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 13 item 3: the admin page of a campaign's web copies — per awarded work and file:
 * state, progress, attempts, the reason of a failure — and the retry of a failed one.
 * Only for the campaign's admins ({@link CampaignAdministration#campaignFor}: 404 for
 * anyone else).
 */
@Component
public class PlaybackProgress {

	private final CampaignAdministration administration;

	private final WebCopyRecords records;

	private final WebCopyRequests requests;

	private final Entries entries;

	private final AuditLog audit;

	private final Texts texts;

	PlaybackProgress(CampaignAdministration administration, WebCopyRecords records, WebCopyRequests requests,
			Entries entries, AuditLog audit, Texts texts) {
		this.administration = administration;
		this.records = records;
		this.requests = requests;
		this.entries = entries;
		this.audit = audit;
		this.texts = texts;
	}

	/** The page: the campaign, and its works with their files in entry and slot order. */
	public record Page(Campaign campaign, List<Work> works, Map<WebCopy.State, Long> counts) {

		/** Every state, in order, for the counts. */
		public List<WebCopy.State> states() {
			return List.of(WebCopy.State.values());
		}

	}

	/** A work and the web copies of its files. */
	public record Work(long entryId, String title, List<Line> files) {
	}

	/** A file of a work: the slot's label and its copy. */
	public record Line(String label, WebCopy copy) {

		/** The Chinese reason of the last failure ({@code playback.error.*}), or null. */
		public String errorKey() {
			return copy.errorReason() == null ? null : "playback.error." + copy.errorReason();
		}

	}

	@Transactional(readOnly = true)
	public Page page(SignedInUser actor, String code) {
		Campaign campaign = administration.campaignFor(actor, code);
		List<WebCopy> copies = records.ofCampaign(campaign.id());
		List<Long> entryIds = copies.stream().map(WebCopy::entryId).distinct().toList();
		Map<Long, String> titles = entries.titlesOf(entryIds);
		Map<Long, String> labels = new java.util.HashMap<>();
		for (ReviewFile file : entries.filesForReview(entryIds)) {
			labels.put(file.attachmentId(), file.slotLabel());
		}
		Map<Long, List<Line>> byEntry = new LinkedHashMap<>();
		Map<WebCopy.State, Long> counts = new java.util.EnumMap<>(WebCopy.State.class);
		for (WebCopy copy : copies) {
			byEntry.computeIfAbsent(copy.entryId(), (id) -> new ArrayList<>())
				.add(new Line(labels.getOrDefault(copy.attachmentId(), ""), copy));
			counts.merge(copy.state(), 1L, Long::sum);
		}
		List<Work> works = new ArrayList<>();
		byEntry.forEach((entryId, lines) -> works.add(new Work(entryId, titles.getOrDefault(entryId, ""), lines)));
		return new Page(campaign, works, counts);
	}

	/**
	 * Queues a FAILED copy again (attempts from 0) and schedules it.
	 * <p>
	 * Side effects: the row QUEUED, a db-scheduler execution, an audit event UPDATED on
	 * {@code web_copy} by the admin, in one transaction.
	 * @return false when the copy is not FAILED (nothing changed)
	 * @throws NotFoundException for a copy of another campaign or none
	 */
	@Transactional
	public boolean retry(SignedInUser actor, String code, long attachmentId) {
		Campaign campaign = administration.campaignFor(actor, code);
		WebCopy copy = records.find(attachmentId)
			.filter((found) -> found.campaignId() == campaign.id())
			.orElseThrow(() -> new NotFoundException("web copy " + attachmentId));
		if (!requests.retry(attachmentId)) {
			return false;
		}
		audit.recordChange(AuditAction.UPDATED, "web_copy", attachmentId, null,
				texts.plain("playback.audit.retried", attachmentId), Map.of("state", copy.state().name()),
				Map.of("state", WebCopy.State.QUEUED.name()));
		return true;
	}

}
