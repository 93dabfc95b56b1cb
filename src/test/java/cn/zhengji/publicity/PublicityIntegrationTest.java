package cn.zhengji.publicity;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import cn.zhengji.account.AccountTestContext;
import cn.zhengji.account.MutableClock;
import cn.zhengji.account.RecordingSmsGateway;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.review.AwardedLevels;
import cn.zhengji.review.RoundResults;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13 item 1 (R-PUB-1) through the real database and a settable clock: the awards of
 * a locked round published for 10–16 June 2080 (Beijing time), objections taken within
 * the period only, an upheld one changes the award (review, entry history, audit), a
 * dismissal needs a reason, and the end of the period makes the awards final — not before
 * the last day is over, and not for a work whose objection is pending.
 */
@AccountTestContext
class PublicityIntegrationTest {

	static final Instant DURING = Instant.parse("2080-06-10T04:00:00Z");

	static final Instant LAST_DAY = Instant.parse("2080-06-16T15:30:00Z");

	static final Instant AFTER = Instant.parse("2080-06-16T16:30:00Z");

	@Autowired
	Publicities publicities;

	@Autowired
	AwardedLevels awardedLevels;

	@Autowired
	RoundResults results;

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
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	RecordingSmsGateway sms;

	PublicityScenery scenery;

	@BeforeEach
	void awardedRound() {
		clock.useSystemTime();
		scenery = new PublicityScenery(administration, campaigns, results, organisations, accounts, entries, jdbc);
		clock.set(DURING);
	}

	@AfterEach
	void restoreClock() {
		clock.useSystemTime();
	}

	@Test
	void publishingPutsTheAwardsInPublicityAndTellsTheSubmitter() {
		long id = publish();

		PublicityView view = publicities.find(id);
		assertThat(view.state()).isEqualTo("OPEN");
		assertThat(view.works())
			.extracting(PublicityView.Work::title, PublicityView.Work::levelName, PublicityView.Work::unitName)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("公示之歌", "一等奖", view.works().get(0).unitName()),
					org.assertj.core.groups.Tuple.tuple("异议之歌", "二等奖", view.works().get(0).unitName()),
					org.assertj.core.groups.Tuple.tuple("定稿之歌", "三等奖", view.works().get(0).unitName()));
		assertThat(view.works().get(0).unitName()).startsWith("公示测试市总工会");
		assertThat(states()).containsExactly("IN_PUBLICITY", "IN_PUBLICITY", "IN_PUBLICITY", "NOT_AWARDED");
		assertThat(steps(scenery.works[0])).endsWith("AWARDED", "PUBLICITY_STARTED");
		assertThat(jdbc.sql("select count(*) from notice where account_id = ? and kind = 'PUBLICITY'")
			.param(scenery.submitter.id())
			.query(Integer.class)
			.single()).isEqualTo(3);
		assertThatThrownBy(() -> publish()).isInstanceOfSatisfying(PublicityChangeRejected.class,
				(ex) -> assertThat(ex.messageCode()).isEqualTo("publicity.publish.already"));
	}

	@Test
	void onlyTheCampaignsAdminsPublishForAPeriodThatHasNotEnded() {
		assertThatThrownBy(() -> publicities.publish(scenery.otherProvinceAdmin, scenery.campaign.code(),
				scenery.secondRound, input(LocalDate.of(2080, 6, 10), LocalDate.of(2080, 6, 16))))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> publicities.publish(scenery.hostAdmin, scenery.campaign.code(), scenery.secondRound,
				input(LocalDate.of(2080, 6, 1), LocalDate.of(2080, 6, 9))))
			.isInstanceOfSatisfying(PublicityChangeRejected.class,
					(ex) -> assertThat(ex.messageCode()).isEqualTo("publicity.publish.endsInPast"));
		assertThatThrownBy(() -> publicities.publish(scenery.hostAdmin, scenery.campaign.code(), scenery.secondRound,
				input(LocalDate.of(2080, 6, 16), LocalDate.of(2080, 6, 10))))
			.isInstanceOfSatisfying(PublicityChangeRejected.class,
					(ex) -> assertThat(ex.messageCode()).isEqualTo("publicity.publish.endsBeforeStart"));
		assertThat(states()).containsExactly("AWARDED", "AWARDED", "AWARDED", "NOT_AWARDED");
	}

	@Test
	void objectionsAreTakenWithinThePeriodOnly() throws IOException {
		long id = publish();
		String mobile = TestAccounts.uniqueMobile();
		Path evidence = png();
		Path hostile = Files.writeString(Files.createTempFile("evil", ".png"), "<script>alert(1)</script>",
				StandardCharsets.UTF_8);

		publicities.sendCode(id, mobile, "198.51.100.31");
		String code = sms.lastCodeTo(mobile);
		assertThatThrownBy(() -> publicities.fileObjection(id,
				new ObjectionInput(scenery.works[0], "李异议", mobile, code, "理由",
						List.of(new ObjectionInput.Evidence(hostile, "证据.png"))),
				"198.51.100.31"))
			.isInstanceOfSatisfying(PublicityChangeRejected.class,
					(ex) -> assertThat(ex.messageCode()).isEqualTo("publicity.objection.badFile"));
		// the refused file did not use up the code
		long objection = publicities.fileObjection(id, new ObjectionInput(scenery.works[0], "李异议", mobile, code,
				"作品与往届作品雷同", List.of(new ObjectionInput.Evidence(evidence, "截图.png"))), "198.51.100.31");
		assertThat(jdbc.sql("""
				select o.objector_name, o.mobile_masked, o.status, f.file_name, f.content_type
				from publicity_objection o join publicity_objection_file f on f.objection_id = o.id where o.id = ?
				""").param(objection).query().listOfRows()).containsExactly(
				Map.of("objector_name", "李异议", "mobile_masked", mobile.substring(0, 3) + "****" + mobile.substring(7),
						"status", "PENDING", "file_name", "截图.png", "content_type", "image/png"));

		clock.set(AFTER);
		String late = TestAccounts.uniqueMobile();
		assertThatThrownBy(() -> publicities.sendCode(id, late, "198.51.100.32")).isInstanceOfSatisfying(
				PublicityChangeRejected.class,
				(ex) -> assertThat(ex.messageCode()).isEqualTo("publicity.objection.closed"));
		assertThatThrownBy(() -> publicities.fileObjection(id,
				new ObjectionInput(scenery.works[1], "王迟到", late, "123456", "理由", List.of()), "198.51.100.32"))
			.isInstanceOfSatisfying(PublicityChangeRejected.class,
					(ex) -> assertThat(ex.messageCode()).isEqualTo("publicity.objection.closed"));
		assertThat(publicities.find(id).state()).isEqualTo("ENDED");
	}

	@Test
	void anUpheldObjectionChangesTheAwardAndADismissalNeedsAReason() {
		long id = publish();
		long lower = objection(id, scenery.works[0], "198.51.100.41");
		long withdraw = objection(id, scenery.works[1], "198.51.100.42");
		long dismissed = objection(id, scenery.works[2], "198.51.100.43");

		assertThatThrownBy(
				() -> publicities.handle(scenery.hostAdmin, dismissed, Publicities.Decision.DISMISS, null, " "))
			.isInstanceOfSatisfying(PublicityChangeRejected.class,
					(ex) -> assertThat(ex.messageCode()).isEqualTo("publicity.handle.reasonRequired"));
		assertThatThrownBy(() -> publicities.handle(scenery.otherProvinceAdmin, lower, Publicities.Decision.UPHOLD,
				"SECOND", "核实属实"))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(
				() -> publicities.handle(scenery.hostAdmin, withdraw, Publicities.Decision.UPHOLD, "FIRST", "核实属实"))
			.hasMessageContaining("review.awardChange.notLower");

		publicities.handle(scenery.hostAdmin, lower, Publicities.Decision.UPHOLD, "SECOND", "与往届作品雷同，降为二等奖");
		publicities.handle(scenery.hostAdmin, withdraw, Publicities.Decision.UPHOLD, null, "核实为抄袭");
		publicities.handle(scenery.hostAdmin, dismissed, Publicities.Decision.DISMISS, null, "经核实不属实");

		Map<Long, AwardedLevels.AwardedLevel> levels = awardedLevels
			.of(List.of(scenery.works[0], scenery.works[1], scenery.works[2]));
		assertThat(levels.keySet()).containsExactly(scenery.works[0], scenery.works[2]);
		assertThat(levels.get(scenery.works[0]).levelName()).isEqualTo("二等奖");
		assertThat(states()).containsExactly("IN_PUBLICITY", "NOT_AWARDED", "IN_PUBLICITY", "NOT_AWARDED");
		assertThat(steps(scenery.works[0])).endsWith("PUBLICITY_STARTED", "AWARD_CHANGED");
		assertThat(steps(scenery.works[1])).endsWith("PUBLICITY_STARTED", "AWARD_WITHDRAWN");
		assertThat(jdbc.sql("""
				select remark from entry_transition where entry_id = ? and step = 'AWARD_CHANGED'
				""").param(scenery.works[0]).query(String.class).single()).isEqualTo("异议成立：一等奖 调整为 二等奖（与往届作品雷同，降为二等奖）");
		assertThat(jdbc.sql("""
				select action || ' ' || target_type from audit_event
				where (target_type = 'publicity_objection' and target_id in (?, ?, ?))
				   or (target_type = 'review_award' and target_id in (?, ?))
				order by chain_seq
				""")
			.params(String.valueOf(lower), String.valueOf(withdraw), String.valueOf(dismissed),
					scenery.secondRound + "/" + scenery.works[0], scenery.secondRound + "/" + scenery.works[1])
			.query(String.class)
			.list()).containsExactly("CREATED publicity_objection", "CREATED publicity_objection",
					"CREATED publicity_objection", "CREATED review_award", "UPDATED publicity_objection",
					"CREATED review_award", "UPDATED publicity_objection", "UPDATED publicity_objection");
		assertThat(publicities.find(id).outcomes())
			.extracting(PublicityView.Outcome::workTitle, PublicityView.Outcome::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("公示之歌", ObjectionStatus.UPHELD),
					org.assertj.core.groups.Tuple.tuple("异议之歌", ObjectionStatus.UPHELD),
					org.assertj.core.groups.Tuple.tuple("定稿之歌", ObjectionStatus.DISMISSED));
	}

	@Test
	void theAwardsBecomeFinalAfterTheLastDayExceptWhileAnObjectionIsPending() {
		long id = publish();
		long pending = objection(id, scenery.works[2], "198.51.100.51");

		clock.set(LAST_DAY);
		assertThat(publicities.finaliseIfDue(id)).isZero();
		assertThat(states()).containsExactly("IN_PUBLICITY", "IN_PUBLICITY", "IN_PUBLICITY", "NOT_AWARDED");

		clock.set(AFTER);
		assertThat(publicities.finaliseIfDue(id)).isEqualTo(2);
		assertThat(states()).containsExactly("AWARD_FINAL", "AWARD_FINAL", "IN_PUBLICITY", "NOT_AWARDED");
		assertThat(publicities.find(id).state()).isEqualTo("ENDED");
		assertThat(publicities.adminPage(scenery.hostAdmin, scenery.campaign.code()).blocked().get(id))
			.containsExactly(scenery.works[2]);
		assertThat(jdbc.sql("select actor_id, actor_name from entry_transition where entry_id = ? and step = ?")
			.params(scenery.works[0], "AWARD_FINALISED")
			.query()
			.singleRow()).containsEntry("actor_id", null).containsEntry("actor_name", "系统");

		publicities.handle(scenery.hostAdmin, pending, Publicities.Decision.DISMISS, null, "经核实不属实");
		assertThat(publicities.finaliseIfDue(id)).isEqualTo(1);
		assertThat(states()).containsExactly("AWARD_FINAL", "AWARD_FINAL", "AWARD_FINAL", "NOT_AWARDED");
		assertThat(publicities.find(id).state()).isEqualTo("FINAL");
		assertThat(publicities.finaliseIfDue(id)).isZero();

		List<Publicities.OwnWork> own = publicities.ownWorks(accounts.signedIn(scenery.submitter));
		assertThat(own).extracting(Publicities.OwnWork::title, Publicities.OwnWork::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("公示之歌", "FINAL"),
					org.assertj.core.groups.Tuple.tuple("异议之歌", "FINAL"),
					org.assertj.core.groups.Tuple.tuple("定稿之歌", "FINAL"));
		assertThat(own.get(2).objections()).singleElement().satisfies((objection) -> {
			assertThat(objection.status()).isEqualTo(ObjectionStatus.DISMISSED);
			assertThat(objection.objectorName()).isNull();
			assertThat(objection.mobileMasked()).isNull();
		});
	}

	long publish() {
		return publicities.publish(scenery.hostAdmin, scenery.campaign.code(), scenery.secondRound,
				input(LocalDate.of(2080, 6, 10), LocalDate.of(2080, 6, 16)));
	}

	static PublicityInput input(LocalDate startsOn, LocalDate endsOn) {
		return new PublicityInput("结果公示测试名单", startsOn, endsOn, "公示期内接受异议。");
	}

	long objection(long publicityId, long entryId, String address) {
		String mobile = TestAccounts.uniqueMobile();
		publicities.sendCode(publicityId, mobile, address);
		return publicities.fileObjection(publicityId,
				new ObjectionInput(entryId, "赵监督", mobile, sms.lastCodeTo(mobile), "获奖作品疑似抄袭", List.of()), address);
	}

	List<String> states() {
		return jdbc.sql("select state from entry where id = any(cast(:ids as bigint[])) order by id")
			.param("ids",
					"{" + scenery.works[0] + "," + scenery.works[1] + "," + scenery.works[2] + "," + scenery.works[3]
							+ "}")
			.query(String.class)
			.list();
	}

	List<String> steps(long entryId) {
		return jdbc.sql("select step from entry_transition where entry_id = ? order by occurred_at, id")
			.param(entryId)
			.query(String.class)
			.list();
	}

	static Path png() throws IOException {
		Path file = Files.createTempFile("evidence", ".png");
		ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", file.toFile());
		return file;
	}

}
