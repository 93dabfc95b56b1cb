package cn.zhengji.showcase;

import java.math.BigDecimal;
import java.util.List;

import cn.zhengji.campaign.Campaign;

/**
 * A work's public page: what it is, its award, its unit, its public texts and files.
 *
 * @param levelName the award level of its last locked round, or null
 * @param score the final score, only where the campaign publishes scores, else null
 * @param inVoting whether the public can vote on it now
 * @param imageUrl the first image of the work (for the page's preview when shared), or
 * null
 */
public record WorkPage(long id, Campaign campaign, String title, String categoryName, String levelName, String unitName,
		BigDecimal score, boolean inVoting, List<Text> texts, List<File> files, String imageUrl) {

	/** A typed text meant for the public; {@code section} may be null. */
	public record Text(String label, String section, String text) {
	}

	/**
	 * A public file, by the label of its slot; {@code kind} decides how it is shown.
	 * {@code posterUrl} is the poster frame of a video whose web copy is ready, else
	 * null.
	 */
	public record File(long attachmentId, String label, Kind kind, String url, String contentType, String posterUrl) {
	}

	/** How a file is shown: played, displayed or downloaded. */
	public enum Kind {

		VIDEO, AUDIO, IMAGE, DOCUMENT;

		static Kind of(String contentType) {
			if (contentType.startsWith("video/")) {
				return VIDEO;
			}
			if (contentType.startsWith("audio/")) {
				return AUDIO;
			}
			if (contentType.equals("image/png") || contentType.equals("image/jpeg")) {
				return IMAGE;
			}
			return DOCUMENT;
		}

	}

	/**
	 * A plain description for link previews: the first text, shortened; without texts the
	 * category, award and unit.
	 */
	public String description() {
		if (texts.isEmpty()) {
			return String.join(" · ",
					java.util.stream.Stream.of(categoryName, levelName, unitName)
						.filter(java.util.Objects::nonNull)
						.toList());
		}
		String first = texts.get(0).text().strip();
		return first.length() > 120 ? first.substring(0, 120) + "…" : first;
	}

}
