package cn.zhengji.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import cn.zhengji.campaign.ReviewRound.EntryRule;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12 items 2 and 5: rubrics and review rounds as campaign data, through the real
 * loader and database.
 */
@ZhengjiTest
class CampaignReviewDefinitionIntegrationTest {

	@Autowired
	CampaignDefinitionLoader loader;

	@Autowired
	Campaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFujianFileGivesEachCategoryItsRubricAndRounds() {
		Campaign fujian = campaigns.getByCode("fujian-2024");

		Rubric system = campaigns.rubric(category(fujian, "application-system").id()).orElseThrow();
		assertThat(system.criteria())
			.extracting(RubricCriterion::code, RubricCriterion::name, RubricCriterion::maxPoints)
			.containsExactly(tuple("needs", "需求与方案", 30), tuple("product", "产品设计", 25), tuple("interface", "界面设计", 20),
					tuple("promotion", "运营推广", 25));
		assertThat(system.criteria()).allSatisfy(criterion -> assertThat(criterion.guidance()).isNotBlank());
		Rubric digitalUnion = campaigns.rubric(category(fujian, "digital-union").id()).orElseThrow();
		assertThat(digitalUnion.criteria()).extracting(RubricCriterion::name, RubricCriterion::maxPoints)
			.containsExactly(tuple("保障", 20), tuple("基础", 20), tuple("创新", 25), tuple("效果", 25), tuple("展示", 10));
		assertThat(campaigns.rubric(category(fujian, "song").id()).orElseThrow().criteria())
			.extracting(RubricCriterion::name, RubricCriterion::maxPoints)
			.containsExactly(tuple("思想性", 30), tuple("艺术性", 30), tuple("创新性", 20), tuple("传播力", 20));
		assertThat(campaigns.categories(fujian))
			.allSatisfy(category -> assertThat(campaigns.rubric(category.id()).orElseThrow().maximum()).isEqualTo(100));

		assertThat(campaigns.reviewRounds(category(fujian, "song").id()))
			.extracting(ReviewRound::order, ReviewRound::name, ReviewRound::entryRule, ReviewRound::entryNumber,
					ReviewRound::expertsPerWork, ReviewRound::startsOn, ReviewRound::endsOn)
			.containsExactly(
					tuple(1, "初评", EntryRule.APPROVED_BY_HOST, null, 3, LocalDate.of(2024, 9, 1),
							LocalDate.of(2024, 9, 15)),
					tuple(2, "复评", EntryRule.TOP_SHARE, 30, 5, LocalDate.of(2024, 9, 16), LocalDate.of(2024, 9, 25)));
		assertThat(campaigns.reviewRounds(category(fujian, "digital-union").id())).extracting(ReviewRound::name)
			.containsExactly("初评");

		Campaign national = campaigns.getByCode("national-2024");
		assertThat(campaigns.rubric(category(national, "song").id())).isEmpty();
		assertThat(campaigns.reviewRounds(category(national, "song").id())).isEmpty();
	}

	@Test
	void anEditedFileChangesTheRubricAndRoundsAsANewVersionUnlessAnAdminChangedThem() throws IOException {
		String source = "campaign-test/review-versioned.yaml";
		String code = "test-review-versioned";
		loader.load(source, read("campaign-test/versioned-v1.yaml", code));
		Campaign campaign = campaigns.getByCode(code);
		long microVideo = category(campaign, "micro-video").id();
		RubricCriterion content = campaigns.rubric(microVideo).orElseThrow().criteria().getFirst();
		assertThat(campaigns.rubric(microVideo).orElseThrow().criteria())
			.extracting(RubricCriterion::code, RubricCriterion::maxPoints, RubricCriterion::guidance)
			.containsExactly(tuple("content", 60, "主题鲜明。"), tuple("form", 40, null));
		assertThat(campaigns.reviewRounds(microVideo)).extracting(ReviewRound::code, ReviewRound::expertsPerWork)
			.containsExactly(tuple("first", 3), tuple("second", 5));

		var second = loader.load(source, read("campaign-test/versioned-v2.yaml", code));

		assertThat(second.version()).isEqualTo(2);
		assertThat(second.outcome()).contains(DefinitionOutcome.APPLIED);
		Rubric rubric = campaigns.rubric(microVideo).orElseThrow();
		assertThat(rubric.criteria())
			.extracting(RubricCriterion::code, RubricCriterion::maxPoints, RubricCriterion::guidance)
			.containsExactly(tuple("reach", 20, null), tuple("content", 40, "主题鲜明、导向正确。"), tuple("form", 40, null));
		assertThat(rubric.maximum()).isEqualTo(100);
		// the criterion keeps its row, so that what refers to it keeps referring to it
		assertThat(rubric.criteria().get(1).id()).isEqualTo(content.id());
		assertThat(campaigns.reviewRounds(microVideo))
			.extracting(ReviewRound::code, ReviewRound::entryRule, ReviewRound::entryNumber,
					ReviewRound::expertsPerWork, ReviewRound::startsOn)
			.containsExactly(tuple("first", EntryRule.APPROVED_BY_HOST, null, 3, LocalDate.of(2025, 10, 1)),
					tuple("second", EntryRule.TOP_N, 10, 7, LocalDate.of(2025, 10, 16)));
		Category changed = category(campaigns.getByCode(code), "micro-video");
		assertThat(changed.rubricVersion()).isEqualTo(1);
		assertThat(changed.reviewRoundsVersion()).isEqualTo(1);

		// No admin pages yet: an admin's edit is what sets these flags.
		jdbc.sql("""
				update campaign_category set rubric_changed_by_admin = true, review_rounds_changed_by_admin = true
				where id = ?
				""").param(microVideo).update();
		var third = loader.load(source,
				read("campaign-test/versioned-v2.yaml", code)
					.replace("code: form, name: 形式, maxPoints: 40", "code: form, name: 形式, maxPoints: 30")
					.replace("expertsPerWork: 7", "expertsPerWork: 9"));

		assertThat(third.version()).isEqualTo(3);
		assertThat(third.outcome()).contains(DefinitionOutcome.APPLIED_WITH_CONFLICTS);
		assertThat(third.conflicts()).containsExactly(
				new DefinitionConflict("评分细则：微视频", "传播力 20分；内容 40分；形式 40分", "传播力 20分；内容 40分；形式 30分"),
				new DefinitionConflict("评审轮次：微视频",
						"初评（2025-10-01 至 2025-10-15，每件作品 3 位专家）；复评（2025-10-16 至 2025-10-31，每件作品 7 位专家）",
						"初评（2025-10-01 至 2025-10-15，每件作品 3 位专家）；复评（2025-10-16 至 2025-10-31，每件作品 9 位专家）"));
		assertThat(campaigns.rubric(microVideo).orElseThrow().criteria()).extracting(RubricCriterion::maxPoints)
			.containsExactly(20, 40, 40);
		assertThat(campaigns.reviewRounds(microVideo)).extracting(ReviewRound::expertsPerWork).containsExactly(3, 7);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"code: form, name: 形式|code: content, name: 形式|rubric criterion code content appears twice",
			"maxPoints: 40|maxPoints: 0|rubric criterion form needs maxPoints from 1 to 1000, not 0",
			"entryRule: TOP_N, entryNumber: 10|entryRule: TOP_N|review round second: TOP_N needs entryNumber",
			"entryRule: TOP_N, entryNumber: 10|entryRule: TOP_SHARE, entryNumber: 101|review round second: TOP_SHARE needs entryNumber",
			"expertsPerWork: 5|expertsPerWork: 16|review round second needs expertsPerWork from 1 to 15, not 16",
			"expertsPerWork: 3|expertsPerWork: 0|review round first needs expertsPerWork from 1 to 15, not 0",
			"startsOn: 2025-09-16, endsOn: 2025-09-30|startsOn: 2025-09-16, endsOn: 2025-10-02|review round second (2025-09-16 to 2025-10-02) lies outside the REVIEW phase (2025-09-01 to 2025-09-30)",
			"startsOn: 2025-09-01, endsOn: 2025-09-15|startsOn: 2025-08-30, endsOn: 2025-09-15|review round first (2025-08-30 to 2025-09-15) lies outside the REVIEW phase",
			"startsOn: 2025-09-16|startsOn: 2025-09-10|review round second starts before review round first has ended",
			"endsOn: 2025-09-15|endsOn: 2025-08-15|review round first ends before it starts",
			"entryRule: APPROVED_BY_HOST|entryRule: TOP_SHARE, entryNumber: 50|review round first is the first round and so must take APPROVED_BY_HOST" })
	void aDefinitionWithAnInvalidRubricOrRoundIsRefused(String from, String to, String message) throws IOException {
		String content = read("campaign-test/versioned-v1.yaml", "test-review-refused");
		assertThat(content).contains(from);
		String source = "campaign-test/review-refused.yaml";

		assertThatThrownBy(() -> loader.load(source, content.replace(from, to)))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageStartingWith(source + ": category micro-video: ")
			.hasMessageContaining(message);
		assertThat(campaigns.findByCode("test-review-refused")).isEmpty();
	}

	@Test
	void theDatabaseRefusesWhatTheLoaderWouldRefuse() {
		long song = category(campaigns.getByCode("fujian-2024"), "song").id();
		String round = """
				insert into review_round (category_id, code, name, round_order, entry_rule, entry_number,
				    experts_per_work, starts_on, ends_on)
				values (?, ?, 'x', ?, ?, ?, ?, date '2024-09-26', ?)
				""";
		assertThatThrownBy(
				() -> jdbc.sql(round).params(song, "third", 3, "TOP_N", null, 3, LocalDate.of(2024, 9, 27)).update())
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("review_round_entry_number_ck");
		assertThatThrownBy(
				() -> jdbc.sql(round).params(song, "third", 3, "TOP_N", 5, 16, LocalDate.of(2024, 9, 27)).update())
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("review_round_experts_ck");
		assertThatThrownBy(
				() -> jdbc.sql(round).params(song, "third", 3, "TOP_N", 5, 3, LocalDate.of(2024, 9, 25)).update())
			.isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("review_round_dates_ck");
		assertThatThrownBy(() -> jdbc.sql(round)
			.params(song, "third", 3, "APPROVED_BY_HOST", null, 3, LocalDate.of(2024, 9, 27))
			.update()).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("review_round_first_ck");
		assertThatThrownBy(() -> jdbc.sql("""
				insert into rubric_criterion (category_id, code, name, max_points, sort_order)
				values (?, 'thought', 'x', 10, 99)
				""").param(song).update()).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("rubric_criterion_code_uq");
		assertThatThrownBy(() -> jdbc.sql("""
				insert into rubric_criterion (category_id, code, name, max_points, sort_order)
				values (?, 'other', 'x', 0, 99)
				""").param(song).update()).isInstanceOf(DataIntegrityViolationException.class)
			.hasMessageContaining("rubric_criterion_max_points_ck");
	}

	private Category category(Campaign campaign, String code) {
		return campaigns.category(campaign, code).orElseThrow();
	}

	private static String read(String resource, String code) throws IOException {
		return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8)
			.replace("code: test-versioned", "code: " + code);
	}

}
