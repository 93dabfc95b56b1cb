package cn.zhengji.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

import cn.zhengji.media.BlindCopyException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static cn.zhengji.media.BlindCopyChecks.COMPANY;
import static cn.zhengji.media.BlindCopyChecks.NAME;
import static cn.zhengji.media.BlindCopyChecks.assertNowhereIn;
import static cn.zhengji.media.BlindCopyChecks.blindCopy;
import static cn.zhengji.media.BlindCopyChecks.concat;
import static cn.zhengji.media.BlindCopyChecks.indexOf;
import static cn.zhengji.media.BlindCopyChecks.read;
import static cn.zhengji.media.BlindCopyChecks.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BlindCopiesImageTest {

	@TempDir
	Path directory;

	@Test
	void removesExifXmpAndCommentsFromAJpegKeepingTheCompressedPictureByteForByte() throws IOException {
		byte[] plain = encode(picture(), "jpg");
		Path original = write(directory.resolve("photo.jpg"), withJpegMetadata(plain, 1));

		Path copy = blindCopy(original, directory);

		assertNowhereIn(copy, NAME, COMPANY, "Exif", "http://ns.adobe.com/xap/1.0/", "Zhang San");
		byte[] copied = read(copy);
		// everything from the first quantisation table to the end of the image is the
		// encoder's own output, untouched
		byte[] tables = { (byte) 0xFF, (byte) 0xDB };
		assertThat(Arrays.copyOfRange(copied, indexOf(copied, tables), copied.length))
			.isEqualTo(Arrays.copyOfRange(plain, indexOf(plain, tables), plain.length));
		assertSamePixels(original, copy);
	}

	@Test
	void keepsOnlyTheOrientationOfARotatedJpeg() {
		Path original = write(directory.resolve("upright.jpg"), withJpegMetadata(encode(picture(), "jpg"), 6));

		Path copy = blindCopy(original, directory);

		assertNowhereIn(copy, NAME, COMPANY, "Zhang San");
		byte[] copied = read(copy);
		byte[] orientationOnly = { (byte) 0xFF, (byte) 0xE1, 0, 34, 'E', 'x', 'i', 'f', 0, 0, 'M', 'M', 0, 42, 0, 0, 0,
				8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0 };
		assertThat(indexOf(copied, orientationOnly)).isPositive();
		assertSamePixels(original, copy);
	}

	@Test
	void removesTextExifAndTimeChunksFromAPng() throws IOException {
		byte[] plain = encode(picture(), "png");
		Path original = write(directory.resolve("poster.png"), withPngMetadata(plain));

		Path copy = blindCopy(original, directory);

		assertNowhereIn(copy, NAME, COMPANY, "Zhang San", "Author", "tEXt", "iTXt", "zTXt", "eXIf", "tIME");
		assertThat(read(copy)).isEqualTo(plain);
		assertSamePixels(original, copy);
	}

	@Test
	void refusesACutJpegAndLeavesNoFileBehind() throws IOException {
		byte[] whole = withJpegMetadata(encode(picture(), "jpg"), 1);
		Path original = write(directory.resolve("cut.jpg"), Arrays.copyOf(whole, whole.length / 2));
		Path target = directory.resolve("blind").resolve("cut.jpg");

		assertThatExceptionOfType(BlindCopyException.class)
			.isThrownBy(() -> new BlindCopies().makeBlindCopy(original, target))
			.extracting(BlindCopyException::reason)
			.isEqualTo(Reason.TRUNCATED);
		try (var left = Files.list(target.getParent())) {
			assertThat(left).isEmpty();
		}
	}

	static BufferedImage picture() {
		BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		graphics.setColor(Color.ORANGE);
		graphics.fillRect(0, 0, 64, 48);
		graphics.setColor(Color.BLUE);
		graphics.fillOval(8, 8, 30, 20);
		graphics.dispose();
		return image;
	}

	static byte[] encode(BufferedImage image, String format) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, format, out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A JPEG as a camera app writes it: after the JFIF segment an EXIF segment with
	 * Artist, Copyright and Orientation, an XMP segment with dc:creator, a Photoshop IPTC
	 * segment and a comment.
	 */
	static byte[] withJpegMetadata(byte[] jpeg, int orientation) {
		int afterJfif = 2 + 2 + ((jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF));
		byte[] artist = (NAME + "\0").getBytes(StandardCharsets.UTF_8);
		byte[] copyright = (COMPANY + " Zhang San\0").getBytes(StandardCharsets.UTF_8);
		ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 3 * 12 + 4 + artist.length + copyright.length);
		int data = 8 + 2 + 3 * 12 + 4;
		tiff.put(new byte[] { 'M', 'M', 0, 42 }).putInt(8).putShort((short) 3);
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		tiff.putShort((short) 0x013B).putShort((short) 2).putInt(artist.length).putInt(data);
		tiff.putShort((short) 0x8298).putShort((short) 2).putInt(copyright.length).putInt(data + artist.length);
		tiff.putInt(0).put(artist).put(copyright);
		byte[] exif = concat("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff.array());
		byte[] xmp = ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
				+ "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description "
				+ "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>" + NAME
				+ "</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>")
			.getBytes(StandardCharsets.UTF_8);
		byte[] iptc = concat("Photoshop 3.0\08BIM".getBytes(StandardCharsets.ISO_8859_1),
				new byte[] { 0x04, 0x04, 0, 0, 0, 0, 0, 12, 0x1C, 0x02, 0x50, 0, 6 },
				NAME.getBytes(StandardCharsets.UTF_8));
		byte[] comment = ("made by " + NAME).getBytes(StandardCharsets.UTF_8);
		return concat(Arrays.copyOfRange(jpeg, 0, afterJfif), segment(0xE1, exif), segment(0xE1, xmp),
				segment(0xED, iptc), segment(0xFE, comment), Arrays.copyOfRange(jpeg, afterJfif, jpeg.length));
	}

	private static byte[] segment(int type, byte[] payload) {
		return concat(new byte[] { (byte) 0xFF, (byte) type, (byte) ((payload.length + 2) >> 8),
				(byte) (payload.length + 2) }, payload);
	}

	/** A PNG with Author in tEXt and iTXt, an eXIf chunk and a tIME chunk after IHDR. */
	static byte[] withPngMetadata(byte[] png) {
		int afterHeader = 8 + 8 + 13 + 4;
		byte[] text = chunk("tEXt", "Author\0Zhang San".getBytes(StandardCharsets.ISO_8859_1));
		byte[] international = chunk("iTXt", concat("Author\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1),
				(NAME + " " + COMPANY).getBytes(StandardCharsets.UTF_8)));
		byte[] exif = chunk("eXIf", concat(new byte[] { 'M', 'M', 0, 42, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0 },
				NAME.getBytes(StandardCharsets.UTF_16BE)));
		byte[] time = chunk("tIME", new byte[] { 0x07, (byte) 0xEA, 12, 5, 18, 0, 0 });
		return concat(Arrays.copyOfRange(png, 0, afterHeader), text, international, exif, time,
				Arrays.copyOfRange(png, afterHeader, png.length));
	}

	private static byte[] chunk(String type, byte[] data) {
		byte[] typeBytes = type.getBytes(StandardCharsets.ISO_8859_1);
		CRC32 crc = new CRC32();
		crc.update(typeBytes);
		crc.update(data);
		return concat(ByteBuffer.allocate(4).putInt(data.length).array(), typeBytes, data,
				ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
	}

	private static void assertSamePixels(Path original, Path copy) {
		try {
			BufferedImage before = ImageIO.read(original.toFile());
			BufferedImage after = ImageIO.read(copy.toFile());
			assertThat(after.getWidth()).isEqualTo(before.getWidth());
			assertThat(after.getHeight()).isEqualTo(before.getHeight());
			assertThat(after.getRGB(0, 0, after.getWidth(), after.getHeight(), null, 0, after.getWidth()))
				.isEqualTo(before.getRGB(0, 0, before.getWidth(), before.getHeight(), null, 0, before.getWidth()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
