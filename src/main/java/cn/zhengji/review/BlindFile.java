package cn.zhengji.review;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Issue 12 item 4: one file of a work as an expert sees it in the blind review: no file
 * name, no uploader, only the slot it was handed in for and what it is. Served only as
 * its blind copy ({@link BlindFiles}).
 *
 * @param attachmentId the attachment of the entry (the key in the URLs)
 * @param slotLabel the label of the category's slot, e.g. 作品视频
 * @param kind how the page shows it
 * @param status whether the blind copy can be served yet
 * @param pageCount the rendered pages of a {@link Kind#PAGES} file (0 otherwise)
 * @param url the blind copy: inline, with HTTP ranges; the pages are at
 * {@link #pageUrl(int)}
 */
public record BlindFile(long attachmentId, String slotLabel, Kind kind, Status status, int pageCount, String url) {

	/** How a file is shown. */
	public enum Kind {

		/** MP4: {@code <video controls playsinline>}. */
		VIDEO,
		/** MP3: {@code <audio controls>}. */
		AUDIO,
		/** JPEG, PNG: {@code <img>}. */
		IMAGE,
		/** PPT, PPTX, PDF: its pages as images, one under the other. */
		PAGES,
		/** DOCX and other documents: a download of the blind copy. */
		DOCUMENT;

		/** The kind a content type (as the media checks found it) is shown as. */
		static Kind of(String contentType) {
			return switch (contentType) {
				case "video/mp4" -> VIDEO;
				case "audio/mpeg" -> AUDIO;
				case "image/jpeg", "image/png" -> IMAGE;
				case "application/pdf", "application/vnd.ms-powerpoint",
						"application/vnd.openxmlformats-officedocument.presentationml.presentation" ->
					PAGES;
				default -> DOCUMENT;
			};
		}

	}

	/** Whether the blind copy exists. */
	public enum Status {

		/** Not made yet: the page says 正在准备. */
		PENDING,
		/** Served. */
		READY,
		/**
		 * Could not be made (e.g. a damaged file): never served, the original neither.
		 */
		FAILED

	}

	public boolean ready() {
		return status == Status.READY;
	}

	/** The image of page {@code number} (from 1). */
	public String pageUrl(int number) {
		return url + "/pages/" + number + ".png";
	}

	/** 1 … {@link #pageCount}, for the template. */
	public List<Integer> pageNumbers() {
		return IntStream.rangeClosed(1, pageCount).boxed().toList();
	}

	/** The file extension a blind copy of this content type is served with. */
	static String extension(String contentType) {
		return switch (contentType) {
			case "video/mp4" -> "mp4";
			case "audio/mpeg" -> "mp3";
			case "image/jpeg" -> "jpg";
			case "image/png" -> "png";
			case "application/pdf" -> "pdf";
			case "application/vnd.ms-powerpoint" -> "ppt";
			case "application/vnd.openxmlformats-officedocument.presentationml.presentation" -> "pptx";
			case "application/msword" -> "doc";
			case "application/vnd.openxmlformats-officedocument.wordprocessingml.document" -> "docx";
			case "application/vnd.ms-excel" -> "xls";
			case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> "xlsx";
			default -> "bin";
		};
	}

}
