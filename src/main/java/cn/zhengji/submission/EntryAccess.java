package cn.zhengji.submission;

import cn.zhengji.infrastructure.security.SignedInUser;
import org.springframework.stereotype.Component;

/**
 * Issue 15 item 2: whether a viewer may open another entry, for modules that point at an
 * entry the viewer did not come from (a similarity flag names the other work; only a
 * viewer who may read it gets its link and frames). Same rules as the entry pages.
 */
@Component
public class EntryAccess {

	private final EntryRecords records;

	EntryAccess(EntryRecords records) {
		this.records = records;
	}

	/**
	 * Whether the viewer reads the entry on the admin's page ({@code /admin/works/{id}}).
	 */
	public boolean adminMayOpen(SignedInUser viewer, long entryId) {
		return records.find(entryId)
			.filter(entry -> EntryPolicy.mayRead(viewer, entry) && EntryPolicy.administers(viewer, entry))
			.isPresent();
	}

	/** Whether the viewer owns the entry (its own page, {@code /works/{id}}). */
	public boolean owns(SignedInUser viewer, long entryId) {
		return records.find(entryId).filter(entry -> EntryPolicy.owns(viewer, entry)).isPresent();
	}

}
