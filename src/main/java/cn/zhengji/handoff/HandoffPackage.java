package cn.zhengji.handoff;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Issue 14: one sub-project's package as planned by {@link Handoffs#packageOf}, to be
 * streamed to a response (or any stream): {@link #prepare} first (every file checked, the
 * nomination forms made: a refusal comes before any byte, while an error page can still
 * be shown), then {@link Body#write}.
 *
 * @param fileName the ZIP's file name for the download
 * @param works how many works it holds
 */
public record HandoffPackage(String fileName, int works, Preparation preparation) {

	/** Checks the files and makes what the manifest needs. */
	@FunctionalInterface
	public interface Preparation {

		Body prepare() throws IOException;

	}

	/** Writes the ZIP. */
	public interface Body {

		/**
		 * The size of the writes the body makes: a response buffer of this size lets each
		 * reach the socket whole (Tomcat's is 8 KiB).
		 */
		int WRITE_SIZE = 256 * 1024;

		/** The number of bytes {@link #write} writes, known before the first. */
		long length();

		/**
		 * A strong validator of the bytes (an HTTP entity tag's value, quoted): the same
		 * selection of the same files gives the same tag, any change another.
		 */
		String etag();

		/** Streams the ZIP to {@code out}, which is left open. */
		void write(OutputStream out) throws IOException;

		/**
		 * Streams {@code count} bytes of the ZIP from {@code from} (a download resumed),
		 * the bytes {@link #write(OutputStream)} writes there.
		 */
		void write(OutputStream out, long from, long count) throws IOException;

	}

	/**
	 * Checks every file as a download does and makes the nomination forms, before any
	 * byte is written.
	 * @throws cn.zhengji.files.StoredFileCorruptedException when a file's stored bytes no
	 * longer match its SHA-256
	 */
	public Body prepare() throws IOException {
		return preparation.prepare();
	}

	/** Prepares and streams the ZIP to {@code out}, which is left open. */
	public void writeTo(OutputStream out) throws IOException {
		prepare().write(out);
	}

}
