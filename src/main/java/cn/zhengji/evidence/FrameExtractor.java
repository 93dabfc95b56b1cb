package cn.zhengji.evidence;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/**
 * Issue 15 item 3: the frames of a video the evidence is made of, through FFmpeg
 * (JavaCV/bytedeco), in two passes over the file, both scaled by FFmpeg as they are
 * decoded:
 * <ul>
 * <li>the opening: the first {@link #OPENING_MILLIS} decoded in full, a frame kept every
 * {@link #OPENING_STEP_MILLIS} (0, 2, … 14 s: 8 frames), {@link #OPENING_WIDTH}
 * wide;</li>
 * <li>the samples: keyframes only ({@code skip_frame=nokey}: the decoder skips every
 * other frame, so a long work costs little more than its keyframes), at most
 * {@link #SAMPLES} spread evenly over the duration (the keyframe nearest the middle of
 * each of {@link #SAMPLES} equal spans), {@link #SAMPLE_WIDTH} wide.</li>
 * </ul>
 */
final class FrameExtractor {

	static final long OPENING_MILLIS = 15_000;

	static final long OPENING_STEP_MILLIS = 2_000;

	static final int OPENING_WIDTH = 320;

	static final int SAMPLES = 16;

	static final int SAMPLE_WIDTH = 640;

	static {
		av_log_set_level(AV_LOG_ERROR);
		FFmpegLogCallback.setLevel(AV_LOG_ERROR);
	}

	record Timed(long atMillis, BufferedImage image) {
	}

	record Frames(long durationMillis, List<Timed> opening, List<Timed> samples) {
	}

	/** Thrown when the file holds no readable picture. */
	static final class UnreadableVideo extends Exception {

		UnreadableVideo(String message, Throwable cause) {
			super(message, cause);
		}

	}

	Frames extract(Path video) throws UnreadableVideo {
		try {
			List<Timed> opening = opening(video);
			if (opening.isEmpty()) {
				throw new UnreadableVideo("no picture in the video", null);
			}
			long[] duration = new long[1];
			List<Timed> samples = samples(video, duration);
			return new Frames(duration[0], opening, samples);
		}
		catch (FrameGrabber.Exception ex) {
			throw new UnreadableVideo(String.valueOf(ex.getMessage()), ex);
		}
	}

	private List<Timed> opening(Path video) throws FrameGrabber.Exception {
		List<Timed> frames = new ArrayList<>();
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
				Java2DFrameConverter converter = new Java2DFrameConverter()) {
			grabber.setPixelFormat(AV_PIX_FMT_BGR24);
			grabber.start();
			scale(grabber, OPENING_WIDTH);
			// A seek per frame: JavaCV decodes up to the time without converting the
			// pictures
			// it passes, so only the 8 kept are turned into images.
			long length = grabber.getLengthInTime() / 1000;
			for (long at = 0; at < OPENING_MILLIS
					&& (at == 0 || length <= 0 || at < length); at += OPENING_STEP_MILLIS) {
				if (at > 0) {
					grabber.setVideoTimestamp(at * 1000);
				}
				Frame frame = grabber.grabImage();
				if (frame == null) {
					break;
				}
				frames.add(new Timed(at, upright(converter.convert(frame), grabber.getDisplayRotation())));
			}
			grabber.stop();
		}
		return frames;
	}

	private List<Timed> samples(Path video, long[] duration) throws FrameGrabber.Exception {
		Timed[] slots = new Timed[SAMPLES];
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(video.toFile());
				Java2DFrameConverter converter = new Java2DFrameConverter()) {
			grabber.setPixelFormat(AV_PIX_FMT_BGR24);
			grabber.setVideoOption("skip_frame", "nokey");
			grabber.start();
			scale(grabber, SAMPLE_WIDTH);
			long length = Math.max(1, grabber.getLengthInTime() / 1000);
			duration[0] = length;
			Frame frame;
			while ((frame = grabber.grabImage()) != null) {
				long at = Math.max(0, frame.timestamp / 1000);
				int slot = (int) Math.min(SAMPLES - 1, at * SAMPLES / length);
				long target = (2L * slot + 1) * length / (2L * SAMPLES);
				if (slots[slot] == null || Math.abs(at - target) < Math.abs(slots[slot].atMillis() - target)) {
					slots[slot] = new Timed(at, upright(converter.convert(frame), grabber.getDisplayRotation()));
				}
			}
			grabber.stop();
		}
		List<Timed> samples = new ArrayList<>();
		for (Timed slot : slots) {
			if (slot != null) {
				samples.add(slot);
			}
		}
		return samples;
	}

	/**
	 * FFmpeg scales the decoded pictures to this width (never up), keeping the aspect.
	 */
	private static void scale(FFmpegFrameGrabber grabber, int width) throws FrameGrabber.Exception {
		int w = grabber.getImageWidth();
		int h = grabber.getImageHeight();
		if (w > width && h > 0) {
			// restart with the scaled size: the grabber sets up its scaler at start
			grabber.stop();
			grabber.setImageWidth(width);
			grabber.setImageHeight(Math.max(2, (int) Math.round((double) h * width / w / 2) * 2));
			grabber.start();
		}
	}

	/**
	 * A copy of the picture turned as the display matrix says (FFmpeg's rotation is
	 * counter-clockwise in degrees), so that "top right" is where a viewer sees it on a
	 * phone video filmed upright.
	 */
	static BufferedImage upright(BufferedImage image, double rotation) {
		int quarter = Math.floorMod((int) Math.round(-rotation / 90), 4);
		if (quarter == 0) {
			return copy(image);
		}
		int w = image.getWidth();
		int h = image.getHeight();
		AffineTransform turn = new AffineTransform();
		switch (quarter) {
			case 1 -> {
				turn.translate(h, 0);
				turn.quadrantRotate(1);
			}
			case 2 -> {
				turn.translate(w, h);
				turn.quadrantRotate(2);
			}
			default -> {
				turn.translate(0, w);
				turn.quadrantRotate(3);
			}
		}
		BufferedImage result = quarter % 2 == 1 ? new BufferedImage(h, w, BufferedImage.TYPE_INT_RGB)
				: new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = result.createGraphics();
		graphics.drawImage(image, turn, null);
		graphics.dispose();
		return result;
	}

	static BufferedImage copy(BufferedImage image) {
		BufferedImage result = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = result.createGraphics();
		graphics.drawImage(image, 0, 0, null);
		graphics.dispose();
		return result;
	}

	static BufferedImage resize(BufferedImage image, int width, int height) {
		BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = result.createGraphics();
		graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		graphics.drawImage(image, 0, 0, width, height, null);
		graphics.dispose();
		return result;
	}

	/** The luma (BT.601) of the picture, row by row. */
	static int[] grey(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
		int[] grey = new int[rgb.length];
		for (int i = 0; i < rgb.length; i++) {
			int r = (rgb[i] >> 16) & 0xff;
			int g = (rgb[i] >> 8) & 0xff;
			int b = rgb[i] & 0xff;
			grey[i] = (299 * r + 587 * g + 114 * b) / 1000;
		}
		return grey;
	}

}
