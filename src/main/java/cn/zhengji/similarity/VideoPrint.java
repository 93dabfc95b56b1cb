package cn.zhengji.similarity;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.swscale.SWS_AREA;

/**
 * Issue 15 item 1: the fingerprint of a video — a perceptual hash of each keyframe
 * through the whole work, with its time. Only keyframes are decoded: the decoder is
 * opened with {@code skip_frame=nokey} (AVDISCARD_NONKEY), so it drops every other
 * picture without decoding it, and swscale reduces each keyframe to a 64×64 grey
 * thumbnail (area averages) in the same pass. Keyframes closer than {@link #MIN_GAP_MS}
 * to the last one kept are left out; flat frames (black, a single colour) give no hash.
 */
final class VideoPrint {

	static final int THUMB = 64;

	/** The centre kept of each side of a frame before hashing. */
	static final double KEEP = 0.84;

	static final long MIN_GAP_MS = 400;

	static {
		org.bytedeco.ffmpeg.global.avutil.av_log_set_level(org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
	}

	private VideoPrint() {
	}

	static Fingerprint of(Path file) throws UnreadableMedia {
		List<Fingerprint.Hash> hashes = new ArrayList<>();
		long duration;
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(file.toFile())) {
			grabber.setImageWidth(THUMB);
			grabber.setImageHeight(THUMB);
			grabber.setPixelFormat(AV_PIX_FMT_GRAY8);
			grabber.setImageScalingFlags(SWS_AREA);
			grabber.setVideoOption("skip_frame", "nokey");
			grabber.setVideoOption("threads", String.valueOf(Math.max(1, Runtime.getRuntime().availableProcessors())));
			grabber.start();
			duration = Math.max(0, grabber.getLengthInTime() / 1000);
			long last = Long.MIN_VALUE;
			byte[] grey = new byte[THUMB * THUMB];
			Frame frame;
			while ((frame = grabber.grabImage()) != null) {
				if (frame.image == null || frame.image[0] == null) {
					continue;
				}
				long atMs = Math.max(0, frame.timestamp / 1000);
				if (last != Long.MIN_VALUE && atMs - last < MIN_GAP_MS) {
					continue;
				}
				ByteBuffer pixels = (ByteBuffer) frame.image[0];
				int stride = frame.imageStride;
				byte[] buffer = stride * frame.imageHeight <= grey.length ? grey : new byte[stride * frame.imageHeight];
				pixels.position(0);
				pixels.get(buffer, 0, Math.min(pixels.remaining(), stride * frame.imageHeight));
				Long hash = PerceptualHash.of(buffer, frame.imageWidth, frame.imageHeight, stride, KEEP);
				if (hash != null) {
					hashes.add(new Fingerprint.Hash(atMs, hash));
					last = atMs;
				}
			}
			grabber.stop();
		}
		catch (FrameGrabber.Exception ex) {
			throw new UnreadableMedia("FFmpeg cannot read " + file.getFileName() + ": " + ex.getMessage(), ex);
		}
		return new Fingerprint(SimilarityKind.VIDEO, duration, hashes);
	}

}
