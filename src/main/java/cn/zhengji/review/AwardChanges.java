package cn.zhengji.review;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.AwardLevel;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.review.AwardedLevels.AwardedLevel;
import cn.zhengji.review.ReviewRoundScope.RoundContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 13 item 1 (R-PUB-1): an award of a locked round changed after an objection was
 * upheld during the publicity period. The locked round's rows never change (the database
 * refuses it); the change is a row of its own (review_award_change) that
 * {@link AwardedLevels} applies. Only to a lower level, or taken away.
 */
@Service
public class AwardChanges {

	private final ReviewRoundScope scope;

	private final Campaigns campaigns;

	private final AwardedLevels awardedLevels;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Texts texts;

	private final Clock clock;

	AwardChanges(ReviewRoundScope scope, Campaigns campaigns, AwardedLevels awardedLevels, JdbcClient jdbc,
			AuditLog auditLog, Texts texts, Clock clock) {
		this.scope = scope;
		this.campaigns = campaigns;
		this.awardedLevels = awardedLevels;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.texts = texts;
		this.clock = clock;
	}

	/**
	 * Changes the award of a work of a locked round to a lower level of the round, or
	 * takes it away ({@code levelCode} null), inside the caller's transaction. Writes a
	 * review_award_change row and an audit event CREATED on review_award with the level
	 * before and after.
	 * @return the award as it now stands, null when taken away
	 * @throws cn.zhengji.infrastructure.web.NotFoundException for anyone who does not
	 * administer the round's campaign
	 * @throws ReviewChangeRejected when the work has no award in the round, the round is
	 * not locked, or the level is not a lower one of the round
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public AwardedLevel changeAfterObjection(SignedInUser actor, long roundId, long entryId, String levelCode,
			String reason) {
		RoundContext round = scope.administered(actor, roundId);
		AwardedLevel current = awardedLevels.of(List.of(entryId)).get(entryId);
		if (current == null || current.roundId() != roundId) {
			throw new ReviewChangeRejected("level", "review.awardChange.noAward");
		}
		List<AwardLevel> levels = campaigns.awardLevels(roundId);
		AwardedLevel after = null;
		if (levelCode != null) {
			int index = -1;
			for (int i = 0; i < levels.size(); i++) {
				if (levels.get(i).code().equals(levelCode)) {
					index = i;
				}
			}
			if (index < 0 || index + 1 <= current.levelOrder()) {
				throw new ReviewChangeRejected("level", "review.awardChange.notLower");
			}
			after = new AwardedLevel(entryId, roundId, levelCode, levels.get(index).name(), index + 1);
		}
		jdbc.sql("""
				insert into review_award_change (round_id, entry_id, level_code, reason, decided_by, decided_at)
				values (?, ?, ?, ?, ?, ?)
				""")
			.params(roundId, entryId, levelCode, reason, actor.accountId(), java.sql.Timestamp.from(clock.instant()))
			.update();
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("level", current.levelCode());
		Map<String, Object> changed = new LinkedHashMap<>();
		changed.put("level", levelCode);
		changed.put("reason", reason);
		auditLog.recordChange(AuditAction.CREATED, "review_award", roundId + "/" + entryId, round.auditPath(),
				texts.plain("review.awardChange.audit", round.round().name(), current.levelName(),
						after == null ? texts.plain("review.awardChange.withdrawn") : after.levelName()),
				before, changed);
		return after;
	}

}
