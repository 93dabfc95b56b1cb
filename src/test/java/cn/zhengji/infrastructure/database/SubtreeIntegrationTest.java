package cn.zhengji.infrastructure.database;

import java.util.List;

import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ZhengjiTest
class SubtreeIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aSubtreeHoldsItsOwnPathAndEverythingBelowButNotALookalikeSibling() {
		List<String> paths = List.of("/1/14/", "/1/14/40/", "/1/140/", "/1/1/", "/2/");
		Subtree subtree = new Subtree("/1/14/");

		List<String> inside = jdbc
			.sql("select path from unnest(cast(:paths as text[])) as t(path) where " + Subtree.sql("path", "scope")
					+ " order by path")
			.param("paths", paths.toArray(String[]::new))
			.param("scope", subtree.pattern())
			.query(String.class)
			.list();

		assertThat(inside).containsExactly("/1/14/", "/1/14/40/");
		assertThat(new Subtree("/").pattern()).isEqualTo("/%");
	}

	@Test
	void onlyAnOrganisationPathOrTheScopeOfNoneMakesASubtree() {
		assertThat(new Subtree("#none#").pattern()).isEqualTo("#none#%");
		for (String notAPath : new String[] { "/1/14", "1/14/", "/1/%/", "/1/_/", "", "/a/" }) {
			assertThatThrownBy(() -> new Subtree(notAPath)).isInstanceOf(IllegalArgumentException.class);
		}
		assertThatThrownBy(() -> new Subtree(null)).isInstanceOf(IllegalArgumentException.class);
	}

	/**
	 * The predicate keeps the text_pattern_ops indexes in use: planned for its pattern
	 * (as the dashboard's transaction forces), also once the driver has made the
	 * statement a prepared one.
	 */
	@Test
	void thePathIndexesAnswerThePredicateAsARange() {
		String pattern = new Subtree("/1/14/").pattern();
		List<String> statements = List.of(
				"select count(*) from offline_event where campaign_id = 1 and "
						+ Subtree.sql("organisation_path", "scope"),
				"select count(*) from entry where campaign_id = 1 and " + Subtree.sql("organisation_path", "scope"),
				"select count(*) from unit_reach where campaign_id = 1 and "
						+ Subtree.sql("organisation_path", "scope"),
				"select id from organisation where " + Subtree.sql("path", "scope"),
				"select id from audit_event where " + Subtree.sql("organisation_path", "scope"));
		transactions.executeWithoutResult(status -> {
			jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
			// Tables of a test database are small enough to scan; the question is whether
			// the index can answer.
			jdbc.sql("set local enable_seqscan = off").update();
			for (String statement : statements) {
				for (int run = 0; run < 7; run++) {
					String plan = String.join("\n",
							jdbc.sql("explain " + statement).param("scope", pattern).query(String.class).list());
					assertThat(plan).as(statement)
						.contains("~>=~ '/1/14/'::text")
						.contains("~<~ '/1/140'::text")
						.containsPattern("Index (Only )?Scan");
				}
			}
		});
	}

}
