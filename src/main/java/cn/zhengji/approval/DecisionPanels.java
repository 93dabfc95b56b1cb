package cn.zhengji.approval;

import java.util.Optional;

import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.submission.AdminEntryPanel;
import cn.zhengji.submission.EntryView;
import org.springframework.stereotype.Component;

/**
 * Puts the decision panel ({@code templates/approval/decision-panel.html}) on the admin's
 * entry page.
 */
@Component
class DecisionPanels implements AdminEntryPanel {

	private final Approvals approvals;

	DecisionPanels(Approvals approvals) {
		this.approvals = approvals;
	}

	@Override
	public Optional<Panel> panel(SignedInUser viewer, EntryView view) {
		return approvals.panel(viewer, view).map(panel -> new Panel("approval/decision-panel", panel));
	}

}
