package cn.zhengji.submission;

import java.util.List;

/**
 * Issue 12 (R-REV-1): an entry as an expert may see it in a blind review — the work and
 * nothing of who sent it. Deliberately without the owner, the submitting unit, any mobile
 * or ID number and the nomination form (a person's data). The files are not here: the
 * review module serves blind copies of them by attachment id
 * ({@link Entries#filesForReview}, without their original names, which often carry the
 * author's name).
 *
 * @param texts the typed texts in the category's order, sections one by one
 */
public record BlindEntry(long id, long categoryId, String categoryName, String title, List<Text> texts) {

	public BlindEntry {
		texts = List.copyOf(texts);
	}

	/**
	 * One typed text.
	 *
	 * @param section the section of the field, or null
	 */
	public record Text(String label, String section, String text) {
	}

}
