package cn.zhengji;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule of issue 14: a module does not read another module's tables in SQL; it asks
 * the owner's API, or the owner publishes a view in its own migration (V145 and later).
 * The map below names the owner of every table the migrations create; the test fails on a
 * table without an owner and on a module whose SQL (the string literals of its
 * {@code src/main/java} sources) names a table of another module after {@code from},
 * {@code join}, {@code into}, {@code update}, {@code table} or {@code truncate}. Views
 * may be named by anyone: they are what a module publishes.
 */
class ModuleTablesTest {

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Path SOURCES = Path.of("src/main/java/cn/zhengji");

	/** Table → the module that owns it (writes it and answers for its columns). */
	static final Map<String, String> OWNERS = owners(Map.of(
			// the tree of unions
			"organisation", List.of("organisation"),
			// accounts, sign-in, second factor, expert profiles
			"account",
			List.of("account", "one_time_code", "recovery_code", "second_factor", "sign_in_address_failure",
					"expert_profile"),
			"audit", List.of("audit_event", "audit_chain_anchor", "audit_denial_bucket"),
			// the campaign definition, its allocations and its review rounds' rubrics and
			// award levels (ReviewDefinitions)
			"campaign",
			List.of("campaign", "campaign_category", "campaign_declaration", "campaign_definition", "campaign_phase",
					"campaign_target", "event_allocation", "campaign_review_rules", "review_round", "rubric_criterion",
					"review_award_level"),
			"infrastructure", List.of("scheduled_tasks", "spring_session", "spring_session_attributes"), "files",
			List.of("stored_file"), "submission",
			List.of("entry", "entry_attachment", "entry_declaration", "entry_nomination", "entry_transition",
					"entry_import"),
			"approval", List.of("entry_judgement", "entry_recommendation", "recommendation_quota"), "activity",
			List.of("offline_event", "offline_event_photo", "unit_reach"), "notification",
			List.of("announcement", "deadline_reminder", "notice", "notice_preference", "deadline_submitter_reminder")),
			Map.of("review",
					List.of("review_assignment", "review_conflict", "review_pool_member", "review_removal",
							"review_award", "review_expert_submission", "review_round_lock", "review_score",
							"review_sheet", "review_blind_copy", "review_blind_page", "review_round_entry",
							"review_reminder", "review_award_change"),
					"voting", List.of("voter", "vote", "vote_setting", "vote_rate", "vote_challenge"), "publicity",
					List.of("publicity", "publicity_entry", "publicity_objection", "publicity_objection_file"),
					"playback", List.of("web_copy"), "certificate", List.of("certificate", "certificate_template"),
					"handoff", List.of("handoff_mapping", "handoff_selection", "handoff_import"), "similarity",
					List.of("similarity_source", "similarity_hash", "similarity_match")));

	private static final Pattern CREATE_TABLE = Pattern
		.compile("(?i)\\bcreate\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

	private static final Pattern NAMED_TABLE = Pattern
		.compile("(?i)\\b(?:from|join|into|update|table|truncate)\\s+([a-z_][a-z0-9_]*)\\b");

	@Test
	void everyTableOfTheMigrationsHasAnOwner() throws IOException {
		Set<String> created = new TreeSet<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".sql")).toList()) {
				Matcher matcher = CREATE_TABLE.matcher(Files.readString(file));
				while (matcher.find()) {
					created.add(matcher.group(1).toLowerCase());
				}
			}
		}
		assertThat(created).hasSizeGreaterThan(60);
		assertThat(OWNERS.keySet()).as("tables in the ownership map").containsAll(created);
	}

	@Test
	void noModuleNamesAnotherModulesTableInItsSql() throws IOException {
		List<String> breaches = new ArrayList<>();
		try (Stream<Path> files = Files.walk(SOURCES)) {
			for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
				Path relative = SOURCES.relativize(file);
				if (relative.getNameCount() < 2) {
					continue;
				}
				String module = relative.getName(0).toString();
				for (String table : tablesNamed(Files.readString(file))) {
					String owner = OWNERS.get(table);
					if (owner != null && !owner.equals(module)) {
						breaches.add(relative + " (" + module + ") reads " + table + " of " + owner);
					}
				}
			}
		}
		assertThat(breaches).as("SQL naming another module's table: use its API or a view it publishes").isEmpty();
	}

	@Test
	void findsATableNamedInATextBlockAndNotInAComment() {
		String source = """
				// select * from entry
				class X {
					String sql = \"""
							select o.name from organisation_unit o
							join recommendation_quota q on q.organisation_id = o.id
							\""";
					String more = "delete from vote where id = ?";
				}
				""";
		assertThat(tablesNamed(source)).containsExactlyInAnyOrder("organisation_unit", "recommendation_quota", "vote");
	}

	/** The names following a table keyword in the string literals of a Java source. */
	static Set<String> tablesNamed(String source) {
		Set<String> names = new TreeSet<>();
		Matcher named = NAMED_TABLE.matcher(literals(source));
		while (named.find()) {
			names.add(named.group(1).toLowerCase());
		}
		return names;
	}

	/**
	 * The contents of the string literals and text blocks of a Java source, one after the
	 * other (comments and character literals skipped).
	 */
	static String literals(String source) {
		StringBuilder literals = new StringBuilder();
		int i = 0;
		while (i < source.length()) {
			if (source.startsWith("//", i)) {
				int end = source.indexOf('\n', i);
				i = end < 0 ? source.length() : end + 1;
			}
			else if (source.startsWith("/*", i)) {
				int end = source.indexOf("*/", i + 2);
				i = end < 0 ? source.length() : end + 2;
			}
			else if (source.startsWith("\"\"\"", i)) {
				int end = source.indexOf("\"\"\"", i + 3);
				while (end > 0 && source.charAt(end - 1) == '\\') {
					end = source.indexOf("\"\"\"", end + 1);
				}
				end = end < 0 ? source.length() : end;
				literals.append(source, i + 3, end).append(' ');
				i = end + 3;
			}
			else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
				char quote = source.charAt(i);
				int j = i + 1;
				while (j < source.length() && source.charAt(j) != quote && source.charAt(j) != '\n') {
					j += source.charAt(j) == '\\' ? 2 : 1;
				}
				if (quote == '"') {
					literals.append(source, i + 1, Math.min(j, source.length())).append(' ');
				}
				i = j + 1;
			}
			else {
				i++;
			}
		}
		return literals.toString();
	}

	@SafeVarargs
	private static Map<String, String> owners(Map<String, List<String>>... byModule) {
		Map<String, String> owners = new TreeMap<>();
		for (Map<String, List<String>> modules : byModule) {
			modules.forEach((module, tables) -> tables.forEach(table -> {
				String before = owners.put(table, module);
				if (before != null) {
					throw new IllegalStateException(table + " owned by " + before + " and " + module);
				}
			}));
		}
		return owners;
	}

}
