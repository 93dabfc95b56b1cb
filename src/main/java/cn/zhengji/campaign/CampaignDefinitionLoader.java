package cn.zhengji.campaign;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.CampaignDefinition.AllocationDefinition;
import cn.zhengji.campaign.CampaignDefinition.AwardLevelDefinition;
import cn.zhengji.campaign.CampaignDefinition.ReviewResultsDefinition;
import cn.zhengji.campaign.CampaignDefinition.CategoryDefinition;
import cn.zhengji.campaign.CampaignDefinition.CriterionDefinition;
import cn.zhengji.campaign.CampaignDefinition.DeclarationDefinition;
import cn.zhengji.campaign.CampaignDefinition.PhaseDefinition;
import cn.zhengji.campaign.CampaignDefinition.ReviewRoundDefinition;
import cn.zhengji.infrastructure.DisplayTimeZone;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one version of a campaign definition file (R-CAM: campaigns are data).
 *
 * <p>
 * Each distinct content of a source is applied once and recorded in
 * {@code campaign_definition} with its SHA-256: loading the same content again writes
 * nothing. A new content becomes the next version. It creates the campaign if it does not
 * exist; otherwise every element (campaign fields, each phase, category, allocation,
 * target, each category's rubric and its list of review rounds) that admins have not
 * changed is brought in line with the file, and every element an admin changed is kept
 * and listed as a conflict (outcome APPLIED_WITH_CONFLICTS), so that an admin's edit is
 * never overwritten silently. Elements missing from a newer file are left in place: works
 * and reports may already refer to them. Writes one audit event per applied version
 * (actor 系统).
 */
@Component
class CampaignDefinitionLoader {

	private static final Logger log = LoggerFactory.getLogger(CampaignDefinitionLoader.class);

	private final JdbcClient jdbc;

	private final CampaignJson json;

	private final Organisations organisations;

	private final AuditLog auditLog;

	private final Clock clock;

	private final DisplayTimeZone displayTimeZone;

	private final Texts texts;

	CampaignDefinitionLoader(JdbcClient jdbc, CampaignJson json, Organisations organisations, AuditLog auditLog,
			Clock clock, DisplayTimeZone displayTimeZone, Texts texts) {
		this.texts = texts;
		this.jdbc = jdbc;
		this.json = json;
		this.organisations = organisations;
		this.auditLog = auditLog;
		this.clock = clock;
		this.displayTimeZone = displayTimeZone;
	}

	/**
	 * What loading a file did; {@code outcome} is empty when the content had been applied
	 * before.
	 */
	record Result(String source, String campaignCode, int version, Optional<DefinitionOutcome> outcome,
			List<DefinitionConflict> conflicts) {

		boolean unchanged() {
			return outcome.isEmpty();
		}
	}

	@Transactional
	Result load(String source, String content) {
		// Two nodes starting together must not both record version n+1.
		jdbc.sql("select pg_advisory_xact_lock(hashtext(?))")
			.param("campaign-definition:" + source)
			.query((rs, n) -> 1)
			.list();
		String hash = sha256(content);
		CampaignDefinition definition = json.readDefinition(content);
		validate(source, definition);
		Optional<Integer> latestVersion = jdbc.sql("select max(version) from campaign_definition where source = ?")
			.param(source)
			.query(Integer.class)
			.optional();
		Optional<Integer> sameContent = jdbc
			.sql("select version from campaign_definition where source = ? and content_hash = ?")
			.param(source)
			.param(hash)
			.query(Integer.class)
			.optional();
		if (sameContent.isPresent()) {
			if (!sameContent.equals(latestVersion)) {
				log.warn("Campaign definition {} has the content of its version {} again; newer versions stay applied",
						source, sameContent.get());
			}
			return new Result(source, definition.code(), sameContent.get(), Optional.empty(), List.of());
		}
		int version = latestVersion.map(v -> v + 1).orElse(1);
		Optional<Long> existing = jdbc.sql("select id from campaign where code = ?")
			.param(definition.code())
			.query(Long.class)
			.optional();
		List<DefinitionConflict> conflicts = new ArrayList<>();
		long campaignId;
		DefinitionOutcome outcome;
		if (existing.isEmpty()) {
			campaignId = insertCampaign(definition);
			outcome = DefinitionOutcome.CREATED;
		}
		else {
			campaignId = existing.get();
			updateCampaign(campaignId, definition, conflicts);
			outcome = DefinitionOutcome.APPLIED;
		}
		applyPhases(campaignId, definition.phases(), conflicts);
		applyDeclarations(campaignId, definition.declarations(), conflicts);
		applyCategories(campaignId, definition.categories(), conflicts);
		applyRubricsAndRounds(campaignId, definition.categories(), conflicts);
		applyAllocations(campaignId, definition.allocations(), conflicts);
		applyTargets(campaignId, definition.targets(), conflicts);
		applyReviewResults(campaignId, definition.reviewResults(), conflicts);
		if (outcome == DefinitionOutcome.APPLIED && !conflicts.isEmpty()) {
			outcome = DefinitionOutcome.APPLIED_WITH_CONFLICTS;
		}
		jdbc.sql("update campaign set definition_source = ?, definition_version = ? where id = ?")
			.params(source, version, campaignId)
			.update();
		jdbc.sql("""
				insert into campaign_definition (source, version, content_hash, content, outcome, conflicts, applied_at)
				values (:source, :version, :hash, :content, :outcome, :conflicts, :at)
				""")
			.param("source", source)
			.param("version", version)
			.param("hash", hash)
			.param("content", content)
			.param("outcome", outcome.name())
			.param("conflicts", conflicts.isEmpty() ? null : json.write(conflicts))
			.param("at", now())
			.update();
		String hostPath = organisations.getByCode(definition.host()).path();
		auditLog.recordChange(outcome == DefinitionOutcome.CREATED ? AuditAction.CREATED : AuditAction.UPDATED,
				"campaign", campaignId, hostPath,
				conflicts.isEmpty() ? texts.plain("campaign.audit.definition", source, version, outcome.name())
						: texts.plain("campaign.audit.definition.conflicts", source, version, outcome.name(),
								conflicts.size()),
				null, Map.of("source", source, "version", version, "outcome", outcome.name(), "conflicts", conflicts));
		log.info("Campaign definition {} version {} applied: {}{}", source, version, outcome,
				conflicts.isEmpty() ? "" : " (" + conflicts.size() + " admin changes kept)");
		return new Result(source, definition.code(), version, Optional.of(outcome), List.copyOf(conflicts));
	}

	/** A file that names no time zone: the platform's display time zone. */
	private String timeZoneOf(CampaignDefinition definition) {
		return definition.timeZone() != null ? definition.timeZone() : displayTimeZone.zone().getId();
	}

	private void validate(String source, CampaignDefinition definition) {
		if (definition.code() == null || definition.title() == null || definition.host() == null
				|| definition.organisers() == null) {
			throw new IllegalStateException(source + ": code, title, host and organisers are required");
		}
		ZoneId.of(timeZoneOf(definition));
		for (PhaseDefinition phase : definition.phases()) {
			if (phase.kind() == null || phase.name() == null || phase.startsOn() == null) {
				throw new IllegalStateException(source + ": every phase needs kind, name and startsOn");
			}
			if (phase.endsOn() != null && phase.endsOn().isBefore(phase.startsOn())) {
				throw new IllegalStateException(source + ": phase " + phase.kind() + " ends before it starts");
			}
		}
		for (CategoryDefinition category : definition.categories()) {
			String where = source + ": category " + category.code();
			if (category.rubric() != null) {
				validateRubric(where, category.rubric().criteria());
			}
			validateRounds(where, category.reviewRounds(),
					definition.phases().stream().filter(phase -> phase.kind() == PhaseKind.REVIEW).findFirst());
			for (ReviewRoundDefinition round : category.reviewRounds()) {
				validateAwardLevels(where + ": review round " + round.code(), round.awardLevels());
			}
		}
		if (definition.reviewResults() != null) {
			validateReviewResults(source + ": reviewResults", definition.reviewResults());
		}
	}

	// The database refuses most of these too; checking here names the file, the
	// category and the value instead of a constraint.
	private static void validateRubric(String where, List<CriterionDefinition> criteria) {
		if (criteria.isEmpty()) {
			throw new IllegalStateException(where + ": a rubric needs at least one criterion");
		}
		Set<String> codes = new HashSet<>();
		for (CriterionDefinition criterion : criteria) {
			if (criterion.code() == null || criterion.name() == null) {
				throw new IllegalStateException(where + ": every rubric criterion needs code and name");
			}
			if (!codes.add(criterion.code())) {
				throw new IllegalStateException(
						where + ": rubric criterion code " + criterion.code() + " appears twice");
			}
			if (criterion.maxPoints() < 1 || criterion.maxPoints() > 1000) {
				throw new IllegalStateException(where + ": rubric criterion " + criterion.code()
						+ " needs maxPoints from 1 to 1000, not " + criterion.maxPoints());
			}
		}
	}

	private static void validateRounds(String where, List<ReviewRoundDefinition> rounds,
			Optional<PhaseDefinition> review) {
		if (rounds.isEmpty()) {
			return;
		}
		if (review.isEmpty()) {
			throw new IllegalStateException(where + ": review rounds need a REVIEW phase to lie in");
		}
		Set<String> codes = new HashSet<>();
		ReviewRoundDefinition previous = null;
		for (ReviewRoundDefinition round : rounds) {
			if (round.code() == null || round.name() == null || round.entryRule() == null || round.startsOn() == null
					|| round.endsOn() == null) {
				throw new IllegalStateException(
						where + ": every review round needs code, name, entryRule, startsOn and endsOn");
			}
			String named = where + ": review round " + round.code();
			if (!codes.add(round.code())) {
				throw new IllegalStateException(named + " appears twice");
			}
			PhaseDefinition phase = review.get();
			ReviewRoundDefinition before = previous;
			ReviewRoundRules
				.check(new ReviewRoundRules.Proposal(round.entryRule(), round.entryNumber(), round.expertsPerWork(),
						round.startsOn(), round.endsOn(), before == null, before == null ? null : before.endsOn(), null,
						phase.startsOn(), phase.endsOn()))
				.ifPresent((problem) -> {
					throw new IllegalStateException(named + describe(problem, round, before, phase));
				});
			previous = round;
		}
	}

	private static void validateAwardLevels(String where, List<AwardLevelDefinition> levels) {
		Set<String> codes = new HashSet<>();
		for (AwardLevelDefinition level : levels) {
			if (level.code() == null || level.name() == null || level.code().isBlank() || level.name().isBlank()) {
				throw new IllegalStateException(where + ": every award level needs code and name");
			}
			if (level.code().length() > 32 || level.name().length() > 50) {
				throw new IllegalStateException(where + ": award level " + level.code()
						+ " needs a code of at most 32 and a name of at most 50 characters");
			}
			if (!codes.add(level.code())) {
				throw new IllegalStateException(where + ": award level " + level.code() + " appears twice");
			}
			if (level.count() < 0 || level.count() > 10000) {
				throw new IllegalStateException(
						where + ": award level " + level.code() + " needs count from 0 to 10000, not " + level.count());
			}
		}
	}

	private static void validateReviewResults(String where, ReviewResultsDefinition results) {
		if (results.tieBreaks() != null) {
			for (String tieBreak : results.tieBreaks()) {
				if (!ReviewResultRules.TIE_BREAKS.contains(tieBreak)) {
					throw new IllegalStateException(where + ": unknown tie-break " + tieBreak + ", expected one of "
							+ ReviewResultRules.TIE_BREAKS);
				}
			}
			if (new HashSet<>(results.tieBreaks()).size() != results.tieBreaks().size()) {
				throw new IllegalStateException(where + ": a tie-break appears twice in " + results.tieBreaks());
			}
		}
		if (results.basis() != null && !ReviewResultRules.BASES.contains(results.basis())) {
			throw new IllegalStateException(
					where + ": basis must be one of " + ReviewResultRules.BASES + ", not " + results.basis());
		}
		if (results.outlierThreshold() != null && results.outlierThreshold().signum() < 0) {
			throw new IllegalStateException(where + ": outlierThreshold must not be negative");
		}
		if (results.votes() != null) {
			int expert = results.votes().expertPercent();
			int vote = results.votes().votePercent();
			if (expert < 0 || vote < 0 || expert + vote != 100) {
				throw new IllegalStateException(where
						+ ": votes need expertPercent and votePercent adding up to 100, not " + expert + " + " + vote);
			}
		}
	}

	/** A broken round rule, in English for whoever edits the definition file. */
	private static String describe(ReviewRoundRules.Problem problem, ReviewRoundDefinition round,
			ReviewRoundDefinition previous, PhaseDefinition review) {
		return switch (problem) {
			case FIRST_TAKES_HOST_APPROVALS -> " is the first round and so must take APPROVED_BY_HOST, not "
					+ round.entryRule() + ": there is no round before to select from";
			case LATER_SELECTS_FROM_PREVIOUS ->
				" is not the first round and so must select TOP_N or TOP_SHARE of the round before";
			case HOST_APPROVALS_TAKE_NO_NUMBER -> ": APPROVED_BY_HOST takes no entryNumber";
			case TOP_N_NEEDS_NUMBER -> ": TOP_N needs entryNumber, how many works enter (1 or more)";
			case TOP_SHARE_NEEDS_PERCENTAGE ->
				": TOP_SHARE needs entryNumber, the percentage of works that enter (1 to 100)";
			case EXPERTS_PER_WORK_OUT_OF_RANGE -> " needs expertsPerWork from 1 to "
					+ ReviewRoundRules.MAX_EXPERTS_PER_WORK + ", not " + round.expertsPerWork();
			case ENDS_BEFORE_START -> " ends before it starts";
			case OUTSIDE_REVIEW_PHASE ->
				" (" + round.startsOn() + " to " + round.endsOn() + ") lies outside the REVIEW phase ("
						+ review.startsOn() + " to " + (review.endsOn() == null ? "open" : review.endsOn()) + ")";
			case OVERLAPS_PREVIOUS ->
				" starts before review round " + previous.code() + " has ended (" + previous.endsOn() + ")";
			case OVERLAPS_NEXT -> " ends after the next review round has started";
		};
	}

	private long insertCampaign(CampaignDefinition definition) {
		CampaignFields fields = fieldsOf(definition);
		return jdbc.sql("""
				insert into campaign (code, title, short_title, year, document_number, host_organisation_id, organisers,
				    time_zone, summary, contact, platform_note, feeds_campaign_id, created_at, updated_at)
				values (:code, :title, :shortTitle, :year, :documentNumber, :host, :organisers, :timeZone, :summary,
				    :contact, :platformNote, :feeds, :at, :at)
				returning id
				""")
			.params(fields.asParams())
			.param("code", definition.code())
			.param("at", now())
			.query(Long.class)
			.single();
	}

	private void updateCampaign(long campaignId, CampaignDefinition definition, List<DefinitionConflict> conflicts) {
		CampaignFields current = jdbc.sql("""
				select title, short_title, year, document_number, host_organisation_id as host, organisers, time_zone,
				       summary, contact, platform_note, feeds_campaign_id as feeds
				from campaign where id = ?
				""").param(campaignId).query(CampaignFields.class).single();
		CampaignFields proposed = fieldsOf(definition);
		if (current.equals(proposed)) {
			return;
		}
		boolean changedByAdmin = jdbc.sql("select changed_by_admin from campaign where id = ?")
			.param(campaignId)
			.query(Boolean.class)
			.single();
		if (changedByAdmin) {
			conflicts.add(new DefinitionConflict(texts.text("campaign.conflict.basics"), current.describe(texts),
					proposed.describe(texts)));
			return;
		}
		jdbc.sql("""
				update campaign set title = :title, short_title = :shortTitle, year = :year,
				    document_number = :documentNumber, host_organisation_id = :host, organisers = :organisers,
				    time_zone = :timeZone, summary = :summary, contact = :contact, platform_note = :platformNote,
				    feeds_campaign_id = :feeds, updated_at = :at, version = version + 1
				where id = :id
				""").params(proposed.asParams()).param("at", now()).param("id", campaignId).update();
	}

	private CampaignFields fieldsOf(CampaignDefinition definition) {
		Long feeds = definition.feeds() == null ? null
				: jdbc.sql("select id from campaign where code = ?")
					.param(definition.feeds())
					.query(Long.class)
					.optional()
					.orElseThrow(() -> new IllegalStateException(
							definition.code() + " feeds unknown campaign " + definition.feeds()));
		return new CampaignFields(definition.title(), definition.shortTitle(), definition.year(),
				definition.documentNumber(), organisations.getByCode(definition.host()).id(), definition.organisers(),
				timeZoneOf(definition), definition.summary(), definition.contact(), definition.platformNote(), feeds);
	}

	record CampaignFields(String title, String shortTitle, int year, String documentNumber, long host,
			String organisers, String timeZone, String summary, String contact, String platformNote, Long feeds) {

		Map<String, Object> asParams() {
			Map<String, Object> params = new java.util.HashMap<>();
			params.put("title", title);
			params.put("shortTitle", shortTitle);
			params.put("year", year);
			params.put("documentNumber", documentNumber);
			params.put("host", host);
			params.put("organisers", organisers);
			params.put("timeZone", timeZone);
			params.put("summary", summary);
			params.put("contact", contact);
			params.put("platformNote", platformNote);
			params.put("feeds", feeds);
			return params;
		}

		String describe(Texts texts) {
			return texts.plain("campaign.conflict.basics.value", title, documentNumber, organisers, year);
		}
	}

	private void applyPhases(long campaignId, List<PhaseDefinition> phases, List<DefinitionConflict> conflicts) {
		Map<PhaseKind, Phase> existing = byKey(jdbc.sql("""
				select id, kind, name, description, starts_on, ends_on, sort_order, changed_by_admin, version
				from campaign_phase where campaign_id = ?
				""").param(campaignId).query(Campaigns.PHASE).list(), Phase::kind);
		int order = 0;
		for (PhaseDefinition phase : phases) {
			order++;
			Phase current = existing.get(phase.kind());
			if (current == null) {
				jdbc.sql(
						"""
								insert into campaign_phase (campaign_id, kind, name, description, starts_on, ends_on, sort_order)
								values (?, ?, ?, ?, ?, ?, ?)
								""")
					.params(campaignId, phase.kind().name(), phase.name(), phase.description(), phase.startsOn(),
							phase.endsOn(), order)
					.update();
			}
			else if (!(current.name().equals(phase.name()) && Objects.equals(current.description(), phase.description())
					&& current.startsOn().equals(phase.startsOn()) && Objects.equals(current.endsOn(), phase.endsOn())
					&& current.sortOrder() == order)) {
				if (current.changedByAdmin()) {
					conflicts.add(new DefinitionConflict(texts.text("campaign.conflict.phase", current.name()),
							dates(texts, current.startsOn(), current.endsOn()),
							dates(texts, phase.startsOn(), phase.endsOn())));
				}
				else {
					jdbc.sql(
							"""
									update campaign_phase set name = ?, description = ?, starts_on = ?, ends_on = ?, sort_order = ?,
									    version = version + 1
									where id = ?
									""")
						.params(phase.name(), phase.description(), phase.startsOn(), phase.endsOn(), order,
								current.id())
						.update();
				}
			}
		}
	}

	static String dates(Texts texts, LocalDate startsOn, LocalDate endsOn) {
		return texts.text("campaign.dates", startsOn.toString(),
				endsOn == null ? texts.text("campaign.dates.open") : endsOn.toString());
	}

	private void applyDeclarations(long campaignId, List<DeclarationDefinition> declarations,
			List<DefinitionConflict> conflicts) {
		int order = 0;
		for (DeclarationDefinition declaration : declarations) {
			order++;
			int textVersion = Math.max(1, declaration.textVersion());
			Optional<String> body = jdbc.sql(
					"select title || '|' || body from campaign_declaration where campaign_id = ? and code = ? and text_version = ?")
				.params(campaignId, declaration.code(), textVersion)
				.query(String.class)
				.optional();
			if (body.isEmpty()) {
				jdbc.sql(
						"""
								insert into campaign_declaration (campaign_id, code, text_version, title, body, sort_order, created_at)
								values (?, ?, ?, ?, ?, ?, ?)
								""")
					.params(campaignId, declaration.code(), textVersion, declaration.title(), declaration.body(), order,
							now())
					.update();
			}
			else if (!body.get().equals(declaration.title() + "|" + declaration.body())) {
				// Acceptances refer to (code, text version): an accepted text must never
				// change under them.
				conflicts.add(new DefinitionConflict(
						texts.plain("campaign.conflict.declaration", declaration.title(), textVersion),
						texts.text("campaign.conflict.declaration.current"),
						texts.text("campaign.conflict.declaration.proposed")));
			}
		}
	}

	private void applyCategories(long campaignId, List<CategoryDefinition> categories,
			List<DefinitionConflict> conflicts) {
		record Current(long id, String name, String shortName, String hostUnits, String description, String rules,
				int sortOrder, boolean changedByAdmin) {
		}
		Map<String, Current> existing = jdbc
			.sql("""
					select code, id, name, short_name, host_units, description, rules::text as rules, sort_order, changed_by_admin
					from campaign_category where campaign_id = ?
					""")
			.param(campaignId)
			.query((rs, n) -> Map.entry(rs.getString("code"),
					new Current(rs.getLong("id"), rs.getString("name"), rs.getString("short_name"),
							rs.getString("host_units"), rs.getString("description"), rs.getString("rules"),
							rs.getInt("sort_order"), rs.getBoolean("changed_by_admin"))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		int order = 0;
		for (CategoryDefinition category : categories) {
			order++;
			Current current = existing.get(category.code());
			String rules = json.write(category.rules());
			if (current == null) {
				jdbc.sql(
						"""
								insert into campaign_category (campaign_id, code, name, short_name, host_units, description, rules,
								    sort_order)
								values (?, ?, ?, ?, ?, ?, cast(? as jsonb), ?)
								""")
					.params(campaignId, category.code(), category.name(), category.shortName(), category.hostUnits(),
							category.description(), rules, order)
					.update();
				continue;
			}
			boolean same = current.name().equals(category.name())
					&& Objects.equals(current.shortName(), category.shortName())
					&& Objects.equals(current.hostUnits(), category.hostUnits())
					&& Objects.equals(current.description(), category.description())
					&& json.readRules(current.rules()).equals(category.rules()) && current.sortOrder() == order;
			if (same) {
				continue;
			}
			if (current.changedByAdmin()) {
				conflicts.add(new DefinitionConflict(texts.text("campaign.conflict.category", current.name()),
						texts.text("campaign.conflict.category.current"),
						texts.text("campaign.conflict.category.proposed")));
			}
			else {
				jdbc.sql("""
						update campaign_category set name = ?, short_name = ?, host_units = ?, description = ?,
						    rules = cast(? as jsonb), sort_order = ?, version = version + 1
						where id = ?
						""")
					.params(category.name(), category.shortName(), category.hostUnits(), category.description(), rules,
							order, current.id())
					.update();
			}
		}
	}

	/**
	 * A category's rubric and its list of review rounds are each one element: a file that
	 * changes them replaces them as a whole (criteria and rounds keep their rows by
	 * code), unless an admin changed them; a file that gives none leaves them as they
	 * are.
	 */
	private void applyRubricsAndRounds(long campaignId, List<CategoryDefinition> categories,
			List<DefinitionConflict> conflicts) {
		record Current(long id, String name, boolean rubricChangedByAdmin, boolean roundsChangedByAdmin) {
		}
		Map<String, Current> stored = jdbc.sql("""
				select code, id, name, rubric_changed_by_admin, review_rounds_changed_by_admin
				from campaign_category where campaign_id = ?
				""")
			.param(campaignId)
			.query((rs, n) -> Map.entry(rs.getString("code"),
					new Current(rs.getLong("id"), rs.getString("name"), rs.getBoolean("rubric_changed_by_admin"),
							rs.getBoolean("review_rounds_changed_by_admin"))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		for (CategoryDefinition category : categories) {
			Current current = stored.get(category.code());
			if (category.rubric() != null) {
				applyRubric(current.id(), current.name(), current.rubricChangedByAdmin(), category.rubric().criteria(),
						conflicts);
			}
			if (!category.reviewRounds().isEmpty()) {
				applyRounds(current.id(), current.name(), current.roundsChangedByAdmin(), category.reviewRounds(),
						conflicts);
			}
		}
	}

	private void applyRubric(long categoryId, String categoryName, boolean changedByAdmin,
			List<CriterionDefinition> proposed, List<DefinitionConflict> conflicts) {
		List<CriterionDefinition> current = jdbc.sql(
				"select code, name, max_points, guidance from rubric_criterion where category_id = ? order by sort_order")
			.param(categoryId)
			.query((rs, n) -> new CriterionDefinition(rs.getString("code"), rs.getString("name"),
					rs.getInt("max_points"), rs.getString("guidance")))
			.list();
		if (current.equals(proposed)) {
			return;
		}
		if (changedByAdmin) {
			conflicts.add(new DefinitionConflict(texts.text("campaign.conflict.rubric", categoryName),
					describeRubric(current), describeRubric(proposed)));
			return;
		}
		RubricRows.replace(jdbc, categoryId, proposed);
		if (!current.isEmpty()) {
			jdbc.sql("update campaign_category set rubric_version = rubric_version + 1 where id = ?")
				.param(categoryId)
				.update();
		}
	}

	private String describeRubric(List<CriterionDefinition> criteria) {
		return criteria.stream()
			.map(criterion -> texts.plain("campaign.conflict.rubric.criterion", criterion.name(),
					criterion.maxPoints()))
			.collect(Collectors.joining(texts.text("campaign.conflict.separator")));
	}

	private void applyRounds(long categoryId, String categoryName, boolean changedByAdmin,
			List<ReviewRoundDefinition> proposed, List<DefinitionConflict> conflicts) {
		List<ReviewRoundDefinition> current = jdbc.sql("""
				select code, name, entry_rule, entry_number, experts_per_work, starts_on, ends_on
				from review_round where category_id = ? order by round_order
				""")
			.param(categoryId)
			.query((rs, n) -> new ReviewRoundDefinition(rs.getString("code"), rs.getString("name"),
					ReviewRound.EntryRule.valueOf(rs.getString("entry_rule")),
					rs.getObject("entry_number", Integer.class), rs.getInt("experts_per_work"),
					rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
					awardLevels(categoryId, rs.getString("code"))))
			.list();
		if (current.equals(proposed)) {
			return;
		}
		if (changedByAdmin) {
			conflicts.add(new DefinitionConflict(texts.text("campaign.conflict.rounds", categoryName),
					describeRounds(current), describeRounds(proposed)));
			return;
		}
		// As for criteria: rounds keep their rows by code, a dropped round goes.
		jdbc.sql("delete from review_round where category_id = ? and not (code = any (?))")
			.params(categoryId, proposed.stream().map(ReviewRoundDefinition::code).toArray(String[]::new))
			.update();
		int order = 0;
		for (ReviewRoundDefinition round : proposed) {
			order++;
			jdbc.sql("""
					insert into review_round (category_id, code, name, round_order, entry_rule, entry_number,
					    experts_per_work, starts_on, ends_on)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?)
					on conflict (category_id, code) do update set name = excluded.name,
					    round_order = excluded.round_order, entry_rule = excluded.entry_rule,
					    entry_number = excluded.entry_number, experts_per_work = excluded.experts_per_work,
					    starts_on = excluded.starts_on, ends_on = excluded.ends_on
					""")
				.params(categoryId, round.code(), round.name(), order, round.entryRule().name(), round.entryNumber(),
						round.expertsPerWork(), round.startsOn(), round.endsOn())
				.update();
			// Levels have no identity of their own: an award keeps the level's code.
			jdbc.sql("""
					delete from review_award_level
					where round_id = (select id from review_round where category_id = ? and code = ?)
					""").params(categoryId, round.code()).update();
			int levelOrder = 0;
			for (AwardLevelDefinition level : round.awardLevels()) {
				levelOrder++;
				jdbc.sql("""
						insert into review_award_level (round_id, code, name, award_count, sort_order)
						select id, ?, ?, ?, ? from review_round where category_id = ? and code = ?
						""")
					.params(level.code(), level.name(), level.count(), levelOrder, categoryId, round.code())
					.update();
			}
		}
		if (!current.isEmpty()) {
			jdbc.sql("update campaign_category set review_rounds_version = review_rounds_version + 1 where id = ?")
				.param(categoryId)
				.update();
		}
	}

	private List<AwardLevelDefinition> awardLevels(long categoryId, String roundCode) {
		return jdbc.sql("""
				select l.code, l.name, l.award_count from review_award_level l
				join review_round r on r.id = l.round_id
				where r.category_id = ? and r.code = ? order by l.sort_order
				""")
			.params(categoryId, roundCode)
			.query((rs, n) -> new AwardLevelDefinition(rs.getString("code"), rs.getString("name"),
					rs.getInt("award_count")))
			.list();
	}

	/**
	 * The campaign's ranking rules are one element, like a category's rubric: a file that
	 * changes them replaces them unless an admin changed them (then a conflict); a file
	 * that gives none leaves them as they are.
	 */
	private void applyReviewResults(long campaignId, ReviewResultsDefinition definition,
			List<DefinitionConflict> conflicts) {
		if (definition == null) {
			return;
		}
		ReviewResultRules proposed = rules(definition);
		record Current(ReviewResultRules rules, boolean changedByAdmin) {
		}
		Optional<Current> current = jdbc.sql("""
				select tie_breaks, basis, outlier_threshold, expert_percent, vote_percent, changed_by_admin
				from campaign_review_rules where campaign_id = ?
				""")
			.param(campaignId)
			.query((rs, n) -> new Current(Campaigns.REVIEW_RESULT_RULES.mapRow(rs, n),
					rs.getBoolean("changed_by_admin")))
			.optional();
		if (current.isPresent() && sameRules(current.get().rules(), proposed)) {
			return;
		}
		if (current.isPresent() && current.get().changedByAdmin()) {
			conflicts.add(new DefinitionConflict(texts.text("campaign.conflict.reviewResults"),
					describe(current.get().rules()), describe(proposed)));
			return;
		}
		jdbc.sql("""
				insert into campaign_review_rules (campaign_id, tie_breaks, basis, outlier_threshold, expert_percent,
				    vote_percent)
				values (?, ?, ?, ?, ?, ?)
				on conflict (campaign_id) do update set tie_breaks = excluded.tie_breaks, basis = excluded.basis,
				    outlier_threshold = excluded.outlier_threshold, expert_percent = excluded.expert_percent,
				    vote_percent = excluded.vote_percent, version = campaign_review_rules.version + 1
				""")
			.params(campaignId, proposed.tieBreaks().toArray(String[]::new), proposed.basis(),
					proposed.outlierThreshold(), proposed.expertPercent(), proposed.votePercent())
			.update();
	}

	private static ReviewResultRules rules(ReviewResultsDefinition definition) {
		ReviewResultRules defaults = ReviewResultRules.DEFAULT;
		return new ReviewResultRules(definition.tieBreaks() == null ? defaults.tieBreaks() : definition.tieBreaks(),
				definition.basis() == null ? defaults.basis() : definition.basis(),
				definition.outlierThreshold() == null ? defaults.outlierThreshold() : definition.outlierThreshold(),
				definition.votes() == null ? null : definition.votes().expertPercent(),
				definition.votes() == null ? null : definition.votes().votePercent());
	}

	private static boolean sameRules(ReviewResultRules a, ReviewResultRules b) {
		return a.tieBreaks().equals(b.tieBreaks()) && a.basis().equals(b.basis())
				&& a.outlierThreshold().compareTo(b.outlierThreshold()) == 0
				&& Objects.equals(a.expertPercent(), b.expertPercent())
				&& Objects.equals(a.votePercent(), b.votePercent());
	}

	private String describe(ReviewResultRules rules) {
		return texts.plain("campaign.conflict.reviewResults.value",
				String.join(texts.text("campaign.conflict.separator"), rules.tieBreaks()), rules.basis(),
				rules.outlierThreshold().stripTrailingZeros().toPlainString(),
				rules.combinesVotes() ? rules.expertPercent() + "/" + rules.votePercent() : "-");
	}

	private String describeRounds(List<ReviewRoundDefinition> rounds) {
		return rounds.stream()
			.map(round -> texts.plain("campaign.conflict.round", round.name(),
					dates(texts, round.startsOn(), round.endsOn()), round.expertsPerWork()))
			.collect(Collectors.joining(texts.text("campaign.conflict.separator")));
	}

	private void applyAllocations(long campaignId, List<AllocationDefinition> allocations,
			List<DefinitionConflict> conflicts) {
		record Current(int events, int sortOrder, boolean changedByAdmin) {
		}
		Map<Long, Current> existing = jdbc.sql(
				"select organisation_id, events, sort_order, changed_by_admin from event_allocation where campaign_id = ?")
			.param(campaignId)
			.query((rs, n) -> Map.entry(rs.getLong("organisation_id"),
					new Current(rs.getInt("events"), rs.getInt("sort_order"), rs.getBoolean("changed_by_admin"))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		int order = 0;
		for (AllocationDefinition allocation : allocations) {
			order++;
			Organisation unit = organisations.getByCode(allocation.unit());
			Current current = existing.get(unit.id());
			if (current == null) {
				jdbc.sql(
						"insert into event_allocation (campaign_id, organisation_id, events, sort_order) values (?, ?, ?, ?)")
					.params(campaignId, unit.id(), allocation.events(), order)
					.update();
			}
			else if (current.events() != allocation.events() || current.sortOrder() != order) {
				if (current.changedByAdmin()) {
					conflicts.add(new DefinitionConflict(texts.text("campaign.conflict.allocation", unit.name()),
							texts.plain("campaign.conflict.events", current.events()),
							texts.plain("campaign.conflict.events", allocation.events())));
				}
				else {
					jdbc.sql(
							"update event_allocation set events = ?, sort_order = ? where campaign_id = ? and organisation_id = ?")
						.params(allocation.events(), order, campaignId, unit.id())
						.update();
				}
			}
		}
	}

	private void applyTargets(long campaignId, Map<TargetMetric, Long> targets, List<DefinitionConflict> conflicts) {
		Map<TargetMetric, Target> existing = byKey(
				jdbc.sql("select metric, target, changed_by_admin from campaign_target where campaign_id = ?")
					.param(campaignId)
					.query((rs, n) -> new Target(TargetMetric.valueOf(rs.getString("metric")), rs.getLong("target"),
							rs.getBoolean("changed_by_admin")))
					.list(),
				Target::metric);
		for (Map.Entry<TargetMetric, Long> target : targets.entrySet()) {
			Target current = existing.get(target.getKey());
			if (current == null) {
				jdbc.sql("insert into campaign_target (campaign_id, metric, target) values (?, ?, ?)")
					.params(campaignId, target.getKey().name(), target.getValue())
					.update();
			}
			else if (current.target() != target.getValue()) {
				if (current.changedByAdmin()) {
					conflicts.add(new DefinitionConflict(texts.text("campaign.conflict.target", target.getKey().name()),
							String.valueOf(current.target()), String.valueOf(target.getValue())));
				}
				else {
					jdbc.sql("update campaign_target set target = ? where campaign_id = ? and metric = ?")
						.params(target.getValue(), campaignId, target.getKey().name())
						.update();
				}
			}
		}
	}

	private static <K, V> Map<K, V> byKey(List<V> values, Function<V, K> key) {
		return values.stream().collect(Collectors.toMap(key, Function.identity()));
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
	}

	static String sha256(String content) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
