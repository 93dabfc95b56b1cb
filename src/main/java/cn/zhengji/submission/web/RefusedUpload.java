package cn.zhengji.submission.web;

import java.util.Objects;

import cn.zhengji.submission.AttachOutcome;

/**
 * A file the entry page shows as not accepted, inside the slot it was offered to (where
 * the page scrolls to), for one page view after the upload.
 *
 * @param section the section of the slot, or null
 */
public record RefusedUpload(String slotKey, String section, AttachOutcome outcome) {

	/** Whether this refusal belongs to the slot (and section) being drawn. */
	public boolean in(String slot, String sectionShown) {
		return slotKey.equals(slot) && Objects.equals(section, sectionShown);
	}

}
