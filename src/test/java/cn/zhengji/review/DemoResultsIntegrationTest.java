package cn.zhengji.review;

import java.util.List;
import java.util.Map;

import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, demonstration data: the finished demonstration campaign has five works with
 * real files whose review ended with awards in locked rounds, written through the
 * entries' own transitions; a second start changes nothing.
 */
@ZhengjiTest
class DemoResultsIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AwardedLevels awardedLevels;

	@Autowired
	DemoResults demoResults;

	@Test
	void theFinishedCampaignsWorksWereAwardedInLockedRounds() {
		List<Long> works = jdbc.sql("""
				select e.id from entry e join campaign c on c.id = e.campaign_id
				where c.code = 'demo-results' order by e.id
				""").query(Long.class).list();
		assertThat(works).hasSize(5);
		Map<Long, AwardedLevels.AwardedLevel> levels = awardedLevels.of(works);
		assertThat(levels.values()).extracting(AwardedLevels.AwardedLevel::levelName)
			.containsExactly("一等奖", "一等奖", "二等奖", "二等奖", "三等奖");
		assertThat(jdbc.sql("""
				select count(*) from entry_transition t where t.entry_id = any(cast(:ids as bigint[]))
				and t.step = 'AWARDED'
				""").param("ids", ids(works)).query(Integer.class).single()).isEqualTo(5);
		assertThat(jdbc.sql("""
				select a.file_name from entry_attachment a where a.entry_id = any(cast(:ids as bigint[]))
				order by a.entry_id, a.slot_key
				""").param("ids", ids(works)).query(String.class).list()).containsExactly("demo-video.mp4",
				"demo-video.mp4", "demo-video.mp4", "demo-score.png", "demo-song.mp3", "demo-score.png",
				"demo-video.mp4");

		demoResults.run(null);
		assertThat(jdbc.sql("select count(*) from review_award a where a.entry_id = any(cast(:ids as bigint[]))")
			.param("ids", ids(works))
			.query(Integer.class)
			.single()).isEqualTo(5);
	}

	private static String ids(List<Long> works) {
		return works.toString().replace('[', '{').replace(']', '}').replace(" ", "");
	}

}
