package cn.zhengji.similarity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 15: aligns two sequences of timed hashes (video keyframes; audio sub-fingerprints
 * with other parameters): every pair within {@code maxDistance} bits votes for the time
 * offset between them, the offset with most votes (with its neighbouring bins) wins, and
 * the frames that agree with it give the matching segment on both sides and the
 * similarity: the share of the shorter sequence's frames matched there.
 */
final class SequenceMatch {

	/** The outcome: times in ms on both sides, similarity 0–100. */
	record Alignment(int matched, int similarity, long start, long end, long otherStart, long otherEnd, long frame,
			long otherFrame) {
	}

	private SequenceMatch() {
	}

	/**
	 * @param binMs the width of an offset bin
	 * @param toleranceMs how far a frame may be from its aligned partner
	 * @return null when fewer than {@code minMatched} frames agree
	 */
	static Alignment align(List<Fingerprint.Hash> mine, List<Fingerprint.Hash> other, int maxDistance, long binMs,
			long toleranceMs, int minMatched) {
		if (mine.isEmpty() || other.isEmpty()) {
			return null;
		}
		Map<Long, Integer> votes = new HashMap<>();
		for (Fingerprint.Hash a : mine) {
			for (Fingerprint.Hash b : other) {
				if (Long.bitCount(a.value() ^ b.value()) <= maxDistance) {
					votes.merge(Math.floorDiv(b.atMs() - a.atMs(), binMs), 1, Integer::sum);
				}
			}
		}
		if (votes.isEmpty()) {
			return null;
		}
		long bestBin = 0;
		int best = -1;
		for (Map.Entry<Long, Integer> vote : votes.entrySet()) {
			int around = vote.getValue() + votes.getOrDefault(vote.getKey() - 1, 0)
					+ votes.getOrDefault(vote.getKey() + 1, 0);
			if (around > best || (around == best && vote.getKey() < bestBin)) {
				best = around;
				bestBin = vote.getKey();
			}
		}
		long offset = bestBin * binMs + binMs / 2;
		int matched = 0;
		long start = Long.MAX_VALUE;
		long end = Long.MIN_VALUE;
		long otherStart = Long.MAX_VALUE;
		long otherEnd = Long.MIN_VALUE;
		long frame = -1;
		long otherFrame = -1;
		int bestDistance = Integer.MAX_VALUE;
		for (Fingerprint.Hash a : mine) {
			Fingerprint.Hash partner = null;
			int partnerDistance = Integer.MAX_VALUE;
			for (Fingerprint.Hash b : other) {
				if (Math.abs(b.atMs() - a.atMs() - offset) <= toleranceMs + binMs / 2) {
					int d = Long.bitCount(a.value() ^ b.value());
					if (d <= maxDistance && d < partnerDistance) {
						partner = b;
						partnerDistance = d;
					}
				}
			}
			if (partner == null) {
				continue;
			}
			matched++;
			start = Math.min(start, a.atMs());
			end = Math.max(end, a.atMs());
			otherStart = Math.min(otherStart, partner.atMs());
			otherEnd = Math.max(otherEnd, partner.atMs());
			if (partnerDistance < bestDistance) {
				bestDistance = partnerDistance;
				frame = a.atMs();
				otherFrame = partner.atMs();
			}
		}
		if (matched < minMatched) {
			return null;
		}
		long mineDistinct = mine.stream().map(Fingerprint.Hash::atMs).distinct().count();
		long otherDistinct = other.stream().map(Fingerprint.Hash::atMs).distinct().count();
		int similarity = (int) Math.min(100, Math.round(100.0 * matched / Math.min(mineDistinct, otherDistinct)));
		return new Alignment(matched, similarity, start, end, otherStart, otherEnd, frame, otherFrame);
	}

}
