package cn.zhengji.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.zhengji.campaign.CategoryRules.AspectRatio;
import cn.zhengji.campaign.CategoryRules.FileKind;
import cn.zhengji.campaign.CategoryRules.JudgementKind;
import cn.zhengji.campaign.CategoryRules.Resolution;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

@ZhengjiTest
class CampaignSeedIntegrationTest {

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignSeed seed;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loadsTheFujianCampaignWithItsPhasesAndAllocation() {
		Campaign fujian = campaigns.getByCode("fujian-2024");

		assertThat(fujian.title()).isEqualTo("2024年“网聚职工正能量 争做八闽好网民”主题活动");
		assertThat(fujian.documentNumber()).isEqualTo("闽工〔2024〕41号");
		assertThat(fujian.hostOrganisationCode()).isEqualTo("fj");
		assertThat(fujian.organisers()).isEqualTo("福建省总工会、中共福建省委网信办");
		assertThat(fujian.timeZone().getId()).isEqualTo("Asia/Shanghai");
		assertThat(fujian.feedsCampaignId()).isEqualTo(campaigns.getByCode("national-2024").id());
		assertThat(fujian.phases()).extracting(Phase::kind, Phase::startsOn, Phase::endsOn)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(PhaseKind.SUBMISSION, java.time.LocalDate.of(2024, 5, 1),
							java.time.LocalDate.of(2024, 8, 30)),
					org.assertj.core.groups.Tuple.tuple(PhaseKind.REVIEW, java.time.LocalDate.of(2024, 9, 1),
							java.time.LocalDate.of(2024, 9, 30)),
					org.assertj.core.groups.Tuple.tuple(PhaseKind.RECOMMENDATION, java.time.LocalDate.of(2024, 9, 1),
							java.time.LocalDate.of(2024, 9, 30)),
					org.assertj.core.groups.Tuple.tuple(PhaseKind.SUMMARY, java.time.LocalDate.of(2024, 11, 1), null));
		assertThat(campaigns.declarations(fujian)).extracting(Declaration::code, Declaration::textVersion)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("ORIGINALITY", 1),
					org.assertj.core.groups.Tuple.tuple("DISSEMINATION_RIGHTS", 1),
					org.assertj.core.groups.Tuple.tuple("LIABILITY", 1));

		Map<String, Integer> events = eventsByUnit(fujian);
		assertThat(events).hasSize(10);
		assertThat(events.get("fj-fuzhou")).isEqualTo(13);
		assertThat(events.get("fj-xiamen")).isEqualTo(13);
		assertThat(events.get("fj-quanzhou")).isEqualTo(13);
		assertThat(events.get("fj-pingtan")).isEqualTo(1);
		assertThat(campaigns.allocationTotal(fujian)).isEqualTo(100);
	}

	@Test
	void definesTheSevenFujianCategoriesWithTheirRulesAsData() {
		Campaign fujian = campaigns.getByCode("fujian-2024");
		List<Category> categories = campaigns.categories(fujian);

		assertThat(categories).extracting(Category::name)
			.containsExactly("网络正能量歌曲征集", "网络正能量微视频征集", "数治提效特色应用系统征集", "数字赋能工会征集", "娘家人微故事征集", "网络安全优秀作品征集",
					"八闽职工好网民征集");

		CategoryRules microVideo = campaigns.category(fujian, "micro-video").orElseThrow().rules();
		var work = microVideo.attachment("work").orElseThrow();
		assertThat(work.accepted()).containsExactly(FileKind.MP4);
		assertThat(work.media().minDurationSeconds()).isEqualTo(30);
		assertThat(work.media().maxDurationSeconds()).isEqualTo(300);
		assertThat(work.media().resolutions()).containsExactly(Resolution.FHD_LANDSCAPE, Resolution.FHD_PORTRAIT);
		assertThat(work.media().aspectRatios()).containsExactly(AspectRatio.LANDSCAPE_16_9, AspectRatio.PORTRAIT_9_16);
		assertThat(microVideo.multipleWorksPerPerson()).isTrue();
		assertThat(microVideo.allowsJudgement(JudgementKind.WATERMARK)).isTrue();
		assertThat(microVideo.allowsJudgement(JudgementKind.TITLE_IN_OPENING_CREDITS)).isTrue();

		CategoryRules song = campaigns.category(fujian, "song").orElseThrow().rules();
		assertThat(song.attachment("work").orElseThrow().accepted()).containsExactly(FileKind.MP3, FileKind.MP4);
		assertThat(song.attachment("work").orElseThrow().media().maxDurationSeconds()).isEqualTo(360);
		assertThat(song.attachment("score").orElseThrow().accepted()).containsExactly(FileKind.JPG, FileKind.PNG);
		assertThat(song.attachment("score").orElseThrow().required()).isTrue();

		CategoryRules system = campaigns.category(fujian, "application-system").orElseThrow().rules();
		assertThat(system.textField("introduction").orElseThrow().maxCharacters()).isEqualTo(3000);
		assertThat(system.textField("introduction").orElseThrow().sections()).containsExactly("需求与方案", "产品设计", "界面设计",
				"运营推广");

		CategoryRules digitalUnion = campaigns.category(fujian, "digital-union").orElseThrow().rules();
		assertThat(digitalUnion.textField("evidence").orElseThrow().sections()).containsExactly("保障", "基础", "创新", "效果",
				"展示");
		assertThat(digitalUnion.quotaFor(OrganisationKind.CITY).orElseThrow())
			.extracting(CategoryRules.Quota::min, CategoryRules.Quota::max)
			.containsExactly(1, 2);

		CategoryRules netizen = campaigns.category(fujian, "good-netizen").orElseThrow().rules();
		assertThat(netizen.quotaFor(OrganisationKind.CITY).orElseThrow().max()).isEqualTo(5);
		assertThat(netizen.textField("evidence-text").orElseThrow().maxCharacters()).isEqualTo(1500);
		assertThat(netizen.attachment("evidence-images").orElseThrow().minCount()).isEqualTo(3);
		assertThat(netizen.attachment("evidence-video").orElseThrow().media().maxDurationSeconds()).isEqualTo(300);
		assertThat(netizen.nominationForm()).isTrue();
	}

	@Test
	void loadsTheNationalCampaignWithSubProjectsAllocationAndTargets() {
		Campaign national = campaigns.getByCode("national-2024");

		assertThat(national.documentNumber()).isEqualTo("总工字〔2024〕16号");
		assertThat(national.hostOrganisationCode()).isEqualTo("acftu");
		assertThat(national.phases()).extracting(Phase::kind)
			.containsExactly(PhaseKind.LAUNCH, PhaseKind.ADVANCE, PhaseKind.REVIEW, PhaseKind.RESULTS);
		List<Category> subProjects = campaigns.categories(national);
		assertThat(subProjects).hasSize(10);
		assertThat(campaigns.category(national, "inclusive-service-platform").orElseThrow())
			.extracting(Category::name, Category::hostUnits)
			.containsExactly("互联网+工会普惠服务优秀平台征集", "厦门市总工会");
		assertThat(campaigns.category(national, "song").orElseThrow().hostUnits()).isEqualTo("中国金融工会");

		Map<String, Integer> events = eventsByUnit(national);
		assertThat(events).hasSize(35);
		assertThat(events.get("xz")).isEqualTo(30);
		assertThat(events.get("hi")).isEqualTo(50);
		assertThat(events.get("sn")).isEqualTo(60);
		assertThat(events.get("ind-other")).isEqualTo(110);
		assertThat(campaigns.allocationTotal(national)).isEqualTo(3000);

		assertThat(campaigns.targets(national)).extracting(Target::metric, Target::target)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(TargetMetric.ORGANISATIONS_MOBILISED, 1000L),
					org.assertj.core.groups.Tuple.tuple(TargetMetric.PROMOTERS, 20000L),
					org.assertj.core.groups.Tuple.tuple(TargetMetric.ENTERPRISES_OR_EVENTS, 3000L),
					org.assertj.core.groups.Tuple.tuple(TargetMetric.WORKERS_REACHED, 500000L),
					org.assertj.core.groups.Tuple.tuple(TargetMetric.WORKERS_COVERED, 100000000L));
	}

	@Test
	void aSecondStartChangesNothing() throws Exception {
		Map<String, Object> before = snapshot();

		seed.run(new DefaultApplicationArguments());

		assertThat(snapshot()).isEqualTo(before);
		assertThat(
				jdbc.sql("select version, outcome from campaign_definition where source = 'campaigns/fujian-2024.yaml'")
					.query((rs, n) -> rs.getInt(1) + ":" + rs.getString(2))
					.list())
			.containsExactly("1:CREATED");
	}

	private Map<String, Object> snapshot() {
		return Map.of("definitions", count("campaign_definition"), "campaigns", count("campaign"), "phases",
				count("campaign_phase"), "categories", count("campaign_category"), "allocations",
				count("event_allocation"), "targets", count("campaign_target"), "declarations",
				count("campaign_declaration"), "versions", jdbc.sql("""
						select string_agg(c.code || ':' || c.version || ':' || c.updated_at, ',' order by c.code)
						  || '|' || (select string_agg(id || ':' || version, ',' order by id) from campaign_phase)
						  || '|' || (select string_agg(id || ':' || version, ',' order by id) from campaign_category)
						from campaign c
						""").query(String.class).single());
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private Map<String, Integer> eventsByUnit(Campaign campaign) {
		return campaigns.allocations(campaign)
			.stream()
			.collect(java.util.stream.Collectors.toMap(Allocation::organisationCode, Allocation::events));
	}

}
