package cn.zhengji.activity;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.infrastructure.security.SignedInUser;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * R-ACT-2 An offline event (线下活动) reported by one union for itself in one campaign. It
 * counts towards the allocation of its own unit and of every unit above it (see
 * {@link RollUp}).
 *
 * @param version optimistic-locking version: a change names the version it was made on
 */
public record OfflineEvent(long id, long campaignId, long organisationId, String organisationPath,
		String organisationName, EventDetails details, long reportedBy, String reporterName, Instant reportedAt,
		Instant updatedAt, int version, List<EventPhoto> photos) {

	/** At most this many photos document one event. */
	public static final int MAX_PHOTOS = 9;

	public OfflineEvent {
		photos = List.copyOf(photos);
	}

	/**
	 * Only the admins of the reporting union change or delete its report; units above
	 * read it.
	 */
	public boolean changeableBy(SignedInUser actor) {
		return ActivityPolicy.reportsFor(actor, organisationId);
	}

	public boolean photosFull() {
		return photos.size() >= MAX_PHOTOS;
	}

	/**
	 * The event with new details; refused when the change was made on an older version.
	 */
	OfflineEvent revised(EventDetails newDetails, int seenVersion, Instant at) {
		requireVersion(seenVersion);
		return new OfflineEvent(id, campaignId, organisationId, organisationPath, organisationName, newDetails,
				reportedBy, reporterName, reportedAt, at, version + 1, photos);
	}

	/** Checks that one more photo fits. */
	void requireRoomForPhoto() {
		if (photosFull()) {
			throw new ActivityRejected(null, "activity.photo.full", MAX_PHOTOS);
		}
	}

	void requireVersion(int seenVersion) {
		if (seenVersion != version) {
			throw new OptimisticLockingFailureException(
					"offline event " + id + " is at version " + version + ", not " + seenVersion);
		}
	}

	/** What the audit log keeps of the event. */
	Map<String, Object> auditState() {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("organisation", organisationName);
		state.put("heldOn", details.heldOn().toString());
		state.put("place", details.place());
		state.put("enterprise", details.enterprise());
		state.put("participants", details.participants());
		state.put("description", details.description());
		state.put("photos", photos.stream().map(EventPhoto::fileName).toList());
		return state;
	}
}
