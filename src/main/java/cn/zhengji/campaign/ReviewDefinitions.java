package cn.zhengji.campaign;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.CampaignDefinition.CriterionDefinition;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 12 item 2: the campaign's admins ({@link CampaignAdministration#administers})
 * edit a category's rubric (评分细则) and its review rounds — the same rules as the
 * definition loader, refused with a Chinese message instead of a file error. As with the
 * category editing: a stale form (the rubric's or the rounds' version) raises
 * {@link OptimisticLockingFailureException}; the element is marked changed by an admin
 * ({@code rubric_changed_by_admin}, {@code review_rounds_changed_by_admin}) so that a
 * newer definition file keeps the admin's version; every change is audited under the
 * host's path. Once experts are assigned in a round ({@link ReviewRoundsInUse}) its
 * category's rubric and the round itself are fixed: scores and assignments were made
 * against them.
 */
@Service
@Transactional
public class ReviewDefinitions {

	/** Codes the loader and the database accept for criteria and rounds. */
	private static final String CODE_FORMAT = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

	private static final int MAX_NAME = 100;

	private static final int MAX_GUIDANCE = 2000;

	private final CampaignAdministration administration;

	private final Campaigns campaigns;

	private final ReviewRoundsInUse inUse;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Texts texts;

	ReviewDefinitions(CampaignAdministration administration, Campaigns campaigns, ReviewRoundsInUse inUse,
			JdbcClient jdbc, AuditLog auditLog, Texts texts) {
		this.administration = administration;
		this.campaigns = campaigns;
		this.inUse = inUse;
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.texts = texts;
	}

	/**
	 * One criterion as the admin typed it. A blank code makes a new criterion (a code is
	 * generated); a code of the stored rubric keeps that criterion's row.
	 */
	public record CriterionInput(String code, String name, Integer maxPoints, String guidance) {
	}

	/** A round's values as the admin typed them; any may be missing (then refused). */
	public record RoundInput(String name, ReviewRound.EntryRule entryRule, Integer entryNumber, Integer expertsPerWork,
			LocalDate startsOn, LocalDate endsOn) {

		public static RoundInput of(ReviewRound round) {
			return new RoundInput(round.name(), round.entryRule(), round.entryNumber(), round.expertsPerWork(),
					round.startsOn(), round.endsOn());
		}

	}

	/**
	 * Replaces the category's rubric by these criteria, in this order: rows are kept by
	 * code, criteria left out are deleted. Writes rubric_criterion, sets
	 * {@code rubric_changed_by_admin}, bumps {@code rubric_version} and records an audit
	 * event UPDATED on the category with the criteria before and after.
	 * @param expectedVersion the {@code rubricVersion} the form showed
	 * @throws CampaignChangeRejected no criterion, a name or maximum missing or out of
	 * range, a code twice, or experts already assigned in one of the category's rounds
	 */
	public Rubric changeRubric(SignedInUser actor, String campaignCode, String categoryCode,
			List<CriterionInput> criteria, int expectedVersion) {
		Campaign campaign = administration.campaignFor(actor, campaignCode);
		Category category = category(campaign, categoryCode);
		for (ReviewRound round : campaigns.reviewRounds(category.id())) {
			requireNotAssigned(round, "campaign.rubric.assigned");
		}
		List<CriterionInput> valid = validCriteria(criteria);
		Optional<Rubric> before = campaigns.rubric(category.id());
		int updated = jdbc.sql("""
				update campaign_category set rubric_changed_by_admin = true, rubric_version = rubric_version + 1
				where id = ? and rubric_version = ?
				""").params(category.id(), expectedVersion).update();
		requireUpdated(updated);
		RubricRows.replace(jdbc, category.id(),
				valid.stream()
					.map((criterion) -> new CriterionDefinition(criterion.code(), criterion.name(),
							criterion.maxPoints(), criterion.guidance()))
					.toList());
		Rubric after = campaigns.rubric(category.id()).orElseThrow();
		auditLog.recordChange(AuditAction.UPDATED, "campaign_category", category.id(), campaign.hostOrganisationPath(),
				texts.plain("campaign.audit.rubric", campaign.code(), category.name(), after.maximum()),
				before.map(Rubric::criteria).orElse(List.of()), after.criteria());
		return after;
	}

	/**
	 * Changes one round's name, entry rule, K and dates. Writes review_round, sets
	 * {@code review_rounds_changed_by_admin}, bumps {@code review_rounds_version} and
	 * records an audit event UPDATED on the round.
	 * @param expectedVersion the category's {@code reviewRoundsVersion} the form showed
	 * @throws CampaignChangeRejected an invalid value, or experts already assigned
	 */
	public ReviewRound changeRound(SignedInUser actor, String campaignCode, String categoryCode, String roundCode,
			RoundInput input, int expectedVersion) {
		Campaign campaign = administration.campaignFor(actor, campaignCode);
		Category category = category(campaign, categoryCode);
		List<ReviewRound> rounds = campaigns.reviewRounds(category.id());
		ReviewRound before = rounds.stream()
			.filter(round -> round.code().equals(roundCode))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("review round " + roundCode));
		requireNotAssigned(before, "campaign.round.assigned");
		int index = rounds.indexOf(before);
		validateRound(campaign, input, index == 0, index == 0 ? null : rounds.get(index - 1),
				index + 1 < rounds.size() ? rounds.get(index + 1) : null);
		bumpRounds(category, expectedVersion);
		jdbc.sql("""
				update review_round set name = ?, entry_rule = ?, entry_number = ?, experts_per_work = ?, starts_on = ?,
				    ends_on = ?
				where id = ?
				""")
			.params(input.name().strip(), input.entryRule().name(), number(input), input.expertsPerWork(),
					input.startsOn(), input.endsOn(), before.id())
			.update();
		ReviewRound after = campaigns.reviewRound(before.id()).orElseThrow();
		auditLog.recordChange(AuditAction.UPDATED, "review_round", before.id(), campaign.hostOrganisationPath(),
				texts.plain("campaign.audit.roundChanged", campaign.code(), category.name(), after.name()), before,
				after);
		return after;
	}

	/**
	 * Adds a round after the category's last one (the first round of a category that had
	 * none). Writes review_round, sets {@code review_rounds_changed_by_admin}, bumps
	 * {@code review_rounds_version} and records an audit event CREATED.
	 * @param code null or blank: generated
	 * @throws CampaignChangeRejected an invalid value or a taken code
	 */
	public ReviewRound addRound(SignedInUser actor, String campaignCode, String categoryCode, String code,
			RoundInput input, int expectedVersion) {
		Campaign campaign = administration.campaignFor(actor, campaignCode);
		Category category = category(campaign, categoryCode);
		List<ReviewRound> rounds = campaigns.reviewRounds(category.id());
		String roundCode = code == null || code.isBlank() ? "round-" + (rounds.size() + 1) : code.strip();
		if (!roundCode.matches(CODE_FORMAT)) {
			throw new CampaignChangeRejected("code", "campaign.round.code.format");
		}
		if (rounds.stream().anyMatch(round -> round.code().equals(roundCode))) {
			throw new CampaignChangeRejected("code", "campaign.round.code.taken", roundCode);
		}
		validateRound(campaign, input, rounds.isEmpty(), rounds.isEmpty() ? null : rounds.getLast(), null);
		bumpRounds(category, expectedVersion);
		long id = jdbc.sql("""
				insert into review_round (category_id, code, name, round_order, entry_rule, entry_number,
				    experts_per_work, starts_on, ends_on)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				returning id
				""")
			.params(category.id(), roundCode, input.name().strip(), rounds.size() + 1, input.entryRule().name(),
					number(input), input.expertsPerWork(), input.startsOn(), input.endsOn())
			.query(Long.class)
			.single();
		ReviewRound after = campaigns.reviewRound(id).orElseThrow();
		auditLog.recordChange(AuditAction.CREATED, "review_round", id, campaign.hostOrganisationPath(),
				texts.plain("campaign.audit.roundAdded", campaign.code(), category.name(), after.name()), null, after);
		return after;
	}

	private Category category(Campaign campaign, String categoryCode) {
		return campaigns.category(campaign, categoryCode)
			.orElseThrow(() -> new NotFoundException("category " + categoryCode));
	}

	private void requireNotAssigned(ReviewRound round, String messageCode) {
		long pairs = inUse.assignedPairs(round.id());
		if (pairs > 0) {
			throw new CampaignChangeRejected(null, messageCode, round.name(), pairs);
		}
	}

	private void bumpRounds(Category category, int expectedVersion) {
		int updated = jdbc.sql("""
				update campaign_category set review_rounds_changed_by_admin = true,
				    review_rounds_version = review_rounds_version + 1
				where id = ? and review_rounds_version = ?
				""").params(category.id(), expectedVersion).update();
		requireUpdated(updated);
	}

	private static Integer number(RoundInput input) {
		return input.entryRule().selectsFromPreviousRound() ? input.entryNumber() : null;
	}

	/**
	 * Blank rows (no name, no points, no guidance) are the form's spare rows: ignored.
	 */
	private static List<CriterionInput> validCriteria(List<CriterionInput> criteria) {
		List<CriterionInput> rows = criteria == null ? List.of() : criteria.stream()
			.filter(row -> row != null && !(blank(row.name()) && row.maxPoints() == null && blank(row.guidance())))
			.toList();
		if (rows.isEmpty()) {
			throw new CampaignChangeRejected(null, "campaign.rubric.empty");
		}
		Set<String> codes = new HashSet<>();
		for (CriterionInput row : rows) {
			if (!blank(row.code())) {
				codes.add(row.code().strip());
			}
		}
		List<CriterionInput> valid = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		int generated = 0;
		for (int i = 0; i < rows.size(); i++) {
			CriterionInput row = rows.get(i);
			int number = i + 1;
			if (blank(row.name())) {
				throw new CampaignChangeRejected(null, "campaign.rubric.nameRequired", number);
			}
			String name = row.name().strip();
			if (name.codePointCount(0, name.length()) > MAX_NAME) {
				throw new CampaignChangeRejected(null, "campaign.rubric.nameTooLong", name, MAX_NAME);
			}
			if (row.maxPoints() == null || row.maxPoints() < 1 || row.maxPoints() > 1000) {
				throw new CampaignChangeRejected(null, "campaign.rubric.maxPoints", name);
			}
			String guidance = blank(row.guidance()) ? null : row.guidance().strip();
			if (guidance != null && guidance.codePointCount(0, guidance.length()) > MAX_GUIDANCE) {
				throw new CampaignChangeRejected(null, "campaign.rubric.guidanceTooLong", name, MAX_GUIDANCE);
			}
			String code;
			if (blank(row.code())) {
				do {
					code = "c" + (++generated);
				}
				while (codes.contains(code));
				codes.add(code);
			}
			else {
				code = row.code().strip();
				if (!code.matches(CODE_FORMAT)) {
					throw new CampaignChangeRejected(null, "campaign.rubric.codeFormat", name);
				}
			}
			if (!seen.add(code)) {
				throw new CampaignChangeRejected(null, "campaign.rubric.codeTwice", code);
			}
			valid.add(new CriterionInput(code, name, row.maxPoints(), guidance));
		}
		return valid;
	}

	/**
	 * The form's own checks (fields present, the name), then the rules every round obeys
	 * ({@link ReviewRoundRules}, as the definition files do), as messages.
	 */
	private static void validateRound(Campaign campaign, RoundInput input, boolean first, ReviewRound previous,
			ReviewRound next) {
		if (blank(input.name())) {
			throw new CampaignChangeRejected("name", "campaign.round.nameRequired");
		}
		if (input.name().strip().codePointCount(0, input.name().strip().length()) > MAX_NAME) {
			throw new CampaignChangeRejected("name", "campaign.round.nameTooLong", MAX_NAME);
		}
		if (input.entryRule() == null) {
			throw new CampaignChangeRejected("entryRule", "campaign.round.entryRule.required");
		}
		if (input.expertsPerWork() == null) {
			throw new CampaignChangeRejected("expertsPerWork", "campaign.round.expertsPerWork");
		}
		if (input.startsOn() == null) {
			throw new CampaignChangeRejected("startsOn", "campaign.phase.startsOn.required");
		}
		if (input.endsOn() == null) {
			throw new CampaignChangeRejected("endsOn", "campaign.round.endsOn.required");
		}
		Phase review = campaign.phase(PhaseKind.REVIEW)
			.orElseThrow(() -> new CampaignChangeRejected(null, "campaign.round.noReviewPhase"));
		// The form keeps a number typed before the rule was switched to the host's
		// approvals; that rule takes none, so it is not stored ({@link #number}).
		ReviewRoundRules
			.check(new ReviewRoundRules.Proposal(input.entryRule(), number(input), input.expertsPerWork(),
					input.startsOn(), input.endsOn(), first, previous == null ? null : previous.endsOn(),
					next == null ? null : next.startsOn(), review.startsOn(), review.endsOn()))
			.ifPresent((problem) -> {
				throw switch (problem) {
					case FIRST_TAKES_HOST_APPROVALS, HOST_APPROVALS_TAKE_NO_NUMBER ->
						new CampaignChangeRejected("entryRule", "campaign.round.entryRule.first");
					case LATER_SELECTS_FROM_PREVIOUS ->
						new CampaignChangeRejected("entryRule", "campaign.round.entryRule.later");
					case TOP_N_NEEDS_NUMBER ->
						new CampaignChangeRejected("entryNumber", "campaign.round.entryNumber.topN");
					case TOP_SHARE_NEEDS_PERCENTAGE ->
						new CampaignChangeRejected("entryNumber", "campaign.round.entryNumber.topShare");
					case EXPERTS_PER_WORK_OUT_OF_RANGE ->
						new CampaignChangeRejected("expertsPerWork", "campaign.round.expertsPerWork");
					case ENDS_BEFORE_START -> new CampaignChangeRejected("endsOn", "campaign.phase.endsBeforeStart");
					case OUTSIDE_REVIEW_PHASE -> new CampaignChangeRejected("startsOn", "campaign.round.outsidePhase",
							review.name(), review.startsOn(), review.endsOn() == null ? "" : review.endsOn());
					case OVERLAPS_PREVIOUS -> new CampaignChangeRejected("startsOn", "campaign.round.overlapsPrevious",
							previous.name(), previous.endsOn());
					case OVERLAPS_NEXT -> new CampaignChangeRejected("endsOn", "campaign.round.overlapsNext",
							next.name(), next.startsOn());
				};
			});
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static void requireUpdated(int updated) {
		if (updated == 0) {
			throw new OptimisticLockingFailureException("the review definition was changed by someone else");
		}
	}

}
