package cn.zhengji.similarity;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.submission.EntryState;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import cn.zhengji.support.ZhengjiTest;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 15 items 1 and 2 end to end on the real database, storage and db-scheduler:
 * entries handed in before the module "was deployed" are fingerprinted by the back-fill
 * (two scheduler nodes, one run per source), and {@link SimilarWorks} reports what the
 * approvers see: an exact copy by the same owner (same bytes, in another category), a
 * copy cut by 3 s in another campaign year with its time ranges, an image cropped by 5 %;
 * an unrelated work has no match.
 */
@ZhengjiTest
class SimilarityIntegrationTest {

	static final Path MEDIA = FingerprintTest.MEDIA;

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
	OneTimeTask<Void> fingerprintSourceTask;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	Organisation province;

	Organisation county;

	long owner;

	long otherOwner;

	Campaign thisYear;

	Campaign lastYear;

	Category category;

	Category otherCategory;

	List<Scheduler> nodes;

	@BeforeEach
	void campaigns() {
		province = organisations.byCode("fj");
		county = organisations.create(organisations.byCode("fj-fuzhou"), "相似测试区总工会", OrganisationKind.COUNTY);
		owner = accounts.participant(county).create().id();
		otherOwner = accounts.participant(county).create().id();
		String code = "similar-" + UUID.randomUUID().toString().substring(0, 8);
		administration.copy(accounts.platformAdmin(), "fujian-2024", code, "相似作品测试活动", 2026);
		administration.copy(accounts.platformAdmin(), "fujian-2024", code + "-old", "往年相似作品测试活动", 2024);
		thisYear = campaigns.getByCode(code);
		lastYear = campaigns.getByCode(code + "-old");
		List<Category> categories = campaigns.categories(thisYear);
		category = categories.get(0);
		otherCategory = categories.get(1);
		nodes = List.of(node("similarity-test-a"), node("similarity-test-b"));
		nodes.forEach(Scheduler::start);
	}

	@AfterEach
	void stop() {
		nodes.forEach(Scheduler::stop);
	}

	@Test
	void theBackFillFingerprintsEveryHandedInWorkAndTheMatchesNameTheOtherWork() throws Exception {
		Path original = SimilarityMedia.video(MEDIA, 1, 20);
		Path cut = SimilarityMedia.copies(original).get(3);
		Path unrelated = SimilarityMedia.video(MEDIA, 100, 6, 10, "320:180");
		Path image = SimilarityMedia.image(MEDIA, 7);
		Path croppedImage = SimilarityMedia.imageCopies(image).get(2);
		Category lastYearCategory = campaigns.categories(lastYear).get(0);
		long winner = handedIn(lastYear, lastYearCategory, otherOwner, "去年的获奖作品", original, "video/mp4");
		long mine = handedIn(thisYear, category, owner, "劳动者之歌", cut, "video/mp4");
		long sameFile = handedIn(thisYear, otherCategory, owner, "劳动者之歌（另一类别）", cut, "video/mp4");
		long other = handedIn(thisYear, category, otherOwner, "无关的作品", unrelated, "video/mp4");
		long photo = handedIn(thisYear, category, owner, "摄影作品", image, "image/jpeg");
		long croppedPhoto = handedIn(thisYear, category, otherOwner, "裁剪的摄影作品", croppedImage, "image/jpeg");
		long draft = entries.draft(thisYear, category.id(), county, owner, owner, "草稿不算");
		attach(draft, original, "video/mp4", owner);

		// Also the handed-in works of other tests and the demonstration without a source.
		int requested = requests.sweep(nodes.get(0), new TransactionTemplate(transactionManager));
		assertThat(requested).isGreaterThanOrEqualTo(6);
		await(() -> jdbc
			.sql("select count(*) from similarity_source where entry_id = any(cast(? as bigint[])) and state = 'DONE'")
			.param(FingerprintRecords.array(List.of(winner, mine, sameFile, other, photo, croppedPhoto)))
			.query(Integer.class)
			.single() == 6 ? Boolean.TRUE : null);
		assertThat(jdbc.sql("select count(*) from similarity_source where entry_id = ?")
			.param(draft)
			.query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql("select attempts from similarity_source where entry_id = ?")
			.param(mine)
			.query(Integer.class)
			.single()).isEqualTo(1);
		// Nothing more to request for these: the back-fill is idempotent.
		requests.sweep(nodes.get(0), new TransactionTemplate(transactionManager));
		assertThat(jdbc.sql("select count(*) from similarity_source where entry_id = any(cast(? as bigint[]))")
			.param(FingerprintRecords.array(List.of(winner, mine, sameFile, other, photo, croppedPhoto)))
			.query(Integer.class)
			.single()).isEqualTo(6);

		List<SimilarWork> found = similarWorks.of(mine);
		assertThat(found).extracting(SimilarWork::otherEntryId, SimilarWork::kind)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(sameFile, SimilarityKind.EXACT),
					org.assertj.core.groups.Tuple.tuple(winner, SimilarityKind.VIDEO));
		SimilarWork exact = found.stream().filter((w) -> w.kind() == SimilarityKind.EXACT).findFirst().orElseThrow();
		assertThat(exact.similarity()).isEqualTo(100);
		assertThat(exact.sameOwner()).isTrue();
		assertThat(exact.segment()).isNull();
		assertThat(exact.otherCategoryName()).isEqualTo(otherCategory.name());
		SimilarWork old = found.stream().filter((w) -> w.otherEntryId() == winner).findFirst().orElseThrow();
		assertThat(old.otherTitle()).isEqualTo("去年的获奖作品");
		assertThat(old.otherCampaignYear()).isEqualTo(2024);
		assertThat(old.otherCampaignTitle()).isEqualTo("往年相似作品测试活动");
		assertThat(old.otherCategoryName()).isEqualTo(lastYearCategory.name());
		assertThat(old.otherCityUnitName()).isEqualTo(organisations.byCode("fj-fuzhou").name());
		assertThat(old.otherAwardName()).isNull();
		assertThat(old.otherState()).isEqualTo(EntryState.SUBMITTED);
		assertThat(old.sameOwner()).isFalse();
		assertThat(old.similarity()).isGreaterThanOrEqualTo(80);
		// 3 s cut from the start: this file's 0 s is the original's 3 s.
		assertThat(old.segment().start()).isCloseTo(0.0, within(1.0));
		assertThat(old.segment().otherStart()).isCloseTo(3.0, within(1.0));
		assertThat(old.segment().end()).isCloseTo(16.0, within(1.5));
		assertThat(old.segment().otherEnd()).isCloseTo(19.0, within(1.5));
		assertThat(old.otherFrameMs() - old.frameMs()).isBetween(2_000L, 4_000L);
		byte[] frame = similarWorks.frameJpeg(mine, old.attachmentId(), old.frameMs()).orElseThrow();
		assertThat(frame).startsWith(0xff, 0xd8, 0xff);
		assertThat(similarWorks.frameJpeg(winner, old.attachmentId(), old.frameMs())).isEmpty();

		// seen from the winner's side too
		assertThat(similarWorks.of(winner)).extracting(SimilarWork::otherEntryId)
			.containsExactlyInAnyOrder(mine, sameFile);
		assertThat(similarWorks.of(other)).isEmpty();
		assertThat(similarWorks.of(photo)).singleElement().satisfies((match) -> {
			assertThat(match.otherEntryId()).isEqualTo(croppedPhoto);
			assertThat(match.kind()).isEqualTo(SimilarityKind.IMAGE);
			assertThat(match.similarity()).isGreaterThanOrEqualTo(68);
			assertThat(match.segment()).isNull();
		});
		assertThat(similarWorks.matchCounts(List.of(mine, other, photo, winner)))
			.containsExactlyInAnyOrderEntriesOf(Map.of(mine, 2, photo, 1, winner, 2));
	}

	private long handedIn(Campaign campaign, Category category, long ownerId, String title, Path file,
			String contentType) {
		long entry = entries.draft(campaign, category.id(), county, ownerId, ownerId, title);
		attach(entry, file, contentType, ownerId);
		entries.waitAt(entry, province);
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

	private Scheduler node(String name) {
		return Scheduler.create(dataSource, fingerprintSourceTask)
			.schedulerName(new SchedulerName.Fixed(name))
			.pollingInterval(Duration.ofMillis(200))
			.threads(1)
			.build();
	}

	private static <T> T await(java.util.function.Supplier<T> condition) throws InterruptedException {
		Instant until = Instant.now().plusSeconds(120);
		while (Instant.now().isBefore(until)) {
			T value = condition.get();
			if (value != null) {
				return value;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("not reached in 120 s");
	}

}
