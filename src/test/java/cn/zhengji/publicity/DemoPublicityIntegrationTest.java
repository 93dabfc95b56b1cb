package cn.zhengji.publicity;

import java.util.List;

import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 item 1, demonstration data: on the finished demonstration campaign the
 * micro-video awards passed their publicity period and are final (in the showcase), the
 * song awards are in publicity now with the objection form open; a second start changes
 * nothing.
 */
@ZhengjiTest
class DemoPublicityIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Publicities publicities;

	@Autowired
	DemoPublicity demo;

	@Test
	void theDemoShowsOneFinalSetAndOneInPublicity() {
		assertThat(states()).containsExactly("micro-video AWARD_FINAL", "micro-video AWARD_FINAL",
				"micro-video AWARD_FINAL", "song IN_PUBLICITY", "song IN_PUBLICITY");
		List<PublicityView> lists = publicities.all()
			.stream()
			.filter((view) -> view.campaignCode().equals("demo-results"))
			.toList();
		assertThat(lists).extracting(PublicityView::state).containsExactlyInAnyOrder("FINAL", "OPEN");
		assertThat(lists).filteredOn(PublicityView::open).singleElement().satisfies((open) -> {
			assertThat(open.works()).hasSize(2);
			assertThat(open.title()).contains("歌曲");
		});

		demo.run(null);
		assertThat(jdbc.sql("""
				select count(*) from publicity p join campaign c on c.id = p.campaign_id where c.code = 'demo-results'
				""").query(Integer.class).single()).isEqualTo(2);
		assertThat(states()).hasSize(5);
	}

	private List<String> states() {
		return jdbc.sql("""
				select k.code || ' ' || e.state from entry e join campaign c on c.id = e.campaign_id
				join campaign_category k on k.id = e.category_id
				where c.code = 'demo-results' order by k.code, e.state, e.id
				""").query(String.class).list();
	}

}
