package cn.zhengji.media;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import cn.zhengji.media.BlindCopyException.Reason;
import org.springframework.stereotype.Component;

/**
 * Issue 12 item 4: the copies of works that experts are served carry none of the metadata
 * that can name who made them (EXIF/XMP/IPTC of images, document properties of Office
 * files and PDFs, tags of MP4 and MP3). The format is found from the content with the
 * same sniffing as {@link MediaInspector}, never from the file name; the media data
 * itself is copied byte for byte (no re-encoding), so an expert judges exactly what was
 * submitted.
 */
@Component
public class BlindCopies {

	/**
	 * Removes the metadata while writing {@code partial}; reads {@code original} only.
	 */
	@FunctionalInterface
	interface Stripper {

		void strip(Path original, Path partial) throws IOException, MediaProblem;

	}

	BlindCopies() {
	}

	/**
	 * Writes to {@code target} a copy of {@code original} without identifying metadata.
	 * The original is only read. The target appears complete or not at all: the copy is
	 * written to a hidden sibling and moved into place, so a crash or a bad file never
	 * leaves a half-stripped copy that could be served.
	 * @return {@code target}
	 * @throws BlindCopyException for formats without a stripper, for truncated or damaged
	 * files, and when the copy cannot be written
	 */
	public Path makeBlindCopy(Path original, Path target) throws BlindCopyException {
		Path partial = null;
		try {
			Format format = formatOf(original);
			Stripper stripper = stripperFor(format);
			Path directory = target.toAbsolutePath().getParent();
			Files.createDirectories(directory);
			partial = Files.createTempFile(directory, "." + target.getFileName() + ".", ".part");
			stripper.strip(original, partial);
			// A stripper that produced something else than it was given must not be
			// served.
			if (formatOf(partial) != format) {
				throw new BlindCopyException(Reason.DAMAGED, "The stripped copy of " + original + " is no longer "
						+ format + "; the original is damaged in a way the stripper did not detect", null);
			}
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			partial = null;
			return target;
		}
		catch (MediaProblem problem) {
			Reason reason = problem.code().equals(MediaProblem.truncated().code()) ? Reason.TRUNCATED : Reason.DAMAGED;
			throw new BlindCopyException(reason, original + ": " + problem.code(), problem);
		}
		catch (IOException ex) {
			throw new BlindCopyException(Reason.INPUT_OUTPUT, "Could not copy " + original + " to " + target, ex);
		}
		catch (RuntimeException ex) {
			// POI and PDFBox report some malformed structures with unchecked
			// exceptions.
			throw new BlindCopyException(Reason.DAMAGED, original + " could not be parsed", ex);
		}
		finally {
			deleteQuietly(partial);
		}
	}

	private static Stripper stripperFor(Format format) throws BlindCopyException {
		return switch (format) {
			case JPG -> (original, partial) -> ImageStripper.copy(original, partial, ImageStripper::jpeg);
			case PNG -> (original, partial) -> ImageStripper.copy(original, partial, ImageStripper::png);
			case DOCX, PPTX, XLSX -> OoxmlStripper::strip;
			case PPT, DOC, XLS -> Ole2Stripper::strip;
			case PDF -> PdfStripper::strip;
			case MP4 -> Mp4Stripper::strip;
			case MP3 -> Mp3Stripper::strip;
			default -> throw new BlindCopyException(Reason.UNSUPPORTED_FORMAT,
					"No blind copy can be made of " + format + " content", null);
		};
	}

	/** The format as {@link MediaInspector} finds it, containers opened. */
	static Format formatOf(Path path) throws IOException, MediaProblem {
		Format format;
		try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
			format = ContentSniffer.sniff(channel);
		}
		if (format == Format.OLE2_OTHER) {
			return Ole2Probe.read(path);
		}
		if (format == Format.ZIP) {
			// Inflates every entry into a counter first, so a zip bomb never reaches POI.
			return ZipProbe.read(path).format();
		}
		return format;
	}

	private static void deleteQuietly(Path partial) {
		if (partial == null) {
			return;
		}
		try {
			Files.deleteIfExists(partial);
		}
		catch (IOException ignored) {
			// A leftover hidden .part file is never served; the next attempt makes a new
			// one.
		}
	}

	/**
	 * Exactly {@code length} bytes at {@code position}; a file that ends before them is
	 * cut, and its blind copy refused as such (the MP3 and MP4 strippers read tags and
	 * boxes this way).
	 */
	static ByteBuffer readExactly(FileChannel channel, long position, int length) throws IOException, MediaProblem {
		ByteBuffer buffer = ByteBuffer.allocate(length);
		while (buffer.hasRemaining()) {
			if (channel.read(buffer, position + buffer.position()) < 0) {
				throw MediaProblem.truncated();
			}
		}
		return buffer.flip();
	}

}
