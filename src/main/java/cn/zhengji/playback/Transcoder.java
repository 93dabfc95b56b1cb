package cn.zhengji.playback;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.IntConsumer;

import javax.imageio.ImageIO;

import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FFmpegLogCallback;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_AAC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_MP3;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PROFILE_H264_BASELINE;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PROFILE_H264_CONSTRAINED;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PROFILE_H264_HIGH;
import static org.bytedeco.ffmpeg.global.avcodec.AV_PROFILE_H264_MAIN;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;

/**
 * Issue 13 item 3: makes the web copy of one video or audio file with FFmpeg (JavaCV and
 * bytedeco's natives, no program to install). Stateless; knows nothing of the database.
 *
 * <ul>
 * <li><b>Video</b> → MP4 with H.264 video and AAC sound, the index ({@code moov}) before
 * the media data ({@code movflags +faststart}), at most 1920×1080 (landscape) or
 * 1080×1920 (portrait), scaled down keeping the aspect ratio to even dimensions, the
 * rotation of phone videos kept as the track's display matrix. A file already in that
 * shape (H.264 8-bit 4:2:0 up to High profile, AAC or no sound, within the size) is only
 * re-muxed — no generation loss, seconds instead of minutes. Otherwise it is encoded with
 * OpenH264 ({@code libopenh264}: bytedeco's FFmpeg has no GPL libx264), Constrained
 * Baseline, which every phone decodes, and AAC 128 kbit/s. Plus a poster frame (JPEG, at
 * most 1280 px wide, upright) from one second in.</li>
 * <li><b>MP3</b> stays MP3: every current browser and phone plays it, re-encoding would
 * only lose quality; it is re-muxed so that ID3 tags and cover art (which can hold up the
 * start of playback by megabytes) are left behind.</li>
 * <li><b>Other audio</b> (WAV, M4A/AAC, FLAC, OGG, …) → AAC 128 kbit/s in M4A with
 * {@code faststart}.</li>
 * </ul>
 */
class Transcoder {

	static final int MAX_LONG_SIDE = 1920;

	static final int MAX_SHORT_SIDE = 1080;

	static final String H264_ENCODER = "libopenh264";

	/**
	 * The H.264 profiles every browser decodes (Baseline, Main, High; 8-bit 4:2:0); High
	 * 10, 4:2:2 and 4:4:4 are encoded again.
	 */
	private static final java.util.Set<Integer> BROWSER_PROFILES = java.util.Set.of(AV_PROFILE_H264_BASELINE,
			AV_PROFILE_H264_MAIN, AV_PROFILE_H264_HIGH);

	private static final int POSTER_MAX_WIDTH = 1280;

	private static final int AUDIO_BITRATE = 128_000;

	private static final int THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

	static {
		av_log_set_level(AV_LOG_ERROR);
		FFmpegLogCallback.setLevel(AV_LOG_ERROR);
	}

	/** What was made; {@code poster} is null for audio. */
	record Result(Path copy, String contentType, String extension, Path poster, boolean reencoded, int width,
			int height, long durationMillis) {
	}

	/** What the probe found in the source. */
	record Probe(boolean video, int videoCodec, int profile, int pixelFormat, int width, int height, boolean audio,
			int audioCodec, long durationMillis) {
	}

	/**
	 * Makes the web copy of {@code source} in {@code directory} (which must exist).
	 * @param contentType the type the media checks found ({@code video/…} or
	 * {@code audio/…})
	 * @param progress told the percentage done, now and then
	 * @throws TranscodeException when the file cannot be read or made into a copy
	 */
	Result transcode(Path source, String contentType, Path directory, IntConsumer progress) throws TranscodeException {
		Probe probe = probe(source);
		if (contentType.startsWith("video/")) {
			if (!probe.video()) {
				throw new TranscodeException(TranscodeException.Reason.NO_MEDIA, "no video stream in " + source);
			}
			Path copy = directory.resolve("web.mp4");
			Path poster = directory.resolve("poster.jpg");
			int[] size = fit(probe.width(), probe.height());
			boolean reencode = !webReady(probe);
			if (reencode) {
				encodeVideo(source, probe, size, copy, progress);
			}
			else {
				remux(source, copy, "mp4", true, probe.durationMillis(), progress);
			}
			poster(source, probe, poster);
			return new Result(copy, "video/mp4", "mp4", poster, reencode, size[0], size[1], probe.durationMillis());
		}
		if (!probe.audio()) {
			throw new TranscodeException(TranscodeException.Reason.NO_MEDIA, "no audio stream in " + source);
		}
		if (probe.audioCodec() == AV_CODEC_ID_MP3) {
			Path copy = directory.resolve("web.mp3");
			remux(source, copy, "mp3", false, probe.durationMillis(), progress);
			return new Result(copy, "audio/mpeg", "mp3", null, false, 0, 0, probe.durationMillis());
		}
		Path copy = directory.resolve("web.m4a");
		encodeAudio(source, copy, probe, progress);
		return new Result(copy, "audio/mp4", "m4a", null, true, 0, 0, probe.durationMillis());
	}

	/** Whether the platform's FFmpeg build has the H.264 and AAC encoders it needs. */
	static boolean encodersAvailable() {
		return avcodec_find_encoder_by_name(H264_ENCODER) != null && avcodec_find_encoder_by_name("aac") != null;
	}

	/**
	 * The largest size not above 1920×1080 (or 1080×1920 for a portrait frame) with the
	 * source's aspect ratio and even sides; the source's own size (made even) when it
	 * fits.
	 */
	static int[] fit(int width, int height) {
		double scale = 1.0;
		int longSide = Math.max(width, height);
		int shortSide = Math.min(width, height);
		if (longSide > MAX_LONG_SIDE) {
			scale = Math.min(scale, (double) MAX_LONG_SIDE / longSide);
		}
		if (shortSide > MAX_SHORT_SIDE) {
			scale = Math.min(scale, (double) MAX_SHORT_SIDE / shortSide);
		}
		int w = Math.max(2, (int) Math.floor(width * scale / 2) * 2);
		int h = Math.max(2, (int) Math.floor(height * scale / 2) * 2);
		return new int[] { w, h };
	}

	static boolean webReady(Probe probe) {
		boolean video = probe.videoCodec() == AV_CODEC_ID_H264
				&& (probe.pixelFormat() == AV_PIX_FMT_YUV420P || probe.pixelFormat() == AV_PIX_FMT_YUVJ420P)
				&& BROWSER_PROFILES.contains(probe.profile() & ~AV_PROFILE_H264_CONSTRAINED) && probe.width() % 2 == 0
				&& probe.height() % 2 == 0;
		int[] size = fit(probe.width(), probe.height());
		boolean fits = size[0] == probe.width() && size[1] == probe.height();
		boolean sound = !probe.audio() || probe.audioCodec() == AV_CODEC_ID_AAC;
		return video && fits && sound;
	}

	Probe probe(Path source) throws TranscodeException {
		AVFormatContext context = new AVFormatContext(null);
		int opened = avformat_open_input(context, source.toString(), null, null);
		if (opened < 0) {
			throw new TranscodeException(TranscodeException.Reason.UNREADABLE,
					"FFmpeg cannot open " + source.getFileName() + " (" + opened + ")");
		}
		try {
			int found = avformat_find_stream_info(context, (PointerPointer<?>) null);
			if (found < 0) {
				throw new TranscodeException(TranscodeException.Reason.UNREADABLE,
						"FFmpeg finds no streams in " + source.getFileName() + " (" + found + ")");
			}
			int videoIndex = av_find_best_stream(context, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
			int audioIndex = av_find_best_stream(context, AVMEDIA_TYPE_AUDIO, -1, -1, (PointerPointer<?>) null, 0);
			// A cover picture of an MP3 or M4A is a video stream of one frame: not a
			// video.
			if (videoIndex >= 0 && (context.streams(videoIndex).disposition() & 0x0400) != 0) {
				videoIndex = -1;
			}
			AVCodecParameters video = videoIndex >= 0 ? context.streams(videoIndex).codecpar() : null;
			AVCodecParameters audio = audioIndex >= 0 ? context.streams(audioIndex).codecpar() : null;
			long duration = context.duration() == AV_NOPTS_VALUE ? 0 : context.duration() / 1000;
			if (video != null && (video.width() <= 0 || video.height() <= 0)) {
				throw new TranscodeException(TranscodeException.Reason.UNREADABLE,
						"the video stream of " + source.getFileName() + " has no frame size");
			}
			return new Probe(video != null, video == null ? 0 : video.codec_id(), video == null ? 0 : video.profile(),
					video == null ? -1 : video.format(), video == null ? 0 : video.width(),
					video == null ? 0 : video.height(), audio != null, audio == null ? 0 : audio.codec_id(), duration);
		}
		finally {
			avformat_close_input(context);
		}
	}

	private void encodeVideo(Path source, Probe probe, int[] size, Path target, IntConsumer progress)
			throws TranscodeException {
		requireEncoders();
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile())) {
			// One scaling pass in the grabber: decoded frames come out at the copy's size
			// in the encoder's pixel format.
			grabber.setImageWidth(size[0]);
			grabber.setImageHeight(size[1]);
			grabber.setPixelFormat(AV_PIX_FMT_YUV420P);
			grabber.setVideoOption("threads", String.valueOf(THREADS));
			grabber.start();
			double frameRate = grabber.getFrameRate();
			if (!(frameRate > 0 && frameRate <= 60)) {
				frameRate = 30;
			}
			int channels = grabber.hasAudio() ? Math.min(2, Math.max(1, grabber.getAudioChannels())) : 0;
			try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), size[0], size[1], channels)) {
				recorder.setFormat("mp4");
				recorder.setOption("movflags", "+faststart");
				recorder.setVideoCodecName(H264_ENCODER);
				recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
				recorder.setFrameRate(frameRate);
				recorder.setGopSize((int) Math.round(frameRate * 2));
				recorder.setVideoBitrate(videoBitrate(size[0], size[1], frameRate));
				recorder.setVideoOption("rc_mode", "bitrate");
				// OpenH264 encodes slices in parallel: one per core (up to 4), as many
				// threads; without it a copy uses one core.
				recorder.setVideoOption("threads", String.valueOf(THREADS));
				recorder.setVideoOption("slices", String.valueOf(THREADS));
				recorder.setDisplayRotation(grabber.getDisplayRotation());
				if (channels > 0) {
					recorder.setAudioCodec(AV_CODEC_ID_AAC);
					recorder.setAudioBitrate(AUDIO_BITRATE);
					recorder.setSampleRate(grabber.getSampleRate() > 0 ? grabber.getSampleRate() : 44_100);
					recorder.setAudioChannels(channels);
				}
				recorder.start();
				copyFrames(grabber, recorder, probe.durationMillis(), progress);
				recorder.stop();
			}
			grabber.stop();
		}
		catch (FrameGrabber.Exception ex) {
			throw new TranscodeException(TranscodeException.Reason.UNREADABLE, ex.getMessage(), ex);
		}
		catch (FrameRecorder.Exception ex) {
			throw new TranscodeException(TranscodeException.Reason.INPUT_OUTPUT, ex.getMessage(), ex);
		}
	}

	private void encodeAudio(Path source, Path target, Probe probe, IntConsumer progress) throws TranscodeException {
		if (avcodec_find_encoder_by_name("aac") == null) {
			throw new TranscodeException(TranscodeException.Reason.ENCODER_MISSING, "no AAC encoder");
		}
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile())) {
			grabber.start();
			int channels = Math.min(2, Math.max(1, grabber.getAudioChannels()));
			try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toFile(), channels)) {
				recorder.setFormat("mp4");
				recorder.setOption("movflags", "+faststart");
				recorder.setAudioCodec(AV_CODEC_ID_AAC);
				recorder.setAudioBitrate(AUDIO_BITRATE);
				recorder.setSampleRate(grabber.getSampleRate() > 0 ? grabber.getSampleRate() : 44_100);
				recorder.setAudioChannels(channels);
				recorder.start();
				long duration = probe.durationMillis() * 1000;
				int reported = -1;
				for (Frame frame = grabber.grabSamples(); frame != null; frame = grabber.grabSamples()) {
					recorder.record(frame);
					reported = report(progress, grabber.getTimestamp(), duration, reported);
				}
				recorder.stop();
			}
			grabber.stop();
		}
		catch (FrameGrabber.Exception ex) {
			throw new TranscodeException(TranscodeException.Reason.UNREADABLE, ex.getMessage(), ex);
		}
		catch (FrameRecorder.Exception ex) {
			throw new TranscodeException(TranscodeException.Reason.INPUT_OUTPUT, ex.getMessage(), ex);
		}
	}

	private static void copyFrames(FFmpegFrameGrabber grabber, FFmpegFrameRecorder recorder, long durationMillis,
			IntConsumer progress) throws FrameGrabber.Exception, FrameRecorder.Exception {
		long duration = durationMillis * 1000;
		int reported = -1;
		for (Frame frame = grabber.grab(); frame != null; frame = grabber.grab()) {
			if (frame.image != null) {
				long timestamp = grabber.getTimestamp();
				if (timestamp > recorder.getTimestamp()) {
					recorder.setTimestamp(timestamp);
				}
				recorder.record(frame, AV_PIX_FMT_YUV420P);
				reported = report(progress, timestamp, duration, reported);
			}
			else if (frame.samples != null) {
				recorder.record(frame);
			}
		}
	}

	private static int report(IntConsumer progress, long timestamp, long duration, int reported) {
		if (duration <= 0) {
			return reported;
		}
		int percent = (int) Math.max(0, Math.min(99, timestamp * 100 / duration));
		if (percent != reported) {
			progress.accept(percent);
		}
		return percent;
	}

	/**
	 * About 0.07 bits a pixel a frame: 4.4 Mbit/s for 1080p at 30 frames, within 0.5–6
	 * Mbit/s.
	 */
	static int videoBitrate(int width, int height, double frameRate) {
		double bits = width * (double) height * frameRate * 0.07;
		return (int) Math.max(500_000, Math.min(6_000_000, bits));
	}

	/**
	 * Copies the video and sound streams (not cover pictures, subtitles or data) into a
	 * new container without decoding; {@code faststart} for MP4.
	 */
	void remux(Path source, Path target, String format, boolean fastStart, long durationMillis, IntConsumer progress)
			throws TranscodeException {
		AVFormatContext input = new AVFormatContext(null);
		AVFormatContext output = new AVFormatContext(null);
		AVPacket packet = av_packet_alloc();
		AVDictionary options = new AVDictionary(null);
		boolean outputOpen = false;
		try {
			check(avformat_open_input(input, source.toString(), null, null), TranscodeException.Reason.UNREADABLE,
					"open");
			check(avformat_find_stream_info(input, (PointerPointer<?>) null), TranscodeException.Reason.UNREADABLE,
					"stream info");
			check(avformat_alloc_output_context2(output, null, format, target.toString()),
					TranscodeException.Reason.INPUT_OUTPUT, "output");
			int[] map = new int[input.nb_streams()];
			int next = 0;
			for (int i = 0; i < input.nb_streams(); i++) {
				AVStream stream = input.streams(i);
				int type = stream.codecpar().codec_type();
				boolean cover = (stream.disposition() & 0x0400) != 0;
				boolean keep = type == AVMEDIA_TYPE_AUDIO || (type == AVMEDIA_TYPE_VIDEO && !cover && fastStart);
				if (!keep) {
					map[i] = -1;
					continue;
				}
				AVStream out = avformat_new_stream(output, null);
				check(avcodec_parameters_copy(out.codecpar(), stream.codecpar()),
						TranscodeException.Reason.INPUT_OUTPUT, "parameters");
				out.codecpar().codec_tag(0);
				out.time_base(stream.time_base());
				map[i] = next++;
			}
			AVIOContext io = new AVIOContext(null);
			check(avio_open(io, target.toString(), AVIO_FLAG_WRITE), TranscodeException.Reason.INPUT_OUTPUT,
					"open output");
			output.pb(io);
			outputOpen = true;
			if (fastStart) {
				av_dict_set(options, "movflags", "+faststart", 0);
			}
			else {
				av_dict_set(options, "write_id3v1", "0", 0);
				av_dict_set(options, "id3v2_version", "0", 0);
			}
			check(avformat_write_header(output, options), TranscodeException.Reason.INPUT_OUTPUT, "header");
			long duration = durationMillis * 1000;
			int reported = -1;
			while (av_read_frame(input, packet) >= 0) {
				int index = packet.stream_index();
				if (index >= map.length || map[index] < 0) {
					av_packet_unref(packet);
					continue;
				}
				AVStream in = input.streams(index);
				AVStream out = output.streams(map[index]);
				if (packet.pts() != AV_NOPTS_VALUE && duration > 0) {
					long micros = packet.pts() * 1_000_000L * in.time_base().num() / in.time_base().den();
					reported = report(progress, micros, duration, reported);
				}
				av_packet_rescale_ts(packet, in.time_base(), out.time_base());
				packet.stream_index(map[index]);
				packet.pos(-1);
				check(av_interleaved_write_frame(output, packet), TranscodeException.Reason.UNREADABLE, "packet");
			}
			check(av_write_trailer(output), TranscodeException.Reason.INPUT_OUTPUT, "trailer");
		}
		finally {
			av_dict_free(options);
			av_packet_free(packet);
			avformat_close_input(input);
			if (outputOpen) {
				avio_closep(output.pb());
			}
			avformat_free_context(output);
		}
	}

	private static void check(int result, TranscodeException.Reason reason, String step) throws TranscodeException {
		if (result < 0) {
			throw new TranscodeException(reason, "FFmpeg failed at " + step + " (" + result + ")");
		}
	}

	/**
	 * The poster: the frame at one second (or the middle of a shorter video), upright, at
	 * most 1280 px wide, as JPEG.
	 */
	void poster(Path source, Probe probe, Path target) throws TranscodeException {
		try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(source.toFile());
				Java2DFrameConverter converter = new Java2DFrameConverter()) {
			grabber.setPixelFormat(AV_PIX_FMT_BGR24);
			grabber.start();
			long at = Math.min(1_000_000L, probe.durationMillis() * 500L);
			if (at > 0) {
				grabber.setVideoTimestamp(at);
			}
			Frame frame = grabber.grabImage();
			if (frame == null) {
				grabber.setTimestamp(0);
				frame = grabber.grabImage();
			}
			if (frame == null) {
				throw new TranscodeException(TranscodeException.Reason.UNREADABLE, "no picture in the video");
			}
			BufferedImage image = upright(converter.convert(frame), grabber.getDisplayRotation());
			grabber.stop();
			ImageIO.write(shrink(image), "jpg", target.toFile());
		}
		catch (FrameGrabber.Exception ex) {
			throw new TranscodeException(TranscodeException.Reason.UNREADABLE, ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new TranscodeException(TranscodeException.Reason.INPUT_OUTPUT, ex.getMessage(), ex);
		}
	}

	/**
	 * Turns the picture as the display matrix says (FFmpeg's rotation is
	 * counter-clockwise in degrees).
	 */
	static BufferedImage upright(BufferedImage image, double rotation) {
		int quarter = Math.floorMod((int) Math.round(-rotation / 90), 4);
		if (quarter == 0) {
			return copy(image, image.getWidth(), image.getHeight(), new AffineTransform());
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
		return quarter % 2 == 1 ? copy(image, h, w, turn) : copy(image, w, h, turn);
	}

	private static BufferedImage copy(BufferedImage image, int width, int height, AffineTransform transform) {
		BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = result.createGraphics();
		graphics.drawImage(image, transform, null);
		graphics.dispose();
		return result;
	}

	private static BufferedImage shrink(BufferedImage image) {
		if (image.getWidth() <= POSTER_MAX_WIDTH) {
			return image;
		}
		int width = POSTER_MAX_WIDTH;
		int height = Math.max(1, (int) Math.round(image.getHeight() * (double) width / image.getWidth()));
		BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = result.createGraphics();
		graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		graphics.drawImage(image, 0, 0, width, height, null);
		graphics.dispose();
		return result;
	}

	private static void requireEncoders() throws TranscodeException {
		if (!encodersAvailable()) {
			throw new TranscodeException(TranscodeException.Reason.ENCODER_MISSING,
					"FFmpeg lacks " + H264_ENCODER + " or aac");
		}
	}

	/** For log lines: the probe in words. */
	static String describe(Probe probe) {
		return String.format(Locale.ROOT, "video=%s %dx%d codec=%d profile=%d audio=%s codec=%d %d ms", probe.video(),
				probe.width(), probe.height(), probe.videoCodec(), probe.profile(), probe.audio(), probe.audioCodec(),
				probe.durationMillis());
	}

	static void deleteIfExists(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ignored) {
			// a working file; the folder goes anyway
		}
	}

}
