package cn.zhengji.support;

import java.util.ArrayList;
import java.util.List;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Counts the SQL statements that the current thread sends to the database while an action
 * runs. MockMvc serves a request on the test's own thread, so the statements of one page
 * request are counted and nothing else: not the scheduler's polling, not another test's
 * work. Each execution is one count (a batch is one round trip).
 */
public final class QueryCounter implements QueryExecutionListener {

	private final ThreadLocal<List<String>> recording = new ThreadLocal<>();

	/** What an action sent to the database, in order. */
	public record Statements(List<String> sql) {

		public int count() {
			return sql.size();
		}

		@Override
		public String toString() {
			return count() + " statements:\n  " + String.join("\n  ", sql);
		}

	}

	/** An action that may throw, like a MockMvc request. */
	@FunctionalInterface
	public interface Action {

		void run() throws Exception;

	}

	public Statements statementsOf(Action action) throws Exception {
		List<String> sql = new ArrayList<>();
		recording.set(sql);
		try {
			action.run();
		}
		finally {
			recording.remove();
		}
		return new Statements(List.copyOf(sql));
	}

	@Override
	public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
	}

	@Override
	public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
		List<String> sql = recording.get();
		if (sql != null) {
			sql.add(queries.isEmpty() ? "?" : queries.getFirst().getQuery().strip().replaceAll("\\s+", " "));
		}
	}

}
