package cn.zhengji.media;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import cn.zhengji.campaign.CategoryRules.AspectRatio;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.CategoryRules.FileKind;
import cn.zhengji.campaign.CategoryRules.MediaRules;
import cn.zhengji.campaign.CategoryRules.Resolution;
import cn.zhengji.campaign.CategoryRules.TextField;
import cn.zhengji.infrastructure.text.CharacterCount;
import cn.zhengji.infrastructure.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * R-SUB-3 Checks by content, never by file name. Every rule that applies yields a
 * finding, passed ones too, each naming the measured value; hard rules fail, advisory
 * limits ("一般不超过") ask for review. Judgement calls listed in the category rules are not
 * made here.
 */
@Service
public class MediaInspector {

	/**
	 * Largest picture accepted: 64 megapixels covers the 50 MP mode of current phones and
	 * 61 MP cameras, while a page that shows the picture (or a thumbnailer) still fits it
	 * in memory (256 MB at 4 bytes a pixel). A header claiming more is a decompression
	 * bomb or a mistake.
	 */
	public static final long MAX_IMAGE_PIXELS = 64_000_000L;

	/** Video codecs players on every phone and PC decode. */
	private static final List<String> VIDEO_CODECS = List.of("H.264", "H.265");

	private static final List<String> AUDIO_CODECS = List.of("AAC", "MP3");

	/**
	 * Two frame shapes count as the same ratio within this relative difference (encoders
	 * pad by a few pixels).
	 */
	private static final double ASPECT_TOLERANCE = 0.005;

	private static final Logger LOG = LoggerFactory.getLogger(MediaInspector.class);

	private final Texts texts;

	MediaInspector(Texts texts) {
		this.texts = texts;
	}

	/**
	 * Checks one stored file against the slot it is attached to. Never throws for bad
	 * content.
	 */
	public Inspection inspect(Path content, AttachmentSlot slot) {
		List<Finding> findings = new ArrayList<>();
		try (FileChannel channel = FileChannel.open(content, StandardOpenOption.READ)) {
			long size = channel.size();
			Format format = ContentSniffer.sniff(channel);
			ZipProbe.ZipFacts zip = null;
			try {
				if (format == Format.OLE2_OTHER) {
					format = Ole2Probe.read(content);
				}
				else if (format == Format.ZIP) {
					zip = ZipProbe.read(content);
					format = zip.format();
				}
			}
			catch (MediaProblem problem) {
				findings.add(fileSize(size, slot));
				findings.add(failed(problem));
				return new Inspection(null, format.contentType(), facts(format), withoutNulls(findings));
			}
			findings.add(format(format, slot));
			findings.add(fileSize(size, slot));
			if (format.kind() == null || !slot.accepts(format.kind())) {
				return new Inspection(format.kind(), format.contentType(), facts(format), withoutNulls(findings));
			}
			MediaFacts facts = facts(format);
			try {
				facts = switch (format) {
					case MP4 -> mp4(content, slot.media(), findings);
					case MP3 -> mp3(content, slot.media(), findings);
					case PNG -> image(format, ImageProbe.png(channel), findings);
					case JPG -> image(format, ImageProbe.jpeg(content), findings);
					default -> {
						if (zip != null) {
							findings.add(passed("archive", "media.archive.passed", zip.entries(),
									megabytes(zip.uncompressedBytes())));
						}
						yield facts;
					}
				};
			}
			catch (MediaProblem problem) {
				findings.add(failed(problem));
			}
			return new Inspection(format.kind(), format.contentType(), facts, withoutNulls(findings));
		}
		catch (IOException | RuntimeException ex) {
			// The contract is a finding for any content; an exception here is a gap in a
			// probe, worth a log line.
			LOG.warn("Could not inspect {}", content, ex);
			return new Inspection(null, Format.UNKNOWN.contentType(), null,
					List.of(new Finding("integrity", Verdict.FAILED, texts.plain("media.integrity.unreadable"))));
		}
	}

	/** Checks a text against its field's limit (a Chinese character counts as one). */
	public List<Finding> checkText(String text, TextField field) {
		if (field.maxCharacters() == null) {
			return List.of();
		}
		int count = CharacterCount.of(text);
		int max = field.maxCharacters();
		if (count > max) {
			return List.of(new Finding("text.length", Verdict.FAILED, texts.plain("media.text.tooLong", count, max)));
		}
		return List.of(new Finding("text.length", Verdict.PASSED, texts.plain("media.text.passed", count, max)));
	}

	/**
	 * Checks how many files a slot holds against its minimum and maximum. An optional
	 * slot left empty is not held to its minimum: whether it had to be filled (one of
	 * several alternatives) is the submission's concern.
	 */
	public List<Finding> checkCount(int count, AttachmentSlot slot) {
		List<Finding> findings = new ArrayList<>();
		String unit = texts.plain(!slot.accepted().isEmpty() && slot.accepted().stream().allMatch(FileKind::isImage)
				? "media.count.unit.image" : "media.count.unit.file");
		if (slot.minCount() > 0 && (count > 0 || slot.required())) {
			boolean ok = count >= slot.minCount();
			findings.add(new Finding("count.min", ok ? Verdict.PASSED : Verdict.FAILED,
					texts.plain(ok ? "media.count.min.passed" : "media.count.min.failed", slot.label(), count,
							slot.minCount(), unit)));
		}
		if (slot.maxCount() != null) {
			boolean ok = count <= slot.maxCount();
			findings.add(new Finding("count.max", ok ? Verdict.PASSED : Verdict.FAILED,
					texts.plain(ok ? "media.count.max.passed" : "media.count.max.failed", slot.label(), count,
							slot.maxCount(), unit)));
		}
		return findings;
	}

	private MediaFacts mp4(Path content, MediaRules rules, List<Finding> findings) throws IOException, MediaProblem {
		Mp4Probe.Mp4Facts mp4 = Mp4Probe.read(content);
		Mp4Probe.Track video = mp4.video();
		Mp4Probe.Track audio = mp4.audio();
		MediaFacts facts = new MediaFacts("mp4", mp4.durationSeconds(), video == null ? null : video.width(),
				video == null ? null : video.height(), video == null ? null : video.codec(),
				audio == null ? null : audio.codec(), audio == null ? null : kbps(audio.bitRate()),
				audio == null ? null : (int) audio.sampleRateHz());
		if (rules == null) {
			return facts;
		}
		duration(mp4.durationSeconds(), rules, findings);
		boolean needsPicture = !rules.resolutions().isEmpty() || !rules.aspectRatios().isEmpty();
		if (video == null) {
			if (needsPicture) {
				findings.add(new Finding("video.track", Verdict.FAILED, texts.plain("media.video.missing")));
			}
		}
		else {
			findings.add(codec("video.codec", video.codec(), VIDEO_CODECS, "media.video.codec"));
			resolution(video.width(), video.height(), rules.resolutions(), findings);
			aspectRatio(video.width(), video.height(), rules.aspectRatios(), findings);
		}
		boolean needsSound = rules.minAudioBitRateKbps() != null || rules.minAudioSampleRateHz() != null;
		if (audio == null) {
			if (needsSound) {
				findings.add(new Finding("audio.track", Verdict.FAILED, texts.plain("media.audio.missing")));
			}
		}
		else {
			findings.add(codec("audio.codec", audio.codec(), AUDIO_CODECS, "media.audio.codec"));
			sound(facts.audioBitRateKbps(), facts.audioSampleRateHz(), rules, findings);
		}
		return facts;
	}

	private MediaFacts mp3(Path content, MediaRules rules, List<Finding> findings) throws MediaProblem {
		Mp3Probe.Mp3Facts mp3 = Mp3Probe.read(content);
		MediaFacts facts = new MediaFacts("mp3", mp3.durationSeconds(), null, null, null, "MP3", mp3.bitRateKbps(),
				mp3.sampleRateHz());
		if (rules != null) {
			duration(mp3.durationSeconds(), rules, findings);
			findings.add(codec("audio.codec", "MP3", AUDIO_CODECS, "media.audio.codec"));
			sound(mp3.bitRateKbps(), mp3.sampleRateHz(), rules, findings);
		}
		return facts;
	}

	private MediaFacts image(Format format, ImageProbe.Size size, List<Finding> findings) {
		String measured = size.width() + "×" + size.height();
		boolean ok = size.pixels() <= MAX_IMAGE_PIXELS;
		findings.add(new Finding("image.pixels", ok ? Verdict.PASSED : Verdict.FAILED, texts
			.plain(ok ? "media.image.passed" : "media.image.tooLarge", measured, tenThousands(MAX_IMAGE_PIXELS))));
		return new MediaFacts(format.name().toLowerCase(Locale.ROOT), null, size.width(), size.height(), null, null,
				null, null);
	}

	/**
	 * Durations are compared in whole seconds, as they are shown, so a message never
	 * contradicts itself.
	 */
	private void duration(double seconds, MediaRules rules, List<Finding> findings) {
		long measured = Math.round(seconds);
		String shown = DurationText.of(texts, measured);
		if (rules.minDurationSeconds() != null) {
			String limit = DurationText.of(texts, rules.minDurationSeconds());
			if (measured >= rules.minDurationSeconds()) {
				findings.add(passed("duration.min", "media.duration.min.passed", shown, limit));
			}
			else {
				findings.add(new Finding("duration.min",
						rules.durationAdvisory() ? Verdict.NEEDS_REVIEW : Verdict.FAILED,
						texts.plain(
								rules.durationAdvisory() ? "media.duration.min.advisory" : "media.duration.min.failed",
								shown, limit)));
			}
		}
		if (rules.maxDurationSeconds() != null) {
			String limit = DurationText.of(texts, rules.maxDurationSeconds());
			if (measured <= rules.maxDurationSeconds()) {
				findings.add(passed("duration.max", "media.duration.max.passed", shown, limit));
			}
			else {
				findings.add(new Finding("duration.max",
						rules.durationAdvisory() ? Verdict.NEEDS_REVIEW : Verdict.FAILED,
						texts.plain(
								rules.durationAdvisory() ? "media.duration.max.advisory" : "media.duration.max.failed",
								shown, limit)));
			}
		}
	}

	private void resolution(int width, int height, List<Resolution> accepted, List<Finding> findings) {
		if (accepted.isEmpty()) {
			return;
		}
		String measured = width + "×" + height;
		String required = String.join(texts.text("media.join.or.spaced"),
				accepted.stream().map(resolution -> resolution.width() + "×" + resolution.height()).toList());
		boolean ok = accepted.stream().anyMatch(r -> r.width() == width && r.height() == height);
		findings.add(new Finding("resolution", ok ? Verdict.PASSED : Verdict.FAILED,
				texts.plain(ok ? "media.resolution.passed" : "media.resolution.failed", measured, required)));
	}

	private void aspectRatio(int width, int height, List<AspectRatio> accepted, List<Finding> findings) {
		if (accepted.isEmpty() || width <= 0 || height <= 0) {
			return;
		}
		AspectRatio match = accepted.stream()
			.filter(ratio -> Math
				.abs((double) width * ratio.height() / ((double) height * ratio.width()) - 1) <= ASPECT_TOLERANCE)
			.findFirst()
			.orElse(null);
		String required = String.join(texts.text("media.join.or.spaced"),
				accepted.stream().map(AspectRatio::label).toList());
		if (match != null) {
			findings.add(passed("aspect-ratio", "media.aspect.passed", match.label(), required));
			return;
		}
		findings.add(new Finding("aspect-ratio", Verdict.FAILED,
				texts.plain("media.aspect.failed", ratioLabel(width, height), required)));
	}

	/** "1:1", "4:3"; a ratio without small whole numbers as a decimal ("2.35:1"). */
	static String ratioLabel(int width, int height) {
		int gcd = BigInteger.valueOf(width).gcd(BigInteger.valueOf(height)).intValue();
		int w = width / gcd;
		int h = height / gcd;
		if (w <= 32 && h <= 32) {
			return w + ":" + h;
		}
		return width >= height ? "%.2f:1".formatted((double) width / height)
				: "1:%.2f".formatted((double) height / width);
	}

	private Finding codec(String rule, String codec, List<String> accepted, String code) {
		String shown = codec == null ? texts.plain("media.codec.unknown") : codec;
		boolean ok = codec != null && accepted.contains(codec);
		return new Finding(rule, ok ? Verdict.PASSED : Verdict.FAILED, texts.plain(code + (ok ? ".passed" : ".failed"),
				shown, String.join(texts.text("common.listSeparator"), accepted)));
	}

	/**
	 * "音质清晰" is a judgement the notice leaves to people: sound below the configured floor
	 * (bit rate, sample rate; for MP3 and for the sound track of an MP4 alike) is flagged
	 * for the approver (NEEDS_REVIEW), never refused. Ordinary phone videos carry 64–96
	 * kbps AAC.
	 */
	private void sound(Integer bitRateKbps, Integer sampleRateHz, MediaRules rules, List<Finding> findings) {
		if (rules.minAudioBitRateKbps() != null) {
			int min = rules.minAudioBitRateKbps();
			boolean ok = bitRateKbps != null && bitRateKbps >= min;
			findings.add(new Finding("audio.bitrate", ok ? Verdict.PASSED : Verdict.NEEDS_REVIEW, texts
				.plain(ok ? "media.audio.bitrate.passed" : "media.audio.bitrate.low", shown(bitRateKbps), min)));
		}
		if (rules.minAudioSampleRateHz() != null) {
			int min = rules.minAudioSampleRateHz();
			boolean ok = sampleRateHz != null && sampleRateHz >= min;
			findings.add(new Finding("audio.samplerate", ok ? Verdict.PASSED : Verdict.NEEDS_REVIEW, texts
				.plain(ok ? "media.audio.samplerate.passed" : "media.audio.samplerate.low", shown(sampleRateHz), min)));
		}
	}

	private String shown(Integer value) {
		return value == null || value <= 0 ? texts.plain("media.codec.unknown") : String.valueOf(value);
	}

	private Finding format(Format format, AttachmentSlot slot) {
		String accepted = acceptedList(slot);
		if (format.kind() != null && slot.accepts(format.kind())) {
			return passed("format", "media.format.passed", texts.plain(format.labelCode()));
		}
		if (format == Format.UNKNOWN) {
			return new Finding("format", Verdict.FAILED, texts.plain("media.format.unknown", accepted));
		}
		if (format == Format.EMPTY) {
			return new Finding("format", Verdict.FAILED, texts.plain("media.format.empty", accepted));
		}
		return new Finding("format", Verdict.FAILED,
				texts.plain("media.format.failed", texts.plain(format.labelCode()), accepted));
	}

	/** "MP3音频或MP4视频", "PDF文档、DOC文档或ZIP压缩包". */
	private String acceptedList(AttachmentSlot slot) {
		List<String> names = slot.accepted().stream().map(kind -> texts.plain("media.format." + kind.name())).toList();
		if (names.isEmpty()) {
			return "";
		}
		if (names.size() == 1) {
			return names.getFirst();
		}
		return texts.text("media.join.lastOr",
				String.join(texts.text("common.listSeparator"), names.subList(0, names.size() - 1)), names.getLast());
	}

	private Finding fileSize(long bytes, AttachmentSlot slot) {
		if (slot.maxFileSizeMb() == null) {
			return null;
		}
		long limit = slot.maxFileSizeMb() * 1024L * 1024L;
		boolean ok = bytes <= limit;
		return new Finding("file.size", ok ? Verdict.PASSED : Verdict.FAILED,
				texts.plain(ok ? "media.size.passed" : "media.size.failed", megabytes(bytes), slot.maxFileSizeMb()));
	}

	private static MediaFacts facts(Format format) {
		return new MediaFacts(format.name().toLowerCase(Locale.ROOT), null, null, null, null, null, null, null);
	}

	private static Integer kbps(long bitsPerSecond) {
		return bitsPerSecond <= 0 ? null : (int) Math.round(bitsPerSecond / 1000.0);
	}

	/** "1.5MB", "812MB": one decimal below 10 MB. */
	private static String megabytes(long bytes) {
		double mb = bytes / (1024.0 * 1024.0);
		return mb < 10 ? "%.1fMB".formatted(mb) : "%dMB".formatted(Math.round(mb));
	}

	/** 64000000 → "6400万". */
	private String tenThousands(long value) {
		return value % 10_000 == 0 ? texts.plain("media.tenThousands", value / 10_000) : String.valueOf(value);
	}

	private Finding passed(String rule, String code, Object... arguments) {
		return new Finding(rule, Verdict.PASSED, texts.plain(code, arguments));
	}

	private Finding failed(MediaProblem problem) {
		return new Finding(problem.rule(), Verdict.FAILED, texts.plain(problem.code(), problem.arguments()));
	}

	private static List<Finding> withoutNulls(List<Finding> findings) {
		return findings.stream().filter(java.util.Objects::nonNull).toList();
	}

}
