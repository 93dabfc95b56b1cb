package cn.zhengji.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import cn.zhengji.organisation.Organisations;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

@ZhengjiTest
class CampaignDefinitionLoaderIntegrationTest {

	private static final String SOURCE = "campaign-test/versioned.yaml";

	@Autowired
	CampaignDefinitionLoader loader;

	@Autowired
	CampaignAdministration administration;

	@Autowired
	Campaigns campaigns;

	@Autowired
	Organisations organisations;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anEditedFileBecomesVersionTwoAndKeepsWhatTheAdminChanged() throws IOException {
		var first = loader.load(SOURCE, read("campaign-test/versioned-v1.yaml"));
		assertThat(first.version()).isEqualTo(1);
		assertThat(first.outcome()).contains(DefinitionOutcome.CREATED);
		assertThat(loader.load(SOURCE, read("campaign-test/versioned-v1.yaml")).unchanged()).isTrue();

		Campaign campaign = campaigns.getByCode("test-versioned");
		Phase submission = campaign.phase(PhaseKind.SUBMISSION).orElseThrow();
		administration.changePhaseDates(CampaignTestUsers.platformAdmin(organisations.getByCode("fj")),
				"test-versioned", PhaseKind.SUBMISSION, LocalDate.of(2025, 5, 1), LocalDate.of(2025, 8, 31),
				submission.version());

		var second = loader.load(SOURCE, read("campaign-test/versioned-v2.yaml"));

		assertThat(second.version()).isEqualTo(2);
		assertThat(second.outcome()).contains(DefinitionOutcome.APPLIED_WITH_CONFLICTS);
		assertThat(second.conflicts())
			.containsExactly(new DefinitionConflict("阶段：自评申报", "2025-05-01 至 2025-08-31", "2025-05-01 至 2025-09-15"));
		Campaign after = campaigns.getByCode("test-versioned");
		assertThat(after.title()).isEqualTo("版本测试活动（修订）");
		assertThat(after.definitionVersion()).isEqualTo(2);
		assertThat(after.phase(PhaseKind.SUBMISSION).orElseThrow().endsOn()).isEqualTo(LocalDate.of(2025, 8, 31));
		assertThat(after.phase(PhaseKind.REVIEW).orElseThrow()).extracting(Phase::startsOn, Phase::endsOn)
			.containsExactly(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 31));
		assertThat(campaigns.category(after, "micro-video")
			.orElseThrow()
			.rules()
			.attachment("work")
			.orElseThrow()
			.media()
			.minDurationSeconds()).isEqualTo(60);
		assertThat(campaigns.categories(after)).extracting(Category::code).containsExactly("micro-video", "song");
		assertThat(campaigns.allocationTotal(after)).isEqualTo(22);

		assertThat(campaigns.definitionVersions(after))
			.extracting(DefinitionVersion::version, DefinitionVersion::outcome)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, DefinitionOutcome.APPLIED_WITH_CONFLICTS),
					org.assertj.core.groups.Tuple.tuple(1, DefinitionOutcome.CREATED));
		assertThat(campaigns.definitionVersions(after).getFirst().conflicts()).hasSize(1);
		assertThat(jdbc.sql("select content_hash from campaign_definition where source = ? and version = 2")
			.param(SOURCE)
			.query(String.class)
			.single()).isEqualTo(CampaignDefinitionLoader.sha256(read("campaign-test/versioned-v2.yaml")));

		var third = loader.load(SOURCE, read("campaign-test/versioned-v2.yaml"));
		assertThat(third.unchanged()).isTrue();
		assertThat(jdbc.sql("select count(*) from campaign_definition where source = ?")
			.param(SOURCE)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	private static String read(String resource) throws IOException {
		return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
	}

}
