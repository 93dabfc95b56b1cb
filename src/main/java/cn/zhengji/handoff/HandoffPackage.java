package cn.zhengji.handoff;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Issue 14: one sub-project's package as planned by {@link Handoffs#packageOf}, to be
 * streamed to a response (or any stream) with {@link #writeTo}.
 *
 * @param fileName the ZIP's file name for the download
 * @param works how many works it holds
 */
public record HandoffPackage(String fileName, int works, Body body) {

	/** Writes the ZIP. */
	@FunctionalInterface
	public interface Body {

		void write(OutputStream out) throws IOException;

	}

	/** Streams the ZIP to {@code out}, which is left open. */
	public void writeTo(OutputStream out) throws IOException {
		body.write(out);
	}

}
