package cn.zhengji.approval;

import java.util.Optional;
import java.util.Set;

import cn.zhengji.campaign.CategoryRules.JudgementKind;
import cn.zhengji.evidence.JudgementEvidence;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.submission.AdminEntryPanel;
import cn.zhengji.submission.EntryView;
import org.springframework.stereotype.Component;

/**
 * Puts the decision panel ({@code templates/approval/decision-panel.html}) on the admin's
 * entry page, with the evidence frames of the entry's videos (module evidence) where the
 * items 无水印 or 片头字幕须有作品名称 are to be answered.
 */
@Component
class DecisionPanels implements AdminEntryPanel {

	private static final Set<JudgementKind> WITH_EVIDENCE = Set.of(JudgementKind.WATERMARK,
			JudgementKind.TITLE_IN_OPENING_CREDITS);

	private final Approvals approvals;

	private final JudgementEvidence evidence;

	DecisionPanels(Approvals approvals, JudgementEvidence evidence) {
		this.approvals = approvals;
		this.evidence = evidence;
	}

	@Override
	public Optional<Panel> panel(SignedInUser viewer, EntryView view) {
		return approvals.panel(viewer, view)
			.map(panel -> new Panel("approval/decision-panel", withEvidence(panel, view)));
	}

	private DecisionPanel withEvidence(DecisionPanel panel, EntryView view) {
		if (panel.judgements().stream().noneMatch(judgement -> WITH_EVIDENCE.contains(judgement.kind()))) {
			return panel;
		}
		return panel.withEvidence(evidence.forEntry(view.entry().id()), view.entry().title());
	}

}
