package cn.zhengji.similarity;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.CategoryRules;
import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import cn.zhengji.support.ZhengjiTest;
import com.github.kagkarlsson.scheduler.Scheduler;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 15 items 1, 2 and 5 for songs and texts, on the real database and storage,
 * through the fingerprint task: last year's song and this year's copy of it with 3 s cut
 * from the start match as AUDIO with the time range on both sides; their introductions,
 * one paragraph rewritten, match as TEXT; an unrelated song with an introduction on the
 * same theme matches nothing.
 */
@ZhengjiTest
class AudioAndTextSimilarityIntegrationTest {

	@Autowired
	CampaignAdministration administration;

	@Autowired
	Campaigns campaigns;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestEntries entries;

	@Autowired
	StoredFiles storedFiles;

	@Autowired
	FingerprintRequests requests;

	@Autowired
	SimilarWorks similarWorks;

	@Autowired
	Scheduler scheduler;

	@Autowired
	FingerprintJob job;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	Organisation county;

	@BeforeEach
	void county() {
		county = organisations.create(organisations.byCode("fj-fuzhou"), "歌曲比对测试区总工会", OrganisationKind.COUNTY);
	}

	@Test
	void aCutCopyOfLastYearsSongAndItsRewrittenIntroductionAreFlaggedOnBothEntries() throws Exception {
		String code = "songs-" + UUID.randomUUID().toString().substring(0, 8);
		administration.copy(accounts.platformAdmin(), "fujian-2024", code, "歌曲比对测试活动", 2026);
		administration.copy(accounts.platformAdmin(), "fujian-2024", code + "-old", "往年歌曲比对测试活动", 2024);
		Campaign thisYear = campaigns.getByCode(code);
		Campaign lastYear = campaigns.getByCode(code + "-old");
		Category songs = category(thisYear, "song");
		Category lastYearSongs = category(lastYear, "song");
		Category systems = category(thisYear, "application-system");
		Category lastYearSystems = category(lastYear, "application-system");
		long owner = accounts.participant(county).create().id();
		long otherOwner = accounts.participant(county).create().id();

		Path song = GeneratedSongs.ffmpeg(GeneratedSongs.song(7, 30), "it-original.mp3", "-c:a", "libmp3lame", "-b:a",
				"128k");
		Path cut = GeneratedSongs.ffmpeg(song, "it-cut-3s.m4a", "-ss", "3", "-c:a", "aac", "-b:a", "96k");
		Path unrelated = GeneratedSongs.ffmpeg(GeneratedSongs.song(8, 20), "it-unrelated.mp3", "-c:a", "libmp3lame",
				"-b:a", "128k");
		long winner = handedIn(lastYear, lastYearSongs, otherOwner, "去年的获奖歌曲", song, "audio/mpeg", null);
		long copy = handedIn(thisYear, songs, owner, "新的歌曲", cut, "audio/mp4", null);
		long other = handedIn(thisYear, songs, otherOwner, "无关的歌曲", unrelated, "audio/mpeg", null);
		long system = handedIn(lastYear, lastYearSystems, otherOwner, "去年的应用系统", null, null, TextPrintTest.FIRST);
		long rewritten = handedIn(thisYear, systems, owner, "改写介绍的应用系统", null, null,
				TextPrintTest.FIRST_WITH_A_PARAGRAPH_CHANGED);
		long sameTheme = handedIn(thisYear, systems, otherOwner, "同主题的应用系统", null, null, TextPrintTest.SAME_THEME);
		List<Long> ids = List.of(winner, copy, other, system, rewritten, sameTheme);

		Map<Long, Long> campaignOfEntry = new LinkedHashMap<>();
		campaignOfEntry.put(winner, lastYear.id());
		campaignOfEntry.put(copy, thisYear.id());
		campaignOfEntry.put(other, thisYear.id());
		campaignOfEntry.put(system, lastYear.id());
		campaignOfEntry.put(rewritten, thisYear.id());
		campaignOfEntry.put(sameTheme, thisYear.id());
		List<Long> requested = new TransactionTemplate(transactionManager)
			.execute((status) -> requests.request(campaignOfEntry, scheduler));
		// a file or an introduction each
		assertThat(requested).hasSize(6);
		// the task each source was scheduled for, at once and in order (the application's
		// scheduler may take one first: then it is done already)
		requested.forEach(job::run);
		assertThat(count("state = 'DONE'", ids)).isEqualTo(6);
		assertThat(jdbc.sql("""
				select kind, count(*) from similarity_source where entry_id = any(cast(? as bigint[]))
				group by kind order by kind
				""").param(FingerprintRecords.array(ids)).query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2)).list())
			.containsExactly("AUDIO=3", "TEXT=3");
		assertThat(jdbc.sql("select text_key from similarity_source where entry_id = ?")
			.param(rewritten)
			.query(String.class)
			.single()).isEqualTo("特色应用系统情况介绍#需求与方案");
		// 30 s of 46 ms sub-fingerprints, two to a stored hash (about 319); 128 MinHash
		// minima
		int pairs = AudioPrint.ofFile(song).fingerprint().hashes().size();
		assertThat(pairs).isBetween(315, 325);
		assertThat(jdbc.sql("""
				select h.kind, count(*) from similarity_hash h join similarity_source s on s.id = h.source_id
				where s.entry_id = any(cast(? as bigint[])) group by h.kind order by h.kind
				""")
			.param(FingerprintRecords.array(List.of(winner, system)))
			.query((rs, n) -> rs.getString(1) + "=" + rs.getInt(2))
			.list()).containsExactly("AUDIO=" + pairs, "TEXT=128");

		SimilarWork audio = only(similarWorks.of(copy));
		assertThat(audio.otherEntryId()).isEqualTo(winner);
		assertThat(audio.kind()).isEqualTo(SimilarityKind.AUDIO);
		assertThat(audio.otherTitle()).isEqualTo("去年的获奖歌曲");
		assertThat(audio.otherCampaignYear()).isEqualTo(2024);
		assertThat(audio.sameOwner()).isFalse();
		assertThat(audio.similarity()).isBetween(60, 100);
		// this copy's 0 s is the original's 3 s; both run to the end (27 s of the copy)
		assertThat(audio.segment().start()).isCloseTo(0.0, within(1.0));
		assertThat(audio.segment().otherStart() - audio.segment().start()).isCloseTo(3.0, within(0.05));
		assertThat(audio.segment().end()).isCloseTo(27.0, within(1.0));
		assertThat(audio.segment().otherEnd()).isCloseTo(30.0, within(1.0));
		SimilarWork text = only(similarWorks.of(rewritten));
		assertThat(text.otherEntryId()).isEqualTo(system);
		assertThat(text.kind()).isEqualTo(SimilarityKind.TEXT);
		assertThat(text.otherTitle()).isEqualTo("去年的应用系统");
		assertThat(text.segment()).isNull();
		assertThat(text.attachmentId()).isNull();
		int exact = (int) Math
			.round(100 * TextPrint.exactResemblance(TextPrintTest.FIRST, TextPrintTest.FIRST_WITH_A_PARAGRAPH_CHANGED));
		assertThat(text.similarity()).isBetween(Math.max(30, exact - 12), exact + 12);

		// seen from last year's works too, and nothing for the unrelated song and text
		assertThat(only(similarWorks.of(winner)).otherEntryId()).isEqualTo(copy);
		SimilarWork fromWinner = only(similarWorks.of(winner));
		assertThat(fromWinner.segment().start() - fromWinner.segment().otherStart()).isCloseTo(3.0, within(0.05));
		assertThat(only(similarWorks.of(system)).otherEntryId()).isEqualTo(rewritten);
		assertThat(similarWorks.of(other)).isEmpty();
		assertThat(similarWorks.of(sameTheme)).isEmpty();
		assertThat(similarWorks.matchCounts(ids))
			.containsExactlyInAnyOrderEntriesOf(Map.of(winner, 1, copy, 1, system, 1, rewritten, 1));
	}

	private static SimilarWork only(List<SimilarWork> works) {
		assertThat(works).hasSize(1);
		return works.get(0);
	}

	private long handedIn(Campaign campaign, Category category, long ownerId, String title, Path file,
			String contentType, String introduction) {
		long entry = entries.draft(campaign, category.id(), county, ownerId, ownerId, title);
		if (file != null) {
			attach(entry, file, contentType, ownerId);
		}
		if (introduction != null) {
			CategoryRules.TextField field = category.rules().textFields().get(0);
			jdbc.sql("update entry set texts = cast(? as jsonb) where id = ?")
				.params(tools.jackson.databind.json.JsonMapper.builder()
					.build()
					.writeValueAsString(Map.of(field.key() + "#" + field.sections().get(0), introduction)), entry)
				.update();
		}
		entries.waitAt(entry, organisations.byCode("fj"));
		return entry;
	}

	private void attach(long entry, Path file, String contentType, long ownerId) {
		StoredFile stored = storedFiles.storeImported(file, "作品" + file.getFileName(), ownerId, county.path());
		jdbc.sql("""
				insert into entry_attachment (entry_id, slot_key, file_id, file_name, size, sha256, content_type,
				    inspection, blocking, attached_by, attached_at)
				values (?, 'work', ?, ?, ?, ?, ?, cast(? as jsonb), false, ?, now())
				""")
			.params(entry, stored.id(), stored.fileName(), stored.size(), stored.sha256(), contentType,
					"{\"detectedKind\":null,\"contentType\":\"" + contentType + "\",\"facts\":null,\"findings\":[]}",
					ownerId)
			.update();
	}

	private Category category(Campaign campaign, String code) {
		return campaigns.categories(campaign)
			.stream()
			.filter((category) -> category.code().equals(code))
			.findFirst()
			.orElseThrow();
	}

	private int count(String condition, List<Long> ids) {
		return jdbc
			.sql("select count(*) from similarity_source where entry_id = any(cast(? as bigint[])) and " + condition)
			.param(FingerprintRecords.array(ids))
			.query(Integer.class)
			.single();
	}

}
