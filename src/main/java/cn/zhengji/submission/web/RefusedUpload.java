package cn.zhengji.submission.web;

import java.io.Serializable;
import java.util.Objects;

import cn.zhengji.submission.AttachOutcome;

/**
 * A file the entry page shows as not accepted, inside the slot it was offered to (where
 * the page scrolls to), for one page view after the upload.
 *
 * Serializable: flash attributes live in the session, which is stored in PostgreSQL
 * (issue 11 item 3).
 *
 * @param section the section of the slot, or null
 */
public record RefusedUpload(String slotKey, String section, AttachOutcome outcome) implements Serializable {

	/** Whether this refusal belongs to the slot (and section) being drawn. */
	public boolean in(String slot, String sectionShown) {
		return slotKey.equals(slot) && Objects.equals(section, sectionShown);
	}

}
