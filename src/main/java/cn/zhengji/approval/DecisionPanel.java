package cn.zhengji.approval;

import java.util.List;
import java.util.Optional;

import cn.zhengji.campaign.CategoryRules.Judgement;
import cn.zhengji.evidence.VideoEvidence;
import cn.zhengji.submission.EntryView;

/**
 * What the decision panel of the admin's entry page shows to the admins of the level
 * where the entry waits.
 *
 * @param levelName the acting level (organisation)
 * @param recommends whether approving here is a recommendation (推荐) rather than an
 * approval (同意)
 * @param top whether this level is the top of the chain (approving makes the entry
 * APPROVED)
 * @param nextLevelName where the entry goes when approved here, null at the top
 * @param judgements the items to answer (only at the first level)
 * @param confirmed what the first level confirmed (at later levels)
 * @param quota the unit's quota of the category, where one applies at this level
 * @param mayReturn whether returning is still possible (before the submission deadline)
 * @param fileFlags what the automatic checks of the files leave to the approver (sound
 * below the reference, a duration over an advisory limit)
 * @param evidence issue 15 item 3: the evidence frames of the entry's videos for the
 * items 无水印 and 片头字幕须有作品名称 (module evidence), empty where none are asked
 * @param title the entry's title, which the opening credits must show
 */
public record DecisionPanel(long entryId, int version, String levelName, boolean recommends, boolean top,
		String nextLevelName, List<Judgement> judgements, List<ConfirmedJudgement> confirmed, Optional<QuotaUse> quota,
		boolean mayReturn, List<EntryView.FileFlag> fileFlags, List<VideoEvidence> evidence, String title) {

	/** The panel without evidence. */
	public DecisionPanel(long entryId, int version, String levelName, boolean recommends, boolean top,
			String nextLevelName, List<Judgement> judgements, List<ConfirmedJudgement> confirmed,
			Optional<QuotaUse> quota, boolean mayReturn, List<EntryView.FileFlag> fileFlags) {
		this(entryId, version, levelName, recommends, top, nextLevelName, judgements, confirmed, quota, mayReturn,
				fileFlags, List.of(), null);
	}

	/** Issue 15 item 3: the same panel with the evidence of the entry's videos. */
	public DecisionPanel withEvidence(List<VideoEvidence> videos, String entryTitle) {
		return new DecisionPanel(entryId, version, levelName, recommends, top, nextLevelName, judgements, confirmed,
				quota, mayReturn, fileFlags, List.copyOf(videos), entryTitle);
	}

}
