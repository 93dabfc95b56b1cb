package cn.zhengji.submission;

import java.util.Optional;

import cn.zhengji.infrastructure.security.SignedInUser;

/**
 * A part of the owner's entry page ({@code /works/{id}}) that another module contributes
 * without this module knowing it (issue 15: the neutral notice of the owner's own
 * duplicates), rendered with the fragment {@code panel(model)} of its template. The
 * owner's counterpart of {@link AdminEntryPanel}.
 */
public interface OwnerEntryPanel {

	/** The panel for this owner and entry, if there is one to show. */
	Optional<AdminEntryPanel.Panel> panel(SignedInUser owner, EntryView view);

}
