package cn.zhengji.voting;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import cn.zhengji.account.AccountTestContext;
import cn.zhengji.account.MobileNumber;
import cn.zhengji.account.MutableClock;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.review.VoteCounts;
import cn.zhengji.showcase.WorksInVoting;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import cn.zhengji.voting.Ballots.Answer;
import cn.zhengji.voting.Ballots.Origin;
import cn.zhengji.voting.Ballots.Outcome;
import cn.zhengji.voting.Ballots.Result;
import cn.zhengji.voting.VoteReview.Anomaly;
import cn.zhengji.voting.VoteReview.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13 items 4 and 6 through the real database, by direct calls in parallel threads:
 * one voter's 1000 simultaneous votes count once, 10 000 voters' votes count 10 000
 * times, the window and the campaign's day follow the injected clock, suspicious traffic
 * must answer a proof of work, anomalies are found and voided votes stop counting (also
 * in the review's vote column).
 */
@AccountTestContext
class VotingIntegrationTest {

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
	VotingSettings settings;

	@Autowired
	Ballots ballots;

	@Autowired
	Voters voters;

	@Autowired
	VoteReview review;

	@Autowired
	WorksInVoting worksInVoting;

	@Autowired
	VoteCounts voteCounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	VotingScenery scenery;

	/** 2026-12-06 12:00 in Fuzhou. */
	static final Instant NOON = ZonedDateTime.parse("2026-12-06T12:00+08:00[Asia/Shanghai]").toInstant();

	@BeforeEach
	void scenery() {
		clock.set(NOON);
		scenery = new VotingScenery(administration, campaigns, organisations, accounts, entries, 3);
	}

	@AfterEach
	void systemTime() {
		clock.useSystemTime();
	}

	@Test
	void oneVoterVotingAThousandTimesAtOnceCountsOnce() throws Exception {
		scenery.open(settings, NOON.minus(Duration.ofDays(1)), NOON.plus(Duration.ofDays(10)), 1, true, null);
		long voter = newVoters(1).getFirst();
		long work = scenery.works[0];
		String net = net();
		List<Callable<Outcome>> votes = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			String address = net + (i / 250) + "." + (i % 250);
			votes.add(() -> ballots.cast(voter, work, new Origin(address, null), Answer.NONE).outcome());
		}
		List<Outcome> outcomes = parallel(votes);

		assertThat(outcomes.stream().filter(Outcome.COUNTED::equals).count()).isEqualTo(1);
		assertThat(outcomes.stream().filter(Outcome.DAILY_LIMIT::equals).count()).isEqualTo(999);
		assertThat(ballots.count(work)).isEqualTo(1);
	}

	@Test
	void tenThousandVotersCountTenThousandTimes() throws Exception {
		scenery.open(settings, NOON.minus(Duration.ofDays(1)), NOON.plus(Duration.ofDays(10)), 1, true, null);
		List<Long> many = newVoters(10_000);
		long work = scenery.works[1];
		String net = net();
		List<Callable<Outcome>> votes = new ArrayList<>();
		for (int i = 0; i < many.size(); i++) {
			long voter = many.get(i);
			String address = net + (i / 250) + "." + (i % 250);
			votes.add(() -> ballots.cast(voter, work, new Origin(address, null), Answer.NONE).outcome());
		}
		long started = System.nanoTime();
		List<Outcome> outcomes = parallel(votes);
		Duration took = Duration.ofNanos(System.nanoTime() - started);

		assertThat(outcomes).allMatch(Outcome.COUNTED::equals);
		assertThat(ballots.count(work)).isEqualTo(10_000);
		assertThat(took).as("10 000 votes").isLessThan(Duration.ofSeconds(30));
	}

	@Test
	void aVoteThatCannotBeWrittenFailsAloneAndTheOthersOfItsBatchCount() throws Exception {
		scenery.open(settings, NOON.minus(Duration.ofDays(1)), NOON.plus(Duration.ofDays(10)), 1, true, null);
		List<Long> honest = newVoters(200);
		long work = scenery.works[2];
		String net = net();
		List<Callable<Outcome>> votes = new ArrayList<>();
		for (int i = 0; i < honest.size(); i++) {
			long voter = honest.get(i);
			String address = net + "1." + i;
			votes.add(() -> ballots.cast(voter, work, new Origin(address, null), Answer.NONE).outcome());
			if (i % 50 == 0) {
				// a voter that does not exist (removed since its cookie was signed): the
				// foreign key refuses the batch it is in
				votes.add(() -> {
					try {
						return ballots.cast(Long.MAX_VALUE, work, new Origin(address, null), Answer.NONE).outcome();
					}
					catch (VotingUnavailable unavailable) {
						assertThat(unavailable.reason()).isEqualTo(VotingUnavailable.Reason.FAILED);
						return null;
					}
				});
			}
		}
		List<Outcome> outcomes = parallel(votes);

		assertThat(outcomes.stream().filter(Outcome.COUNTED::equals).count()).isEqualTo(200);
		assertThat(outcomes.stream().filter(java.util.Objects::isNull).count()).isEqualTo(4);
		assertThat(ballots.count(work)).isEqualTo(200);
	}

	@Test
	void theWindowAndTheCampaignsDayFollowTheClock() {
		Instant opens = NOON.plus(Duration.ofHours(1));
		Instant closes = NOON.plus(Duration.ofDays(3));
		scenery.open(settings, opens, closes, 2, false, null);
		long voter = newVoters(1).getFirst();
		long work = scenery.works[0];
		Origin origin = new Origin(net() + "0.1", UUID.randomUUID().toString());

		// before the window: the work is not on the showcase, a vote is refused
		assertThat(worksInVoting.entriesInVoting(scenery.campaign.id())).isEmpty();
		assertThat(cast(voter, work, origin)).isEqualTo(Outcome.CLOSED);

		clock.set(opens);
		assertThat(worksInVoting.entriesInVoting(scenery.campaign.id())).containsExactlyInAnyOrder(scenery.works[0],
				scenery.works[1], scenery.works[2]);
		// two votes a day (the setting), then none until the campaign's midnight
		assertThat(cast(voter, work, origin)).isEqualTo(Outcome.COUNTED);
		assertThat(cast(voter, work, origin)).isEqualTo(Outcome.COUNTED);
		assertThat(cast(voter, work, origin)).isEqualTo(Outcome.DAILY_LIMIT);
		// another work has its own votes
		assertThat(cast(voter, scenery.works[1], origin)).isEqualTo(Outcome.COUNTED);
		// 23:59 in Fuzhou is still the same day (15:59 UTC)
		clock.set(ZonedDateTime.parse("2026-12-06T23:59+08:00[Asia/Shanghai]").toInstant());
		assertThat(cast(voter, work, origin)).isEqualTo(Outcome.DAILY_LIMIT);
		// 00:01 in Fuzhou is the next day, although UTC still says 6 December
		clock.set(ZonedDateTime.parse("2026-12-07T00:01+08:00[Asia/Shanghai]").toInstant());
		assertThat(cast(voter, work, origin)).isEqualTo(Outcome.COUNTED);
		assertThat(ballots.count(work)).isEqualTo(3);

		clock.set(closes);
		assertThat(cast(voter, work, origin)).isEqualTo(Outcome.CLOSED);
		assertThat(worksInVoting.entriesInVoting(scenery.campaign.id())).isEmpty();
		assertThat(ballots.count(work)).isEqualTo(3);
		// a work of another category is in no vote
		assertThat(cast(voter, 0, origin)).isEqualTo(Outcome.NOT_IN_VOTING);
	}

	@Test
	void suspiciousTrafficMustAnswerAProofOfWorkAndTooMuchIsRefused() {
		scenery.open(settings, NOON.minus(Duration.ofDays(1)), NOON.plus(Duration.ofDays(10)), 1, true, null);
		List<Long> many = newVoters(25);
		String address = net() + "9.9";
		// 20 votes a minute from one address pass
		// (zhengji.voting.address-challenge-per-minute)
		for (int i = 0; i < 20; i++) {
			assertThat(cast(many.get(i), scenery.works[0], new Origin(address, null))).isEqualTo(Outcome.COUNTED);
		}
		Result asked = ballots.cast(many.get(20), scenery.works[0], new Origin(address, null), Answer.NONE);
		assertThat(asked.outcome()).isEqualTo(Outcome.CHALLENGE);
		assertThat(asked.challenge().difficulty()).isEqualTo(16);
		String nonce = solve(asked.challenge().id().toString(), asked.challenge().difficulty());
		Answer answer = new Answer(asked.challenge().id().toString(), nonce);
		assertThat(ballots.cast(many.get(20), scenery.works[0], new Origin(address, null), answer).outcome())
			.isEqualTo(Outcome.COUNTED);
		// an answer is used once; a wrong one is no answer
		assertThat(ballots.cast(many.get(21), scenery.works[0], new Origin(address, null), answer).outcome())
			.isEqualTo(Outcome.CHALLENGE);
		assertThat(ballots
			.cast(many.get(21), scenery.works[0], new Origin(address, null),
					new Answer(asked.challenge().id().toString(), "x"))
			.outcome()).isEqualTo(Outcome.CHALLENGE);
		// the next minute starts afresh
		clock.advance(Duration.ofMinutes(1));
		assertThat(cast(many.get(22), scenery.works[0], new Origin(address, null))).isEqualTo(Outcome.COUNTED);
		// one device: 60 a minute at most, whatever the address
		String device = UUID.randomUUID().toString();
		String net = net();
		int tooMany = 0;
		for (int i = 0; i < 70; i++) {
			Outcome outcome = cast(many.get(0), scenery.works[1], new Origin(net + "1." + i, device));
			if (outcome == Outcome.TOO_MANY) {
				tooMany++;
			}
		}
		assertThat(tooMany).isEqualTo(10);
		assertThat(ballots.count(scenery.works[0])).isEqualTo(22);
	}

	@Test
	void anomaliesAreFoundAndVoidedVotesStopCounting() {
		long round = campaigns.reviewRounds(scenery.song.id()).getFirst().id();
		scenery.open(settings, NOON.minus(Duration.ofDays(1)), NOON.plus(Duration.ofDays(10)), 1, false, round);
		// 11 numbers of one segment from one address; 4 numbers on one device
		String segment = "1" + (3 + (int) (Math.random() * 7)) + String.format("%05d", (int) (Math.random() * 100000));
		List<Long> sameSegment = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			sameSegment.add(voters.voter(new MobileNumber(segment + String.format("%04d", i))).id());
		}
		String address = net() + "7.7";
		String device = UUID.randomUUID().toString();
		for (int i = 0; i < 11; i++) {
			assertThat(cast(sameSegment.get(i), scenery.works[0], new Origin(address, null)))
				.isEqualTo(Outcome.COUNTED);
		}
		String net = net();
		for (int i = 11; i < 21; i++) {
			assertThat(cast(sameSegment.get(i), scenery.works[1], new Origin(net + "0." + i, i < 15 ? device : null)))
				.isEqualTo(Outcome.COUNTED);
		}
		assertThat(voteCounts.votes(round)).containsEntry(scenery.works[0], 11L).containsEntry(scenery.works[1], 10L);

		List<Anomaly> anomalies = review.anomalies(scenery.campaign);
		assertThat(anomalies).anySatisfy((anomaly) -> {
			assertThat(anomaly.kind()).isEqualTo(Kind.ADDRESS);
			assertThat(anomaly.key()).isEqualTo(address);
			assertThat(anomaly.voters()).isEqualTo(11);
		}).anySatisfy((anomaly) -> {
			assertThat(anomaly.kind()).isEqualTo(Kind.DEVICE);
			assertThat(anomaly.voters()).isEqualTo(4);
		}).anySatisfy((anomaly) -> {
			assertThat(anomaly.kind()).isEqualTo(Kind.SEGMENT);
			assertThat(anomaly.key()).isEqualTo(segment);
			assertThat(anomaly.voters()).isEqualTo(21);
		});
		// all 21 votes in one minute: a burst on works[0] (11 > 30? no) — none yet
		assertThat(anomalies).noneMatch((anomaly) -> anomaly.kind() == Kind.BURST);

		// the latest votes show masked numbers only
		assertThat(review.latest(scenery.campaign, 100)).hasSize(21)
			.allSatisfy((row) -> assertThat(row.maskedMobile()).matches("1[3-9]\\d\\*{4}\\d{4}"));

		assertThatThrownBy(() -> review.voidGroup(scenery.hostAdmin, scenery.campaign, Kind.ADDRESS, address, " "))
			.isInstanceOf(VoteSettingRejected.class);
		assertThat(review.voidGroup(scenery.hostAdmin, scenery.campaign, Kind.ADDRESS, address, "同一地址刷票"))
			.isEqualTo(11);
		assertThat(ballots.count(scenery.works[0])).isZero();
		long single = review.latest(scenery.campaign, 100)
			.stream()
			.filter((row) -> !row.voided())
			.findFirst()
			.orElseThrow()
			.id();
		assertThat(review.voidVote(scenery.hostAdmin, scenery.campaign, single, "核实为无效票")).isTrue();
		assertThat(review.voidVote(scenery.hostAdmin, scenery.campaign, single, "再次作废")).isFalse();
		assertThat(ballots.count(scenery.works[1])).isEqualTo(9);
		assertThat(voteCounts.votes(round)).doesNotContainKey(scenery.works[0]).containsEntry(scenery.works[1], 9L);
		assertThat(review.counts(scenery.campaign)).anySatisfy((count) -> {
			assertThat(count.entryId()).isEqualTo(scenery.works[0]);
			assertThat(count.counted()).isZero();
			assertThat(count.voided()).isEqualTo(11);
		});
		// both voidings are audited with their reason
		assertThat(jdbc.sql("select count(*) from audit_event where target_type = 'vote' and summary in (?, ?)")
			.params("同一地址刷票", "核实为无效票")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void theDemonstrationCampaignsSongsAreInAVote() {
		clock.useSystemTime();
		var demo = campaigns.getByCode("demo-results");
		var song = campaigns.category(demo, "song").orElseThrow();
		assertThat(settings.of(demo).get(song.id()).isOpenAt(clock.instant())).isTrue();
		assertThat(worksInVoting.entriesInVoting(demo.id())).isNotEmpty();
	}

	private Outcome cast(long voter, long work, Origin origin) {
		return ballots.cast(voter, work, origin, Answer.NONE).outcome();
	}

	/** A fresh /16 of test addresses ("10.x.y." + z). */
	private static String net() {
		return "10." + (int) (Math.random() * 250) + "." + UUID.randomUUID().toString().substring(0, 4) + ".";
	}

	private List<Long> newVoters(int count) {
		String tag = UUID.randomUUID().toString();
		return jdbc.sql("""
				insert into voter (mobile_index, mobile_cipher, mobile_masked, mobile_segment, created_at)
				select decode(md5(? || g), 'hex'), '\\x00'::bytea, '139****0000', '1390000', now()
				from generate_series(1, ?) g
				returning id
				""").params(tag, count).query(Long.class).list();
	}

	private static <T> List<T> parallel(List<Callable<T>> tasks) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(16);
		try {
			List<Future<T>> futures = pool.invokeAll(tasks);
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdown();
		}
	}

	static String solve(String challenge, int difficulty) {
		AtomicInteger nonce = new AtomicInteger();
		while (Challenges.zeroBits(challenge + ":" + nonce.get()) < difficulty) {
			nonce.incrementAndGet();
		}
		return String.valueOf(nonce.get());
	}

}
