package cn.zhengji.submission;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Issue 13 item 4: the works of a category the public may vote on — those that reached
 * the end of their approval chain and did not leave the competition
 * ({@link Entries#APPROVED_STATES}), by id. Not scoped to a viewer: the voting module
 * shows only works of a category whose vote is open.
 */
@Component
public class VotableEntries {

	private final JdbcClient jdbc;

	VotableEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The ids of the category's approved works, in id order. One query. */
	public List<Long> inCategory(long categoryId) {
		return jdbc.sql("select id from entry where category_id = :category and state in (:states) order by id")
			.param("category", categoryId)
			.param("states", Entries.APPROVED_STATES.stream().map(Enum::name).toList())
			.query(Long.class)
			.list();
	}

}
