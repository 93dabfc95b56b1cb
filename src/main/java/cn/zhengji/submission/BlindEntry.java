package cn.zhengji.submission;

import java.util.List;

/**
 * Issue 12 (R-REV-1): an entry as an expert may see it in a blind review — the work and
 * nothing of who sent it. Deliberately without the owner, the submitting unit, any mobile
 * or ID number, the nomination form (a person's data) and the original file names (they
 * often carry the author's name); the review module serves the files by attachment id.
 *
 * @param texts the typed texts in the category's order, sections one by one
 * @param attachments the files in the category's slot order
 */
public record BlindEntry(long id, long categoryId, String categoryName, String title, List<Text> texts,
		List<File> attachments) {

	public BlindEntry {
		texts = List.copyOf(texts);
		attachments = List.copyOf(attachments);
	}

	/**
	 * One typed text.
	 *
	 * @param section the section of the field, or null
	 */
	public record Text(String label, String section, String text) {
	}

	/**
	 * One file, without its name.
	 *
	 * @param section the section of the category's text it belongs to, or null
	 * @param mediaType the media type found in the content
	 */
	public record File(long attachmentId, String slotLabel, String section, String mediaType) {

		/** Audio, video and images are shown in the browser; documents are downloaded. */
		public boolean inline() {
			return mediaType.startsWith("video/") || mediaType.startsWith("audio/") || mediaType.equals("image/png")
					|| mediaType.equals("image/jpeg");
		}

	}

}
