package cn.zhengji.similarity.web;

import java.util.List;
import java.util.Optional;

import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.submission.AdminEntryPanel;
import cn.zhengji.submission.EntryView;
import cn.zhengji.submission.OwnerEntryPanel;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Issue 15 item 2: puts the similarity flags ({@code templates/similarity/flags.html})
 * under the head of the admin's entry page, where approvers and the review admin read
 * them before deciding — flagged, never refused: nothing here blocks a submission or a
 * decision.
 */
@Component
@Order(0)
class SimilarityPanels implements AdminEntryPanel {

	private final MatchFlags flags;

	SimilarityPanels(MatchFlags flags) {
		this.flags = flags;
	}

	@Override
	public Optional<Panel> panel(SignedInUser viewer, EntryView view) {
		List<MatchFlags.Flag> shown = flags.forAdmin(viewer, view.entry().id());
		return shown.isEmpty() ? Optional.empty()
				: Optional.of(new Panel("similarity/flags", new MatchFlags.AdminModel(view.entry().id(), shown), true));
	}

	/**
	 * The owner's neutral notice ({@code templates/similarity/own.html}): only their own
	 * identical files, nothing about other people's works.
	 */
	@Component
	static class OwnDuplicates implements OwnerEntryPanel {

		private final MatchFlags flags;

		OwnDuplicates(MatchFlags flags) {
			this.flags = flags;
		}

		@Override
		public Optional<Panel> panel(SignedInUser owner, EntryView view) {
			List<MatchFlags.OwnDuplicate> own = flags.forOwner(owner, view.entry().id());
			return own.isEmpty() ? Optional.empty()
					: Optional.of(new Panel("similarity/own", new MatchFlags.OwnerModel(view.entry().id(), own)));
		}

	}

}
