package cn.zhengji.similarity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 15 item 4 (b): one lookup of a fingerprint set (a video's 48 keyframe hashes, as
 * the job sends) against 1 000 000 stored hashes (10 000 sources × 100 keyframes, made in
 * SQL) through the statement the job uses ({@link FingerprintRecords#candidates},
 * multi-index hashing on four 16-bit chunks, verified with {@code bit_count}); p50/p99 of
 * 300 lookups, half of them sets that are noisy copies (up to 6 bits changed per hash) of
 * a stored source, and the plan. Not a CI test (its name does not end in Test): run by
 * {@code bench/similarity/run}, which reads the figures from
 * {@code bench/out/similarity-lookup.txt}.
 */
@ZhengjiTest
@SuppressWarnings("checkstyle:systemOut")
class SimilarityLookupBench {

	static final int SOURCES = 10_000;

	static final int PER_SOURCE = 100;

	static final int LOOKUPS = 300;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	FingerprintRecords records;

	@Test
	void lookupAgainstAMillionStoredHashes() throws Exception {
		jdbc.sql("delete from similarity_source where text_key like 'bench-%'").update();
		long t0 = System.nanoTime();
		// Fake sources (entries -1 … -10 000, kind TEXT so that they need no stored file)
		// and
		// their hashes; hash = a random 64-bit value per (source, keyframe).
		jdbc.sql("""
				insert into similarity_source (entry_id, campaign_id, text_key, kind, state, hash_count, requested_at,
				                               finished_at)
				select -g, -1, 'bench-' || g, 'TEXT', 'DONE', ?, now(), now() from generate_series(1, ?) g
				""").params(PER_SOURCE, SOURCES).update();
		// In slices of 500 sources (50 000 rows): the test profile's statement timeout.
		for (int from = 1; from <= SOURCES; from += 500) {
			jdbc.sql("""
					insert into similarity_hash (source_id, kind, at_ms, hash)
					select s.id, 'VIDEO', k * 2000,
					       (floor(random() * 4294967296)::bigint << 32) # floor(random() * 4294967296)::bigint
					from similarity_source s cross join generate_series(0, ? - 1) k
					where s.text_key like 'bench-%' and -s.entry_id between ? and ?
					on conflict do nothing
					""").params(PER_SOURCE, from, from + 499).update();
		}
		jdbc.sql("analyze similarity_hash").update();
		jdbc.sql("analyze similarity_source").update();
		double loadSeconds = (System.nanoTime() - t0) / 1e9;
		long stored = jdbc.sql("select count(*) from similarity_hash").query(Long.class).single();
		List<Long> sourceIds = jdbc.sql("select id from similarity_source where text_key like 'bench-%' order by id")
			.query(Long.class)
			.list();
		Random random = new Random(15);
		double[] times = new double[LOOKUPS];
		int found = 0;
		int copies = 0;
		for (int i = 0; i < LOOKUPS + 20; i++) {
			List<Long> query = new ArrayList<>();
			boolean copy = i % 2 == 0;
			long target = sourceIds.get(random.nextInt(sourceIds.size()));
			if (copy) {
				for (Fingerprint.Hash hash : records.hashes(target)) {
					long value = hash.value();
					int flips = random.nextInt(7);
					for (int f = 0; f < flips; f++) {
						value ^= 1L << random.nextInt(64);
					}
					query.add(value);
				}
				query = query.subList(0, Math.min(query.size(), Matcher.LOOKUP_HASHES));
			}
			else {
				for (int k = 0; k < Matcher.LOOKUP_HASHES; k++) {
					query.add(random.nextLong());
				}
			}
			long start = System.nanoTime();
			java.util.Map<Long, Integer> candidates = records.candidates(SimilarityKind.VIDEO, query,
					Matcher.VIDEO_LOOKUP_DISTANCE, List.of(), Matcher.CANDIDATES);
			double ms = (System.nanoTime() - start) / 1e6;
			if (i >= 20) {
				times[i - 20] = ms;
				if (copy) {
					copies++;
					if (candidates.containsKey(target)) {
						found++;
					}
				}
			}
		}
		Arrays.sort(times);
		String plan = String.join("\n",
				jdbc.sql("explain (analyze, buffers) " + FingerprintRecords.CANDIDATES.replace(":hashes", "'{1,2,3}'")
					.replace(":kind", "'VIDEO'")
					.replace(":own", "'{}'")
					.replace(":distance", "10")
					.replace(":limit", "50")).query(String.class).list());
		String report = String.format(Locale.ROOT, """
				stored hashes %d (made in %.1f s)
				lookups %d of %d hashes each: p50 %.2f ms, p99 %.2f ms, max %.2f ms
				noisy copies found %d of %d
				MEDIAN_MS %.2f
				P99_MS %.2f
				plan:
				%s
				""", stored, loadSeconds, LOOKUPS, Matcher.LOOKUP_HASHES, times[LOOKUPS / 2],
				times[(int) Math.ceil(LOOKUPS * 0.99) - 1], times[LOOKUPS - 1], found, copies, times[LOOKUPS / 2],
				times[(int) Math.ceil(LOOKUPS * 0.99) - 1], plan);
		Path out = Path.of("bench", "out");
		Files.createDirectories(out);
		Files.writeString(out.resolve("similarity-lookup.txt"), report);
		System.out.print(report);
		jdbc.sql("delete from similarity_source where text_key like 'bench-%'").update();
	}

}
