package cn.zhengji.similarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Music-like test audio: a seeded melody (notes of 0.15–0.6 s, 150–1500 Hz, three
 * harmonics, attack and decay), a bass line, a noise "drum" on each beat and a little
 * background noise, written as a 44.1 kHz stereo WAV. Debian's {@code ffmpeg},
 * independent of the code under test, then makes the copies: MP3, AAC, quieter, cut.
 */
final class GeneratedSongs {

	static final Path DIRECTORY = Path.of("target", "test-media", "similarity-audio");

	private static final int RATE = 44_100;

	private GeneratedSongs() {
	}

	/** The song for this seed as WAV, generated once per build. */
	static synchronized Path song(long seed, int seconds) {
		Path wav = DIRECTORY.resolve("song-" + seed + "-" + seconds + ".wav");
		if (Files.exists(wav)) {
			return wav;
		}
		try {
			Files.createDirectories(DIRECTORY);
			Path partial = DIRECTORY.resolve(wav.getFileName() + ".part");
			Files.write(partial, wav(samples(seed, seconds)));
			Files.move(partial, wav);
			return wav;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** {@code ffmpeg -i source <arguments> target}, once per build. */
	static synchronized Path ffmpeg(Path source, String name, String... arguments) {
		Path target = DIRECTORY.resolve(name);
		if (Files.exists(target)) {
			return target;
		}
		List<String> command = new ArrayList<>(
				List.of("/usr/bin/ffmpeg", "-nostdin", "-v", "error", "-y", "-i", source.toString()));
		command.addAll(List.of(arguments));
		Path partial = DIRECTORY.resolve("part-" + name);
		command.add(partial.toString());
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(DIRECTORY.resolve(name + ".log").toFile())
				.start();
			if (process.waitFor() != 0) {
				throw new IllegalStateException("ffmpeg failed for " + name + ": " + command);
			}
			Files.move(partial, target);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static short[] samples(long seed, int seconds) {
		Random random = new Random(seed);
		int n = RATE * seconds;
		double[] mix = new double[n];
		double beat = 0.35 + random.nextDouble() * 0.25;
		int t = 0;
		while (t < n) {
			int length = (int) ((0.15 + random.nextDouble() * 0.45) * RATE);
			double pitch = 150 * Math.pow(10, random.nextDouble());
			double amplitude = 0.15 + random.nextDouble() * 0.2;
			for (int i = 0; i < length && t + i < n; i++) {
				double time = i / (double) RATE;
				double envelope = Math.min(1, time / 0.01) * Math.exp(-time * 3);
				double phase = 2 * Math.PI * pitch * time;
				mix[t + i] += amplitude * envelope
						* (Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase));
			}
			t += length;
		}
		double bass = 55 * Math.pow(2, random.nextInt(12) / 12.0);
		for (int i = 0; i < n; i++) {
			double time = i / (double) RATE;
			int bar = (int) (time / (beat * 4));
			double root = bass * ((bar % 4 == 3) ? 1.5 : (bar % 2 == 1) ? 4 / 3.0 : 1);
			mix[i] += 0.12 * Math.sin(2 * Math.PI * root * time);
			double sinceBeat = time % beat;
			mix[i] += 0.25 * Math.exp(-sinceBeat * 30) * (random.nextDouble() * 2 - 1);
			mix[i] += 0.01 * (random.nextDouble() * 2 - 1);
		}
		short[] samples = new short[n];
		for (int i = 0; i < n; i++) {
			samples[i] = (short) Math.max(-32767, Math.min(32767, Math.round(mix[i] * 0.5 * 32767)));
		}
		return samples;
	}

	private static byte[] wav(short[] mono) {
		int channels = 2;
		int dataBytes = mono.length * 2 * channels;
		ByteBuffer buffer = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
		buffer.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
		buffer.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) channels).putInt(RATE);
		buffer.putInt(RATE * 2 * channels).putShort((short) (2 * channels)).putShort((short) 16);
		buffer.put("data".getBytes()).putInt(dataBytes);
		for (short sample : mono) {
			buffer.putShort(sample).putShort(sample);
		}
		return buffer.array();
	}

}
