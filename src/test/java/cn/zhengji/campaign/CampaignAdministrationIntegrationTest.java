package cn.zhengji.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

@ZhengjiTest
class CampaignAdministrationIntegrationTest {

	@Autowired
	CampaignAdministration administration;

	@Autowired
	Campaigns campaigns;

	@Autowired
	Organisations organisations;

	@Autowired
	JdbcClient jdbc;

	SignedInUser admin;

	String code;

	@BeforeEach
	void copyFujian() {
		admin = CampaignTestUsers.platformAdmin(organisations.getByCode("fj"));
		code = "fujian-2026-" + UUID.randomUUID().toString().substring(0, 8);
	}

	@Test
	void copyingTo2026MovesEveryPhaseByWholeYearsAndCopiesTheDefinition() {
		Campaign source = campaigns.getByCode("fujian-2024");

		Campaign copy = administration.copy(admin, "fujian-2024", code, "2026年“网聚职工正能量 争做八闽好网民”主题活动", 2026);

		assertThat(copy.year()).isEqualTo(2026);
		assertThat(copy.copiedFromId()).isEqualTo(source.id());
		assertThat(copy.definitionSource()).isNull();
		assertThat(copy.shortTitle()).isEqualTo("2026八闽好网民");
		assertThat(copy.phase(PhaseKind.SUBMISSION).orElseThrow()).extracting(Phase::startsOn, Phase::endsOn)
			.containsExactly(LocalDate.of(2026, 5, 1), LocalDate.of(2026, 8, 30));
		assertThat(copy.phase(PhaseKind.SUMMARY).orElseThrow()).extracting(Phase::startsOn, Phase::endsOn)
			.containsExactly(LocalDate.of(2026, 11, 1), null);
		assertThat(campaigns.categories(copy)).extracting(Category::code)
			.isEqualTo(campaigns.categories(source).stream().map(Category::code).toList());
		assertThat(campaigns.category(copy, "good-netizen").orElseThrow().rules())
			.isEqualTo(campaigns.category(source, "good-netizen").orElseThrow().rules());
		assertThat(campaigns.declarations(copy)).hasSize(3);
		assertThat(campaigns.allocationTotal(copy)).isEqualTo(100);
		assertThat(jdbc.sql(
				"select count(*) from audit_event where target_type = 'campaign' and target_id = ? and action = 'CREATED'")
			.param(String.valueOf(copy.id()))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aTakenCodeIsRefusedByTheDatabase() {
		assertThatThrownBy(() -> administration.copy(admin, "fujian-2024", "national-2024", "重复", 2026))
			.isInstanceOf(DuplicateKeyException.class);
		assertThatThrownBy(() -> administration.copy(admin, "fujian-2024", "Bad Code", "名称", 2026))
			.isInstanceOfSatisfying(CampaignChangeRejected.class,
					rejected -> assertThat(rejected.messageCode()).isEqualTo("campaign.copy.codeFormat"));
	}

	@Test
	void changesCategoryRulesAndRefusesInconsistentValues() {
		administration.copy(admin, "fujian-2024", code, "规则测试", 2026);
		Category microVideo = campaigns.category(campaigns.getByCode(code), "micro-video").orElseThrow();

		assertThatThrownBy(() -> administration.changeCategoryRules(admin, code, "micro-video",
				new CategoryRuleValues(400, 300, 1024, null, null, null), microVideo.version()))
			.isInstanceOfSatisfying(CampaignChangeRejected.class,
					rejected -> assertThat(rejected.field()).isEqualTo("maxDurationSeconds"));

		Category changed = administration.changeCategoryRules(admin, code, "micro-video",
				new CategoryRuleValues(15, 180, 500, null, null, null), microVideo.version());

		var media = changed.rules().attachment("work").orElseThrow();
		assertThat(media.media().minDurationSeconds()).isEqualTo(15);
		assertThat(media.media().maxDurationSeconds()).isEqualTo(180);
		assertThat(media.maxFileSizeMb()).isEqualTo(500);
		assertThat(changed.changedByAdmin()).isTrue();
		assertThat(changed.version()).isEqualTo(microVideo.version() + 1);
		assertThatThrownBy(() -> administration.changeCategoryRules(admin, code, "micro-video",
				new CategoryRuleValues(20, 180, 500, null, null, null), microVideo.version()))
			.isInstanceOf(OptimisticLockingFailureException.class);
	}

	@Test
	void changesAllocationsAndMarksThemAsChangedByTheAdmin() {
		Campaign copy = administration.copy(admin, "fujian-2024", code, "分配测试", 2026);

		administration.changeAllocations(admin, code, Map.of("fj-fuzhou", 15, "fj-pingtan", 2), copy.version());

		Map<String, Allocation> byUnit = campaigns.allocations(copy)
			.stream()
			.collect(java.util.stream.Collectors.toMap(Allocation::organisationCode, a -> a));
		assertThat(byUnit.get("fj-fuzhou").events()).isEqualTo(15);
		assertThat(byUnit.get("fj-fuzhou").changedByAdmin()).isTrue();
		assertThat(byUnit.get("fj-xiamen").changedByAdmin()).isFalse();
		assertThat(campaigns.allocationTotal(copy)).isEqualTo(103);
		assertThatThrownBy(
				() -> administration.changeAllocations(admin, code, Map.of("fj-fuzhou", -1), copy.version() + 1))
			.isInstanceOf(CampaignChangeRejected.class);
	}

	@Test
	void onlyThePlatformAdminMayChangeCampaigns() {
		SignedInUser cityAdmin = CampaignTestUsers.organisationAdmin(organisations.getByCode("fj-fuzhou"));

		assertThatThrownBy(() -> administration.changePhaseDates(cityAdmin, "fujian-2024", PhaseKind.SUBMISSION,
				LocalDate.of(2024, 5, 1), LocalDate.of(2024, 9, 30), 0))
			.isInstanceOf(NotFoundException.class);
		assertThat(campaigns.getByCode("fujian-2024").phase(PhaseKind.SUBMISSION).orElseThrow().endsOn())
			.isEqualTo(LocalDate.of(2024, 8, 30));
	}

}
