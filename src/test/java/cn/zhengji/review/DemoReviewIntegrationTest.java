package cn.zhengji.review;

import java.util.List;

import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, demonstration data: after the start, demo-expert has the first round of the
 * demonstration campaign's 特色应用系统 open today, with the demonstration works the host
 * approved, which it can open and score.
 */
@ZhengjiTest
class DemoReviewIntegrationTest {

	@Autowired
	ScoreSheets sheets;

	@Autowired
	TestAccounts accounts;

	@Autowired
	DemoReview demoReview;

	@Test
	void theDemonstrationExpertHasAnOpenRoundWithTheDemonstrationWorks() {
		SignedInUser expert = accounts.signedIn("demo-expert");

		List<ExpertRound> rounds = sheets.rounds(expert);

		ExpertRound round = rounds.stream()
			.filter((candidate) -> candidate.categoryName().equals("数治提效特色应用系统征集"))
			.findFirst()
			.orElseThrow();
		assertThat(round.roundName()).isEqualTo("初评");
		assertThat(round.standing()).isEqualTo(SheetStanding.OPEN);
		assertThat(round.workCount()).isGreaterThanOrEqualTo(3);
		ExpertRound withWorks = sheets.round(expert, round.roundId());
		assertThat(withWorks.works()).extracting(ExpertRound.Work::title)
			.contains("职工服务“码上办”小程序", "产业工人技能积分管理系统", "基层工会经费网上审批平台");
		long entryId = withWorks.works().getFirst().entryId();
		assertThat(sheets.work(expert, round.roundId(), entryId).texts()).hasSize(4);
		assertThat(sheets.sheet(expert, round.roundId(), entryId).standing().editable()).isTrue();

		// A second start changes nothing.
		demoReview.run(null);
		assertThat(sheets.round(expert, round.roundId()).workCount()).isEqualTo(withWorks.workCount());
	}

}
