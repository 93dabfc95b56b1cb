package cn.zhengji.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

import cn.zhengji.support.TestMedia;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;

/**
 * Files crafted byte by byte (or made with POI, ImageIO and ffmpeg) to attack or to pass
 * the checks.
 */
final class HostileFiles {

	private HostileFiles() {
	}

	static Path write(Path directory, String name, byte[] bytes) {
		try {
			return Files.write(directory.resolve(name), bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The first half of a real file: an upload cut short. */
	static Path firstHalf(Path source, Path directory, String name) {
		try {
			byte[] all = Files.readAllBytes(source);
			return write(directory, name, java.util.Arrays.copyOf(all, all.length / 2));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A PNG whose header claims the given size, followed by a tiny image data chunk. */
	static byte[] pngClaiming(int width, int height) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A });
		chunk(out, "IHDR",
				ByteBuffer.allocate(13)
					.putInt(width)
					.putInt(height)
					.put((byte) 8)
					.put((byte) 2)
					.put((byte) 0)
					.put((byte) 0)
					.put((byte) 0)
					.array());
		ByteArrayOutputStream idat = new ByteArrayOutputStream();
		try (DeflaterOutputStream deflate = new DeflaterOutputStream(idat)) {
			deflate.write(new byte[64]);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		chunk(out, "IDAT", idat.toByteArray());
		chunk(out, "IEND", new byte[0]);
		return out.toByteArray();
	}

	private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
		out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
		out.writeBytes(typeBytes);
		out.writeBytes(data);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	static Path image(Path directory, String name, String format, int width, int height) {
		try {
			BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
			Path target = directory.resolve(name);
			ImageIO.write(image, format, target.toFile());
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path pptx(Path directory, String name) {
		try (XMLSlideShow show = new XMLSlideShow();
				OutputStream out = Files.newOutputStream(directory.resolve(name))) {
			show.createSlide().createTextBox().setText("数治提效特色应用系统");
			show.write(out);
			return directory.resolve(name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path xls(Path directory, String name) {
		try (HSSFWorkbook workbook = new HSSFWorkbook();
				OutputStream out = Files.newOutputStream(directory.resolve(name))) {
			workbook.createSheet("表1").createRow(0).createCell(0).setCellValue("数据");
			workbook.write(out);
			return directory.resolve(name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A presentation-shaped zip with one extra part of the given name and content. */
	static Path pptxWith(Path directory, String name, String extraEntry, byte[] extraContent, long extraZeros) {
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(directory.resolve(name)))) {
			zip.setLevel(Deflater.BEST_COMPRESSION);
			entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>".getBytes(StandardCharsets.UTF_8));
			entry(zip, "ppt/presentation.xml",
					"<?xml version=\"1.0\"?><p:presentation/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry(extraEntry));
			zip.write(extraContent);
			byte[] zeros = new byte[1 << 20];
			for (long written = 0; written < extraZeros; written += zeros.length) {
				zip.write(zeros);
			}
			zip.closeEntry();
			return directory.resolve(name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path zipWithEntries(Path directory, String name, int entries) {
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(directory.resolve(name)))) {
			for (int i = 0; i < entries; i++) {
				entry(zip, "part-" + i + ".txt", new byte[0]);
			}
			return directory.resolve(name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content);
		zip.closeEntry();
	}

	/**
	 * A landscape-coded video that a phone held upright wrote: 1920×1080 frames with a
	 * 90° display matrix in the track header, played as 1080×1920.
	 */
	static Path rotatedPhoneVideo() {
		Path target = Path.of("target", "test-media", "video-1920x1080-rotate90-40s.mp4").toAbsolutePath();
		if (Files.isRegularFile(target)) {
			return target;
		}
		return ffmpeg(target,
				List.of("-i", TestMedia.mp4(1920, 1080, 40, 5).toString(), "-c", "copy", "-metadata:s:v", "rotate=90"));
	}

	/**
	 * A 1080P video in MPEG-4 Part 2 (the codec of old cameras) with MP3 sound, in an MP4
	 * container.
	 */
	static Path mpeg4PartTwoWithMp3Sound() {
		Path target = Path.of("target", "test-media", "video-1920x1080-mpeg4-mp3-31s.mp4").toAbsolutePath();
		if (Files.isRegularFile(target)) {
			return target;
		}
		return ffmpeg(target, List.of("-i", TestMedia.mp4(1920, 1080, 31, 1).toString(), "-c:v", "mpeg4", "-c:a",
				"libmp3lame", "-b:a", "128k"));
	}

	/**
	 * The same video with its index moved to the front, as "faststart" exports write it.
	 */
	static Path fastStart(Path source, Path target) {
		return ffmpeg(target, List.of("-i", source.toString(), "-c", "copy", "-movflags", "+faststart"));
	}

	private static Path ffmpeg(Path target, List<String> arguments) {
		try {
			Path partial = target.resolveSibling(target.getFileName() + ".part.mp4");
			List<String> command = new java.util.ArrayList<>(
					List.of("/usr/bin/ffmpeg", "-hide_banner", "-loglevel", "error", "-y"));
			command.addAll(arguments);
			command.add(partial.toString());
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException("ffmpeg failed: " + output);
			}
			return Files.move(partial, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
