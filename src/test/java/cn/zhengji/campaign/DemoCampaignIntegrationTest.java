package cn.zhengji.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@ZhengjiTest
class DemoCampaignIntegrationTest {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	Texts texts;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignCopier copier;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLog auditLog;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Clock clock;

	@Test
	void theDemonstrationCampaignAcceptsWorksTodayAndIsMarked() {
		Campaign demo = campaigns.getByCode(DemoCampaign.CODE);
		Campaign fujian = campaigns.getByCode("fujian-2024");

		assertThat(demo.demo()).isTrue();
		// Not labelled with a year it is not: the demonstration runs this year.
		assertThat(demo.title()).isEqualTo("【演示】“网聚职工正能量 争做八闽好网民”主题活动");
		assertThat(demo.shortTitle()).doesNotContain("2024");
		assertThat(demo.copiedFromId()).isEqualTo(fujian.id());
		assertThat(demo.acceptsSubmissions(clock.instant())).isTrue();
		assertThat(demo.phase(PhaseKind.SUBMISSION).orElseThrow().startsOn())
			.isEqualTo(LocalDate.ofInstant(clock.instant(), SHANGHAI).minusDays(30));
		assertThat(campaigns.categories(demo)).hasSize(7);
		assertThat(campaigns.allocationTotal(demo)).isEqualTo(100);
		// Rubrics and rounds come along; the rounds move with the REVIEW phase.
		long song = campaigns.category(demo, "song").orElseThrow().id();
		assertThat(campaigns.rubric(song).orElseThrow().maximum()).isEqualTo(100);
		assertThat(campaigns.reviewRounds(song).getFirst().startsOn())
			.isEqualTo(demo.phase(PhaseKind.REVIEW).orElseThrow().startsOn());
	}

	@Test
	void theDemonstrationsTextsNameItsOwnDates() {
		Campaign demo = campaigns.getByCode(DemoCampaign.CODE);
		LocalDate deadline = demo.phase(PhaseKind.SUBMISSION).orElseThrow().endsOn();
		LocalDate recommendedBy = demo.phase(PhaseKind.RECOMMENDATION).orElseThrow().endsOn();
		String day = day(deadline, demo.year());

		assertThat(demo.platformNote()).contains("请于" + day + "前").doesNotContain("8月30日");
		assertThat(demo.phase(PhaseKind.SUBMISSION).orElseThrow().description()).contains(day + "前")
			.doesNotContain("8月30日");
		assertThat(demo.phase(PhaseKind.RECOMMENDATION).orElseThrow().description())
			.contains(day(recommendedBy, demo.year()) + "前");
	}

	@Test
	void aLaterStartMovesAClosedDemonstrationSoThatItAcceptsWorksAgain() {
		Clock later = Clock.fixed(ZonedDateTime.of(2031, 3, 10, 9, 0, 0, 0, SHANGHAI).toInstant(), SHANGHAI);
		DemoCampaign demo = new DemoCampaign(campaigns, copier, jdbc, auditLog, later, texts);
		Phase fujianSubmission = campaigns.getByCode("fujian-2024").phase(PhaseKind.SUBMISSION).orElseThrow();

		transactions.executeWithoutResult(status -> {
			demo.ensure();
			Campaign moved = campaigns.getByCode(DemoCampaign.CODE);
			assertThat(moved.acceptsSubmissions(later.instant())).isTrue();
			assertThat(moved.phase(PhaseKind.SUBMISSION).orElseThrow()).extracting(Phase::startsOn, Phase::endsOn)
				.containsExactly(LocalDate.of(2031, 2, 8), LocalDate.of(2031, 2, 8)
					.plusDays(fujianSubmission.endsOn().toEpochDay() - fujianSubmission.startsOn().toEpochDay()));
			assertThat(moved.year()).isEqualTo(2031);
			assertThat(
					campaigns.reviewRounds(campaigns.category(moved, "song").orElseThrow().id()).getFirst().startsOn())
				.isEqualTo(moved.phase(PhaseKind.REVIEW).orElseThrow().startsOn());
			LocalDate deadline = moved.phase(PhaseKind.SUBMISSION).orElseThrow().endsOn();
			assertThat(moved.platformNote()).contains("请于" + day(deadline, 2031) + "前");
			status.setRollbackOnly();
		});
	}

	@Test
	void anAdminChangedDemonstrationKeepsItsDates() {
		Clock later = Clock.fixed(ZonedDateTime.of(2031, 3, 10, 9, 0, 0, 0, SHANGHAI).toInstant(), SHANGHAI);
		DemoCampaign demo = new DemoCampaign(campaigns, copier, jdbc, auditLog, later, texts);

		transactions.executeWithoutResult(status -> {
			Campaign before = campaigns.getByCode(DemoCampaign.CODE);
			jdbc.sql("update campaign_phase set changed_by_admin = true where campaign_id = ? and kind = 'REVIEW'")
				.param(before.id())
				.update();
			demo.ensure();
			assertThat(campaigns.getByCode(DemoCampaign.CODE).phases()).extracting(Phase::startsOn)
				.isEqualTo(before.phases().stream().map(Phase::startsOn).toList());
			status.setRollbackOnly();
		});
	}

	/** A day as the texts name it: with its year only when it is not the campaign's. */
	private static String day(LocalDate day, int campaignYear) {
		return (day.getYear() == campaignYear ? "" : day.getYear() + "年") + day.getMonthValue() + "月"
				+ day.getDayOfMonth() + "日";
	}

}
