package cn.zhengji.similarity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The measurement behind docs/performance.md (run by
 * {@code bench/similarity/audio-text-run}, skipped otherwise): false positives among
 * {@code bench.songs} unrelated generated songs (all pairs), and how many of 20 songs'
 * copies (MP3 64 kbit/s mono; AAC 96 kbit/s with 3 s cut) are found with the right
 * offset.
 */
@EnabledIfSystemProperty(named = "bench.similarity", matches = "true")
class AudioPrintBench {

	private static final Logger log = LoggerFactory.getLogger(AudioPrintBench.class);

	@Test
	void falsePositivesAndMissesOnGeneratedSongs() throws Exception {
		int songs = Integer.getInteger("bench.songs", 100);
		List<AudioPrint> prints = new ArrayList<>();
		long decodeNanos = 0;
		double seconds = 0;
		for (int seed = 1000; seed < 1000 + songs; seed++) {
			Path mp3 = GeneratedSongs.ffmpeg(GeneratedSongs.song(seed, 25), "bench-" + seed + ".mp3", "-c:a",
					"libmp3lame", "-b:a", "128k");
			long start = System.nanoTime();
			AudioPrint print = AudioPrint.ofFile(mp3);
			decodeNanos += System.nanoTime() - start;
			seconds += print.durationMs() / 1000.0;
			prints.add(print);
		}
		int pairs = 0;
		int falsePositives = 0;
		long compareStart = System.nanoTime();
		for (int i = 0; i < prints.size(); i++) {
			for (int j = i + 1; j < prints.size(); j++) {
				pairs++;
				if (prints.get(i).matchAgainst(prints.get(j)).isPresent()) {
					falsePositives++;
				}
			}
		}
		double compareMs = (System.nanoTime() - compareStart) / 1e6 / pairs;
		int copies = 0;
		int found = 0;
		for (int k = 0; k < 20; k++) {
			int seed = 1000 + k;
			Path mp3 = GeneratedSongs.DIRECTORY.resolve("bench-" + seed + ".mp3");
			Path low = GeneratedSongs.ffmpeg(mp3, "bench-" + seed + "-64k.mp3", "-ac", "1", "-c:a", "libmp3lame",
					"-b:a", "64k");
			Path cut = GeneratedSongs.ffmpeg(mp3, "bench-" + seed + "-cut.m4a", "-ss", "3", "-c:a", "aac", "-b:a",
					"96k");
			copies += 2;
			Optional<AudioPrint.Match> a = prints.get(k).matchAgainst(AudioPrint.ofFile(low));
			found += (a.isPresent() && Math.abs(a.get().offsetMillis()) <= 46) ? 1 : 0;
			Optional<AudioPrint.Match> b = prints.get(k).matchAgainst(AudioPrint.ofFile(cut));
			found += (b.isPresent() && Math.abs(b.get().offsetMillis() - 3000) <= 46) ? 1 : 0;
		}
		log.info(
				"BENCH audio: {} songs, {} unrelated pairs, {} false positives; {}/{} copies found at the right offset; "
						+ "fingerprint {} ms per audio minute; compare {} ms per pair",
				songs, pairs, falsePositives, found, copies, Math.round(decodeNanos / 1e6 / (seconds / 60)),
				String.format("%.2f", compareMs));
	}

	@Test
	void falsePositivesOnTexts() {
		List<String> texts = new ArrayList<>(List.of(TextPrintTest.FIRST, TextPrintTest.SAME_THEME,
				TextPrintTest.ANOTHER_SAME_THEME, TextPrintTest.STORY));
		// Same-theme texts made of the same stock phrases in another order, with their
		// own details.
		String[] stock = { "传递网络正能量", "弘扬社会主义核心价值观", "展现新时代劳动者风采", "作品为原创", "全片时长三分钟", "讲述了一名普通职工的故事", "镜头真实记录",
				"体现了工匠精神", "职工群众喜闻乐见", "具有较强的感染力" };
		String[] details = { "码头工人", "护士", "快递员", "教师", "环卫工人", "电力抢修队", "消防员", "乡村医生", "公交司机", "社区网格员" };
		java.util.Random random = new java.util.Random(15);
		for (int n = 0; n < 200; n++) {
			StringBuilder text = new StringBuilder();
			for (int s = 0; s < 12; s++) {
				text.append(stock[random.nextInt(stock.length)]).append('，');
				text.append(details[random.nextInt(details.length)]).append(random.nextInt(1000)).append("号。");
			}
			texts.add(text.toString());
		}
		List<TextPrint> prints = texts.stream().map((t) -> TextPrint.of(t).orElseThrow()).toList();
		int pairs = 0;
		int matches = 0;
		double highest = 0;
		for (int i = 0; i < prints.size(); i++) {
			for (int j = i + 1; j < prints.size(); j++) {
				pairs++;
				double r = prints.get(i).resemblance(prints.get(j));
				highest = Math.max(highest, r);
				matches += prints.get(i).matches(prints.get(j)) ? 1 : 0;
			}
		}
		log.info("BENCH texts: {} texts, {} pairs, {} matches at >= {}; highest estimated resemblance {}", texts.size(),
				pairs, matches, TextPrint.MATCH, highest);
	}

}
