package cn.zhengji.similarity;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Issue 15: finds the matches of a fingerprinted source against everything stored (any
 * campaign, any year): exact copies by SHA-256, then per kind the candidates the
 * multi-index lookup returns, verified on all their hashes. Only reads; the caller writes
 * the matches in one short transaction.
 */
@Component
class Matcher {

	/** Video: bits two keyframes of the same shot may differ in. */
	static final int VIDEO_DISTANCE = 12;

	/** Video: what the index lookup accepts as a hit (the alignment then uses all). */
	static final int VIDEO_LOOKUP_DISTANCE = 10;

	static final long VIDEO_BIN_MS = 1000;

	static final long VIDEO_TOLERANCE_MS = 1000;

	static final int VIDEO_MIN_MATCHED = 3;

	/** Video: the share of the shorter work's keyframes that must match. */
	static final int VIDEO_MIN_SIMILARITY = 40;

	/** Image: the largest distance between two crops' hashes of the same picture. */
	static final int IMAGE_DISTANCE = 8;

	/** At most this many query hashes go to the index (evenly spread over the work). */
	static final int LOOKUP_HASHES = 48;

	static final int CANDIDATES = 50;

	private final FingerprintRecords records;

	private final AudioAndTexts audioAndTexts;

	Matcher(FingerprintRecords records, AudioAndTexts audioAndTexts) {
		this.records = records;
		this.audioAndTexts = audioAndTexts;
	}

	List<Match> find(Source source, Fingerprint fingerprint) {
		List<Match> matches = new ArrayList<>();
		Set<Long> exact = new HashSet<>();
		for (Source same : records.sameBytes(source.sha256(), source.entryId())) {
			exact.add(same.id());
			matches.add(new Match(source.id(), same.id(), source.entryId(), same.entryId(), SimilarityKind.EXACT, 100,
					null, null, null, null, null, null));
		}
		switch (fingerprint.kind()) {
			case VIDEO -> matches.addAll(video(source, fingerprint, exact));
			case IMAGE -> matches.addAll(image(source, fingerprint, exact));
			case AUDIO -> matches.addAll(audioAndTexts.audioMatches(source, fingerprint, exact));
			case TEXT -> matches.addAll(audioAndTexts.textMatches(source, fingerprint));
			default -> {
				// EXACT: the SHA-256 only.
			}
		}
		return matches;
	}

	private List<Match> video(Source source, Fingerprint fingerprint, Set<Long> exact) {
		List<Match> matches = new ArrayList<>();
		List<Fingerprint.Hash> mine = fingerprint.hashes();
		if (mine.isEmpty()) {
			return matches;
		}
		Map<Long, Integer> candidates = records.candidates(SimilarityKind.VIDEO, spread(mine), VIDEO_LOOKUP_DISTANCE,
				source.entryId(), CANDIDATES);
		candidates.keySet().removeAll(exact);
		Map<Long, List<Fingerprint.Hash>> hashes = records.hashes(candidates.keySet());
		Map<Long, Source> sources = new java.util.HashMap<>();
		records.sources(candidates.keySet()).forEach((s) -> sources.put(s.id(), s));
		for (Map.Entry<Long, List<Fingerprint.Hash>> candidate : hashes.entrySet()) {
			Source other = sources.get(candidate.getKey());
			if (other == null) {
				continue;
			}
			SequenceMatch.Alignment alignment = SequenceMatch.align(mine, candidate.getValue(), VIDEO_DISTANCE,
					VIDEO_BIN_MS, VIDEO_TOLERANCE_MS, VIDEO_MIN_MATCHED);
			if (alignment != null && alignment.similarity() >= VIDEO_MIN_SIMILARITY) {
				matches.add(new Match(source.id(), other.id(), source.entryId(), other.entryId(), SimilarityKind.VIDEO,
						alignment.similarity(), alignment.start(), alignment.end(), alignment.otherStart(),
						alignment.otherEnd(), alignment.frame(), alignment.otherFrame()));
			}
		}
		return matches;
	}

	private List<Match> image(Source source, Fingerprint fingerprint, Set<Long> exact) {
		List<Match> matches = new ArrayList<>();
		List<Fingerprint.Hash> mine = fingerprint.hashes();
		if (mine.isEmpty()) {
			return matches;
		}
		Map<Long, Integer> candidates = records.candidates(SimilarityKind.IMAGE,
				mine.stream().map(Fingerprint.Hash::value).toList(), IMAGE_DISTANCE, source.entryId(), CANDIDATES);
		candidates.keySet().removeAll(exact);
		Map<Long, List<Fingerprint.Hash>> hashes = records.hashes(candidates.keySet());
		Map<Long, Source> sources = new java.util.HashMap<>();
		records.sources(candidates.keySet()).forEach((s) -> sources.put(s.id(), s));
		for (Map.Entry<Long, List<Fingerprint.Hash>> candidate : hashes.entrySet()) {
			Source other = sources.get(candidate.getKey());
			if (other == null) {
				continue;
			}
			int best = Integer.MAX_VALUE;
			for (Fingerprint.Hash a : mine) {
				for (Fingerprint.Hash b : candidate.getValue()) {
					best = Math.min(best, Long.bitCount(a.value() ^ b.value()));
				}
			}
			if (best <= IMAGE_DISTANCE) {
				matches.add(new Match(source.id(), other.id(), source.entryId(), other.entryId(), SimilarityKind.IMAGE,
						imageSimilarity(best), null, null, null, null, null, null));
			}
		}
		return matches;
	}

	/** 100 % for equal hashes, falling by 4 points a differing bit. */
	static int imageSimilarity(int distance) {
		return Math.max(0, 100 - 4 * distance);
	}

	/** At most {@link #LOOKUP_HASHES} of the hashes, evenly spread. */
	static List<Long> spread(List<Fingerprint.Hash> hashes) {
		if (hashes.size() <= LOOKUP_HASHES) {
			return hashes.stream().map(Fingerprint.Hash::value).toList();
		}
		List<Long> picked = new ArrayList<>();
		for (int i = 0; i < LOOKUP_HASHES; i++) {
			picked.add(hashes.get((int) ((long) i * hashes.size() / LOOKUP_HASHES)).value());
		}
		return picked;
	}

}
