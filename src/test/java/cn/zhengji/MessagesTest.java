package cn.zhengji;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every user-facing text lives in {@code messages*.properties}: no Chinese in a Java
 * string literal, every message key the code or a page asks for exists, each key is
 * defined once, and no key is left unused.
 */
class MessagesTest {

	private static final Path JAVA = Path.of("src/main/java");

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Path TEMPLATES = RESOURCES.resolve("templates");

	/** Han ideographs, CJK punctuation (、。「」) and full-width forms (：；（）). */
	private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\u3000-\\u303F\\uFF00-\\uFFEF]");

	private static final Pattern KEY_SHAPE = Pattern.compile("[A-Za-z]+(\\.[A-Za-z0-9_-]+)+\\.?");

	/**
	 * Keys built at run time from a prefix and a value. The value is the enum whose every
	 * constant needs a key, or "" when the values are not (all) the constants of one
	 * enum: then the keys under the prefix are only counted as used, and the page or
	 * class that builds them is named here.
	 */
	private static final Map<String, String> DYNAMIC = Map.ofEntries(
			Map.entry("organisation.kind.", "cn.zhengji.organisation.OrganisationKind"),
			Map.entry("campaign.orgkind.", "cn.zhengji.organisation.OrganisationKind"),
			Map.entry("campaign.submitter.", "cn.zhengji.campaign.CategoryRules$SubmitterKind"),
			Map.entry("campaign.judgement.", "cn.zhengji.campaign.CategoryRules$JudgementKind"),
			Map.entry("campaign.target.", "cn.zhengji.campaign.TargetMetric"),
			Map.entry("activity.metric.", "cn.zhengji.campaign.TargetMetric"),
			Map.entry("campaign.outcome.", "cn.zhengji.campaign.DefinitionOutcome"),
			Map.entry("audit.action.", "cn.zhengji.audit.AuditAction"),
			Map.entry("input.problem.", "cn.zhengji.infrastructure.text.ReadableText$Problem"),
			// Issue 11 (sec/audit): why a link of the audit chain is broken; the
			// summaries of
			// the denied requests (ACCESS_DENIED and CSRF_REJECTED only)
			Map.entry("audit.chain.fault.", "cn.zhengji.audit.AuditChainVerification$Fault"),
			Map.entry("audit.denied.summary.", ""),
			Map.entry("account.password.policy.", "cn.zhengji.account.PasswordPolicy$Violation"),
			Map.entry("account.role.", "cn.zhengji.infrastructure.security.Role"),
			// issue 11 item 5: the start report names each role's duties
			Map.entry("account.startup.duty.", "cn.zhengji.infrastructure.security.Role"),
			Map.entry("account.participantKind.", "cn.zhengji.account.ParticipantKind"),
			Map.entry("submission.state.", "cn.zhengji.submission.EntryState"),
			Map.entry("reporting.state.", "cn.zhengji.submission.EntryState"),
			Map.entry("submission.finding.", "cn.zhengji.media.Verdict"),
			Map.entry("submission.nomination.sex.", "cn.zhengji.nomination.ResidentIdNumber$Sex"),
			Map.entry("announcement.state.", "cn.zhengji.notification.Announcement$State"),
			Map.entry("notice.kind.", "cn.zhengji.notification.NoticeKind"),
			// the steps an approver takes (EntryTransitioned.Step minus the owner's own)
			Map.entry("approval.audit.", ""), Map.entry("approval.flash.", ""), Map.entry("submission.decision.", ""),
			Map.entry("notice.entry.approver.", ""), Map.entry("notice.entry.owner.", ""),
			// column names listed in OfflineEvents, the states AccountAdministration
			// exports, ZipProbe's reasons
			Map.entry("activity.export.event.", ""), Map.entry("account.export.state.", ""),
			Map.entry("media.archive.reason.", ""), Map.entry("account.demo.", ""),
			// Format's labels, but for EMPTY and UNKNOWN, which have findings of their
			// own
			Map.entry("media.format.", ""),
			// form field names (EntryChecks, WorklistController), the dashboard's totals
			// and audit target types
			Map.entry("submission.nomination.", ""), Map.entry("approval.filter.invalid.", ""),
			Map.entry("reporting.totals.", ""), Map.entry("audit.target.", "cn.zhengji.audit.AuditTarget"),
			// the steps of an entry's history, where it stands (EntryStatus), the
			// worklists' export columns
			Map.entry("submission.step.", "cn.zhengji.submission.EntryTransitioned$Step"),
			Map.entry("submission.status.", ""), Map.entry("approval.export.column.", ""),
			Map.entry("approval.quotas.export.column.", ""),
			Map.entry("campaign.phaseKind.", "cn.zhengji.campaign.PhaseKind"),
			// the text message of each kind of one-time code (CodeDelivery)
			Map.entry("account.sms.code.", "cn.zhengji.account.OneTimeCodes$Purpose"),
			// issue 12: where an expert's round stands; the demonstration works
			// (DemoWorks)
			Map.entry("review.expert.standing.", "cn.zhengji.review.SheetStanding"),
			Map.entry("submission.demo.work.", ""), Map.entry("playback.state.", "cn.zhengji.playback.WebCopy$State"),
			Map.entry("playback.error.", "cn.zhengji.playback.TranscodeException$Reason"),
			// issue 15: the states of a fingerprint source (similarity_source_state_ck)
			Map.entry("similarity.state.", ""),
			// issue 13 item 4: what became of a vote, the kinds of anomalous groups
			Map.entry("voting.vote.outcome.", "cn.zhengji.voting.Ballots$Outcome"),
			Map.entry("voting.admin.kind.", "cn.zhengji.voting.VoteReview$Kind"),
			// issue 13 item 1: a results list's state, a listed work's status, an
			// objection's
			Map.entry("publicity.state.", ""), Map.entry("publicity.own.", ""),
			Map.entry("publicity.status.", "cn.zhengji.publicity.ObjectionStatus"),
			// issue 14 item 4: a template field's problems, a seal's, the placeholders
			Map.entry("certificate.error.required.", ""), Map.entry("certificate.error.long.", ""),
			Map.entry("certificate.error.seal.", "cn.zhengji.certificate.SealImages$Problem"),
			Map.entry("certificate.placeholder.", ""));

	/**
	 * Codes to which the code appends one of these suffixes (MediaInspector's codec
	 * findings).
	 */
	private static final Map<String, List<String>> STEMS = Map.of("media.video.codec", List.of(".passed", ".failed"),
			"media.audio.codec", List.of(".passed", ".failed"));

	/** Codes Spring's data binder looks up by itself when a value cannot be converted. */
	private static final String BINDER = "typeMismatch.";

	@Test
	void noJavaStringLiteralHoldsChinese() {
		List<String> found = new ArrayList<>();
		for (Path file : files(JAVA, ".java")) {
			for (String literal : stringLiterals(read(file))) {
				if (CJK.matcher(literal).find()) {
					found.add(JAVA.relativize(file) + ": \"" + literal + "\"");
				}
			}
		}
		assertThat(found).as("Chinese texts belong in messages*.properties").isEmpty();
	}

	@Test
	void everyKeyIsDefinedOnce() {
		Map<String, String> seen = new LinkedHashMap<>();
		List<String> twice = new ArrayList<>();
		for (Path file : messageFiles()) {
			for (String key : keysOf(file)) {
				String before = seen.put(key, file.getFileName().toString());
				if (before != null) {
					twice.add(key + " in " + before + " and " + file.getFileName());
				}
			}
		}
		assertThat(twice).isEmpty();
	}

	@Test
	void everyKeyTheCodeOrAPageAsksForExists() {
		Set<String> keys = keys();
		Set<String> namespaces = namespaces(keys);
		Set<String> missing = new TreeSet<>();
		for (String literal : javaLiterals()) {
			if (KEY_SHAPE.matcher(literal).matches() && namespaces.contains(literal.split("\\.")[0])
					&& !keys.contains(literal)) {
				if (literal.endsWith(".") ? !DYNAMIC.containsKey(literal) : !STEMS.containsKey(literal)) {
					missing.add("Java: " + literal);
				}
			}
		}
		Templates templates = templates();
		templates.keys().stream().filter(key -> !keys.contains(key)).forEach(key -> missing.add("page: " + key));
		templates.prefixes()
			.stream()
			.filter(prefix -> !DYNAMIC.containsKey(prefix))
			.forEach(prefix -> missing.add("page, prefix not listed in DYNAMIC: " + prefix));
		STEMS.forEach((stem, suffixes) -> suffixes.stream()
			.filter(suffix -> !keys.contains(stem + suffix))
			.forEach(suffix -> missing.add("stem: " + stem + suffix)));
		assertThat(missing).isEmpty();
	}

	@Test
	void everyConstantOfAnEnumShownByPrefixHasItsKey() throws ClassNotFoundException {
		Set<String> keys = keys();
		Set<String> missing = new TreeSet<>();
		for (Map.Entry<String, String> dynamic : DYNAMIC.entrySet()) {
			if (dynamic.getValue().isEmpty()) {
				continue;
			}
			for (Object constant : Class.forName(dynamic.getValue()).getEnumConstants()) {
				String key = dynamic.getKey() + ((Enum<?>) constant).name();
				if (!keys.contains(key)) {
					missing.add(key);
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void noKeyIsUnused() {
		Set<String> literals = new TreeSet<>(javaLiterals());
		Templates templates = templates();
		literals.addAll(templates.keys());
		Set<String> unused = new TreeSet<>();
		for (String key : keys()) {
			boolean used = literals.contains(key) || key.startsWith(BINDER) || key.equals("typeMismatch")
					|| DYNAMIC.keySet().stream().anyMatch(key::startsWith)
					|| STEMS.entrySet()
						.stream()
						.anyMatch(s -> s.getValue().stream().anyMatch(x -> key.equals(s.getKey() + x)));
			if (!used) {
				unused.add(key);
			}
		}
		assertThat(unused).as("keys no code or page uses").isEmpty();
	}

	/**
	 * The string literals of a Java source, comments left out; escapes as written except
	 * {@code \}u.
	 */
	static List<String> stringLiterals(String source) {
		List<String> literals = new ArrayList<>();
		int i = 0;
		int n = source.length();
		while (i < n) {
			char c = source.charAt(i);
			if (source.startsWith("//", i)) {
				int end = source.indexOf('\n', i);
				i = end < 0 ? n : end;
			}
			else if (source.startsWith("/*", i)) {
				i = source.indexOf("*/", i + 2) + 2;
			}
			else if (source.startsWith("\"\"\"", i)) {
				int end = source.indexOf("\"\"\"", i + 3);
				literals.add(unicode(source.substring(i + 3, end)));
				i = end + 3;
			}
			else if (c == '"' || c == '\'') {
				StringBuilder literal = new StringBuilder();
				int j = i + 1;
				while (source.charAt(j) != c) {
					if (source.charAt(j) == '\\') {
						literal.append(source, j, j + 2);
						j += 2;
					}
					else {
						literal.append(source.charAt(j++));
					}
				}
				if (c == '"') {
					literals.add(unicode(literal.toString()));
				}
				i = j + 1;
			}
			else {
				i++;
			}
		}
		return literals;
	}

	private static String unicode(String literal) {
		Matcher escape = Pattern.compile("\\\\u+([0-9a-fA-F]{4})").matcher(literal);
		return escape
			.replaceAll(m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
	}

	private static Set<String> javaLiterals() {
		Set<String> literals = new TreeSet<>();
		files(JAVA, ".java").forEach(file -> literals.addAll(stringLiterals(read(file))));
		return literals;
	}

	record Templates(Set<String> keys, Set<String> prefixes) {
	}

	/**
	 * Keys a page asks for: {@code #{key}}, {@code #{key(...)}}, a quoted key inside a
	 * message expression ({@code #{${queue} ? 'a.b' : 'a.c'}},
	 * {@code #messages.msg('a.b')}), and prefixes a page completes at run time
	 * ({@code #{'a.' + ${x}}}, {@code #{|a.${x}|}},
	 * {@code #messages.msgOrNull('a.' + x)}).
	 */
	private static Templates templates() {
		Set<String> keys = new TreeSet<>();
		Set<String> prefixes = new TreeSet<>();
		Pattern direct = Pattern.compile("#\\{\\s*([A-Za-z][\\w.-]*)");
		Pattern quoted = Pattern.compile("'([A-Za-z][\\w-]*(?:\\.[\\w-]+)+)'");
		Pattern prefix = Pattern.compile(
				"(?:#\\{\\s*'|#messages\\.\\w+\\(\\s*')([A-Za-z][\\w.-]*\\.)'\\s*\\+|#\\{\\s*\\|([A-Za-z][\\w.-]*\\.)\\$\\{");
		Set<String> namespaces = namespaces(keys());
		for (Path file : files(TEMPLATES, ".html")) {
			String page = read(file);
			direct.matcher(page).results().forEach(m -> keys.add(m.group(1)));
			quoted.matcher(page)
				.results()
				.map(m -> m.group(1))
				.filter(k -> namespaces.contains(k.split("\\.")[0]))
				.forEach(keys::add);
			prefix.matcher(page).results().forEach(m -> prefixes.add(m.group(1) != null ? m.group(1) : m.group(2)));
		}
		return new Templates(keys, prefixes);
	}

	private static Set<String> namespaces(Set<String> keys) {
		Set<String> namespaces = new TreeSet<>();
		keys.forEach(key -> namespaces.add(key.split("\\.")[0]));
		return namespaces;
	}

	private static Set<String> keys() {
		Set<String> keys = new TreeSet<>();
		messageFiles().forEach(file -> keys.addAll(keysOf(file)));
		return keys;
	}

	private static List<Path> messageFiles() {
		try (Stream<Path> files = Files.list(RESOURCES)) {
			return files.filter(f -> f.getFileName().toString().matches("messages(-[a-z]+)?\\.properties"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> keysOf(Path file) {
		List<String> keys = new ArrayList<>();
		boolean continued = false;
		for (String line : read(file).split("\n")) {
			String stripped = line.strip();
			boolean thisContinues = stripped.endsWith("\\");
			if (!continued && !stripped.isEmpty() && !stripped.startsWith("#") && !stripped.startsWith("!")) {
				keys.add(stripped.split("\\s*[=:]\\s*|\\s+", 2)[0]);
			}
			continued = thisContinues;
		}
		return keys;
	}

	private static List<Path> files(Path root, String suffix) {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
