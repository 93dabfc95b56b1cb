package cn.zhengji.files;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import org.springframework.core.io.Resource;

/**
 * Where the bytes of uploads and stored files live, addressed by a generated storage key
 * (never the user's file name). {@link LocalFileStorage} keeps them on a local (or
 * shared) disk. An S3-compatible store can implement the same contract later: its
 * {@link #openForAppend} would stage the unfinished bytes locally (S3 objects cannot be
 * appended to) and {@link #complete} would upload them as one object; {@link #localPath}
 * would then be a cached local copy.
 */
interface FileStorage {

	/** Creates an empty object under the key. */
	void create(String key) throws IOException;

	/**
	 * Opens the object for writing at {@code offset}, first cutting off anything stored
	 * after it (bytes written after the last recorded offset, e.g. before a crash, are
	 * not trusted).
	 */
	Appender openForAppend(String key, long offset) throws IOException;

	/** The upload is complete: the bytes will not change again. */
	void complete(String key) throws IOException;

	/** The bytes from the start, for reading once (checksums). */
	InputStream read(String key) throws IOException;

	/** A local file with the bytes, for random access. */
	Path localPath(String key) throws IOException;

	/** The bytes as a resource whose ranges can be served. */
	Resource resource(String key) throws IOException;

	/** Removes the object; nothing happens if it is not there. */
	void delete(String key) throws IOException;

	/**
	 * Writes one upload's bytes in order. One PATCH holds it; {@link #sync} may run on
	 * another thread while writing goes on, and forces at least everything written before
	 * it was called.
	 */
	interface Appender extends Closeable {

		void write(byte[] buffer, int offset, int length) throws IOException;

		/**
		 * Forces what was written to durable storage; only then may the offset be
		 * recorded.
		 */
		void sync() throws IOException;

		/** Cuts the object back to {@code length} bytes and continues writing there. */
		void truncate(long length) throws IOException;

		long position() throws IOException;

	}

}
