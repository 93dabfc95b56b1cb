package cn.zhengji.similarity;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.submission.BlindEntry;
import cn.zhengji.submission.Entries;
import org.springframework.stereotype.Component;

/**
 * Issue 15 items 1 and 2 for songs, stories and texts: what the fingerprint job and the
 * matcher do with an AUDIO source ({@link AudioPrint}) and a TEXT source
 * ({@link TextPrint}).
 * <ul>
 * <li>AUDIO: a file whose type is {@code audio/*} gets its sub-fingerprints, two to a
 * stored 64-bit hash. The lookup sends 128 pairs spread over the work to the multi-index
 * (any 16-bit quarter equal, then at most {@link #AUDIO_LOOKUP_DISTANCE} of 64 bits
 * apart); each candidate's print is read back and aligned in full, which gives the
 * similarity and the time range on both sides.</li>
 * <li>TEXT: each typed text of an entry (an introduction, each section of an evidence
 * text), read through {@link Entries#blindContent}, is one source (text key = the field's
 * label, {@code label#section} for a section). Its 128 MinHash minima are stored at
 * positions 0–127; the lookup asks for exact equals (distance 0), so the hit count of a
 * candidate is about 128 × its resemblance; candidates are compared minimum by minimum.
 * Texts shorter than {@link TextPrint#MIN_CHARACTERS} get no source.</li>
 * </ul>
 */
@Component
class AudioAndTexts {

	static final int AUDIO_LOOKUP_HASHES = 128;

	/** Of 64 bits: a re-encoded copy's pairs differ in about 8, random pairs in 32. */
	static final int AUDIO_LOOKUP_DISTANCE = 16;

	static final int CANDIDATES = 50;

	private static final int TEXT_KEY_LIMIT = 200;

	private final FingerprintRecords records;

	private final Entries entries;

	private final Clock clock;

	AudioAndTexts(FingerprintRecords records, Entries entries, Clock clock) {
		this.records = records;
		this.entries = entries;
		this.clock = clock;
	}

	Fingerprint audio(Path file) throws UnreadableMedia {
		return AudioPrint.ofFile(file).fingerprint();
	}

	/**
	 * The print of a TEXT source's text as it is now; none when it is gone or too short.
	 */
	Fingerprint text(Source source) {
		return textsOf(source.entryId()).entrySet()
			.stream()
			.filter((text) -> text.getKey().equals(source.textKey()))
			.findFirst()
			.flatMap((text) -> TextPrint.of(text.getValue()))
			.map(TextPrint::fingerprint)
			.orElse(Fingerprint.none(SimilarityKind.TEXT));
	}

	/**
	 * QUEUED TEXT sources for the typed texts of the given entries (entry id → campaign
	 * id) long enough to compare, in the caller's transaction.
	 * @return the ids of the sources inserted now (to be scheduled by the caller)
	 */
	List<Long> requestTexts(Map<Long, Long> campaignOfEntry) {
		List<Long> requested = new ArrayList<>();
		campaignOfEntry.forEach((entryId, campaignId) -> textsOf(entryId).forEach((key, text) -> {
			if (TextPrint.of(text).isPresent()) {
				records.requestText(entryId, campaignId, key, clock.instant()).ifPresent(requested::add);
			}
		}));
		return requested;
	}

	List<Match> audioMatches(Source source, Fingerprint fingerprint, Set<Long> exact) {
		List<Match> matches = new ArrayList<>();
		if (fingerprint.hashes().isEmpty()) {
			return matches;
		}
		AudioPrint mine = AudioPrint.ofHashes(fingerprint.hashes());
		Map<Long, Integer> candidates = records.candidates(SimilarityKind.AUDIO, mine.lookupHashes(AUDIO_LOOKUP_HASHES),
				AUDIO_LOOKUP_DISTANCE, source.entryId(), CANDIDATES);
		candidates.keySet().removeAll(exact);
		Map<Long, Source> sources = sources(candidates.keySet());
		records.hashes(candidates.keySet()).forEach((id, hashes) -> {
			Source other = sources.get(id);
			if (other == null) {
				return;
			}
			mine.matchAgainst(AudioPrint.ofHashes(hashes))
				.ifPresent((m) -> matches.add(new Match(source.id(), other.id(), source.entryId(), other.entryId(),
						SimilarityKind.AUDIO, (int) Math.round(100 * m.similarity()),
						Math.round(m.startSecondsA() * 1000), Math.round(m.endSecondsA() * 1000),
						Math.round(m.startSecondsB() * 1000), Math.round(m.endSecondsB() * 1000), null, null)));
		});
		return matches;
	}

	List<Match> textMatches(Source source, Fingerprint fingerprint) {
		List<Match> matches = new ArrayList<>();
		Optional<TextPrint> mine = TextPrint.ofHashes(fingerprint.hashes());
		if (mine.isEmpty()) {
			return matches;
		}
		List<Long> minima = fingerprint.hashes().stream().map(Fingerprint.Hash::value).toList();
		Map<Long, Integer> candidates = records.candidates(SimilarityKind.TEXT, minima, 0, source.entryId(),
				CANDIDATES);
		Map<Long, Source> sources = sources(candidates.keySet());
		records.hashes(candidates.keySet()).forEach((id, hashes) -> {
			Source other = sources.get(id);
			Optional<TextPrint> theirs = TextPrint.ofHashes(hashes);
			if (other == null || theirs.isEmpty() || !mine.get().matches(theirs.get())) {
				return;
			}
			matches.add(new Match(source.id(), other.id(), source.entryId(), other.entryId(), SimilarityKind.TEXT,
					(int) Math.round(100 * mine.get().resemblance(theirs.get())), null, null, null, null, null, null));
		});
		return matches;
	}

	private Map<Long, Source> sources(Set<Long> ids) {
		Map<Long, Source> sources = new HashMap<>();
		records.sources(ids).forEach((s) -> sources.put(s.id(), s));
		return sources;
	}

	/** The entry's typed texts by text key; empty when the entry is gone. */
	private Map<String, String> textsOf(long entryId) {
		BlindEntry entry;
		try {
			entry = entries.blindContent(entryId);
		}
		catch (NotFoundException ex) {
			return Map.of();
		}
		Map<String, String> texts = new HashMap<>();
		for (BlindEntry.Text text : entry.texts()) {
			String key = (text.section() == null) ? text.label() : text.label() + "#" + text.section();
			texts.put(key.length() > TEXT_KEY_LIMIT ? key.substring(0, TEXT_KEY_LIMIT) : key, text.text());
		}
		return texts;
	}

}
