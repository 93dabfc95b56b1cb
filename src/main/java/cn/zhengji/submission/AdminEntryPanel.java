package cn.zhengji.submission;

import java.util.Optional;

import cn.zhengji.infrastructure.security.SignedInUser;

/**
 * A part of the admin's entry page ({@code /admin/works/{id}}) that another module
 * contributes without this module knowing it (the approval chain's decision panel): each
 * bean of this type is asked for a panel, rendered with the fragment {@code panel(model)}
 * of its template.
 */
public interface AdminEntryPanel {

	/** The panel for this viewer and entry, if there is one to show. */
	Optional<Panel> panel(SignedInUser viewer, EntryView view);

	/**
	 * @param template the Thymeleaf template holding a fragment {@code panel(model)}
	 * @param model what the fragment shows
	 * @param top whether it goes under the entry's head, where it is read first (issue
	 * 15: similarity flags), instead of after the files
	 */
	record Panel(String template, Object model, boolean top) {

		public Panel(String template, Object model) {
			this(template, model, false);
		}

	}

}
