package cn.zhengji.infrastructure.database;

import java.util.regex.Pattern;

import cn.zhengji.infrastructure.security.SignedInUser;

/**
 * The one subtree-scope predicate: a union and everything below it, by its materialized
 * path ({@code /1/14/203/}). A row lies in the subtree when its path starts with the
 * subtree's path; in SQL that is {@code <column> like :<parameter>} with the parameter
 * bound to {@link #pattern()} (the path and {@code %}), and nothing else.
 *
 * <p>
 * Why the pattern is one parameter and not {@code :path || '%'}: the btree indexes with
 * {@code text_pattern_ops} ({@code organisation_path_ix}, {@code entry_campaign_path_ix},
 * {@code offline_event_campaign_path_ix}, …) answer a LIKE whose pattern is known when
 * the query is planned; a custom plan (every plan of the dashboard's transaction, which
 * sets {@code plan_cache_mode = force_custom_plan}) then turns {@code like '/1/14/%'}
 * into the index range {@code >= '/1/14/' and < '/1/140'}. Paths hold only digits and
 * slashes, so the pattern needs no LIKE escaping; anything else is refused here, never
 * put in a pattern.
 *
 * <pre>
 * Subtree scope = Subtree.administeredBy(actor);
 * jdbc.sql("select ... from entry e where " + Subtree.sql("e.organisation_path", "scope"))
 *     .param("scope", scope.pattern())
 * </pre>
 */
public record Subtree(String path) {

	/**
	 * What {@link SignedInUser#adminScope()} answers for a non-admin: a path no row has.
	 */
	private static final String NOTHING = "#none#";

	private static final Pattern PATH = Pattern.compile("/(\\d+/)*");

	public Subtree {
		if (path == null || !(PATH.matcher(path).matches() || path.equals(NOTHING))) {
			throw new IllegalArgumentException("not an organisation path: " + path);
		}
	}

	/**
	 * The subtree an actor administers: the whole tree, its organisation's, or (not an
	 * admin) none.
	 */
	public static Subtree administeredBy(SignedInUser actor) {
		return new Subtree(actor.adminScope());
	}

	/**
	 * The SQL condition "the path in {@code column} lies in the subtree bound as
	 * {@code parameter}" (bind {@link #pattern()} to it).
	 */
	public static String sql(String column, String parameter) {
		return column + " like :" + parameter;
	}

	/**
	 * The SQL condition "the path in {@code column} lies in the subtree of the path in
	 * {@code topColumn}", for a correlated sub-select (no index range: the pattern is a
	 * column).
	 */
	public static String sqlBelowColumn(String column, String topColumn) {
		return column + " like " + topColumn + " || '%'";
	}

	/** The LIKE pattern to bind to the parameter of {@link #sql}. */
	public String pattern() {
		return path + "%";
	}
}
