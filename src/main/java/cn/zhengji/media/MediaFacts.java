package cn.zhengji.media;

/**
 * What was measured in a file; null where it does not apply or could not be read.
 *
 * @param container e.g. {@code mp4}, {@code mp3}, {@code png}, {@code pptx}
 */
public record MediaFacts(String container, Double durationSeconds, Integer width, Integer height, String videoCodec,
		String audioCodec, Integer audioBitRateKbps, Integer audioSampleRateHz) {
}
