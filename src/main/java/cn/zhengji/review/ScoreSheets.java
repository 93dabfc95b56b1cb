package cn.zhengji.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Rubric;
import cn.zhengji.campaign.RubricCriterion;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.review.ExpertAssignment.Pair;
import cn.zhengji.review.ReviewRoundScope.RoundContext;
import cn.zhengji.review.ScoreRecords.SheetRow;
import cn.zhengji.submission.BlindEntry;
import cn.zhengji.submission.Entries;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 12 item 5 (R-REV-1/2): the experts' score sheets (评分表) — points per criterion of
 * the category's rubric, a comment, and the expert's 交卷 of a round.
 *
 * <p>
 * <b>Who.</b> Only an account with the role EXPERT, and only for a work of the round
 * assigned to it (review_assignment); a pair an admin removed or a work the expert
 * declared a conflict on is no longer assigned. Anyone else gets a 404.
 *
 * <p>
 * <b>When.</b> A sheet changes only while its {@link SheetStanding} is OPEN: between the
 * round's first and last day in the campaign's time zone (from the injected clock), not
 * locked (review_round_lock, which the database enforces by trigger as well), and not
 * handed in by the expert. After 交卷 nothing of the expert's round changes.
 *
 * <p>
 * <b>Saving as one types.</b> Points are 0..the criterion's maximum with at most
 * {@value #MAX_DECIMALS} decimals (8.25, as a half point is not always fine enough);
 * full-width digits from a Chinese input method are read as digits; blank clears the
 * criterion. A save is idempotent: the value already stored is answered as saved without
 * a write. Two open tabs cannot overwrite each other silently: every save carries the
 * value the tab last saw for that field ({@code previous}); if the stored value is
 * neither that nor the new one, the save is refused with {@link ScoreChangedElsewhere}
 * naming the stored value — which stays — while the page keeps what the expert typed.
 * Comparing per field rather than per sheet lets two tabs fill different criteria without
 * refusals; the sheet's version still goes up with every change.
 *
 * <p>
 * <b>Durability.</b> Every method is one transaction that commits before it returns, so
 * before the page is told "已保存": a restart loses nothing acknowledged.
 *
 * <p>
 * <b>Audit.</b> Each keystroke save is not an audit event: an expert's round is thousands
 * of saves (a field is saved 600 ms after typing stops) and would drown the audit log,
 * while the values themselves are not yet a decision. The sheet's version and updated_at
 * are the trail while the round is open; the decision is the 交卷, audited with every score
 * and comment of the expert's round, and the deletion of a sheet on a conflict declared
 * after scoring (by {@link ReviewAssignments#declareConflict}).
 */
@Service
@Transactional
public class ScoreSheets {

	/** Decimals an expert may give (8.25). */
	public static final int MAX_DECIMALS = 2;

	/** The longest comment, in characters. */
	public static final int MAX_COMMENT = 2000;

	/** Full-width digits and dots from a Chinese input method, read as ASCII. */
	private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");

	private final ReviewRoundScope scope;

	private final ScoreRecords records;

	private final Campaigns campaigns;

	private final Entries entries;

	private final AuditLog auditLog;

	private final Texts texts;

	private final Clock clock;

	ScoreSheets(ReviewRoundScope scope, ScoreRecords records, Campaigns campaigns, Entries entries, AuditLog auditLog,
			Texts texts, Clock clock) {
		this.scope = scope;
		this.records = records;
		this.campaigns = campaigns;
		this.entries = entries;
		this.auditLog = auditLog;
		this.texts = texts;
		this.clock = clock;
	}

	/** The expert's rounds (those with works assigned to it), without their works. */
	@Transactional(readOnly = true)
	public List<ExpertRound> rounds(SignedInUser expert) {
		if (expert.role() != Role.EXPERT) {
			return List.of();
		}
		List<ExpertRound> rounds = new ArrayList<>();
		for (long roundId : records.roundsOf(expert.accountId())) {
			ExpertRound round = overview(expert, scope.find(roundId));
			rounds.add(new ExpertRound(round.roundId(), round.campaignTitle(), round.categoryName(), round.roundName(),
					round.startsOn(), round.endsOn(), round.workCount(), round.scoredCount(), round.submittedAt(),
					round.standing(), round.timeZone(), List.of()));
		}
		return rounds;
	}

	/** One of the expert's rounds with its works; a 404 when it has none in it. */
	@Transactional(readOnly = true)
	public ExpertRound round(SignedInUser expert, long roundId) {
		RoundContext round = expertsRound(expert, roundId);
		ExpertRound overview = overview(expert, round);
		if (overview.workCount() == 0) {
			throw new NotFoundException("review round " + roundId + " of expert " + expert.accountId());
		}
		return overview;
	}

	/** The expert's sheet of a work; a 404 unless the work is assigned to it. */
	@Transactional(readOnly = true)
	public ScoreSheet sheet(SignedInUser expert, long roundId, long entryId) {
		RoundContext round = assignedWork(expert, roundId, entryId);
		return read(round, expert.accountId(), entryId, standing(round, expert.accountId()));
	}

	/**
	 * The work as the expert may see it (nothing of who sent it, see {@link BlindEntry});
	 * a 404 unless the work is assigned to it.
	 */
	@Transactional(readOnly = true)
	public BlindEntry work(SignedInUser expert, long roundId, long entryId) {
		assignedWork(expert, roundId, entryId);
		return entries.blindContent(entryId);
	}

	/**
	 * Saves the points of one criterion as the expert types. Writes the review_score row
	 * (deletes it for a blank) and bumps the sheet's version and updated_at, creating the
	 * sheet on its first save; nothing when the value is already stored. Not audited (see
	 * the class comment).
	 * @param typed what the field holds; blank clears the criterion
	 * @param previous what the field held when the page last heard from the server
	 * @return the sheet after the save
	 * @throws ReviewChangeRejected for a value out of range or a closed sheet, and
	 * {@link ScoreChangedElsewhere} when the stored value changed meanwhile
	 */
	public ScoreSheet savePoints(SignedInUser expert, long roundId, long entryId, long criterionId, String typed,
			String previous) {
		RoundContext round = lockedForChange(expert, roundId, entryId);
		String field = pointsField(criterionId);
		RubricCriterion criterion = rubric(round).criteria()
			.stream()
			.filter((candidate) -> candidate.id() == criterionId)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("criterion " + criterionId + " in round " + roundId));
		refuseUnlessOpen(round, expert.accountId(), field);
		BigDecimal wanted = points(typed, criterion.maxPoints(), field);
		Optional<SheetRow> sheet = records.sheet(roundId, entryId, expert.accountId());
		BigDecimal stored = sheet.map((row) -> records.points(row.id()).get(criterionId)).orElse(null);
		if (samePoints(stored, wanted)) {
			return read(round, expert.accountId(), entryId, SheetStanding.OPEN);
		}
		if (!samePoints(stored, lenientPoints(previous))) {
			throw new ScoreChangedElsewhere(field, "review.score.changedElsewhere", shown(stored), shownOrNone(stored),
					shownOrNone(wanted));
		}
		write(() -> {
			SheetRow row = records.lockedSheet(roundId, entryId, expert.accountId(), clock.instant());
			records.setPoints(row.id(), criterionId, wanted);
			records.touch(row.id(), clock.instant());
		});
		return read(round, expert.accountId(), entryId, SheetStanding.OPEN);
	}

	/**
	 * Saves the comment on a work (at most {@value #MAX_COMMENT} characters; blank
	 * removes it), by the same rules as {@link #savePoints}.
	 */
	public ScoreSheet saveComment(SignedInUser expert, long roundId, long entryId, String typed, String previous) {
		RoundContext round = lockedForChange(expert, roundId, entryId);
		refuseUnlessOpen(round, expert.accountId(), "comment");
		String wanted = comment(typed);
		if (wanted != null && wanted.codePointCount(0, wanted.length()) > MAX_COMMENT) {
			throw new ReviewChangeRejected("comment", "review.comment.tooLong", Integer.toString(MAX_COMMENT));
		}
		Optional<SheetRow> sheet = records.sheet(roundId, entryId, expert.accountId());
		String stored = sheet.map(SheetRow::comment).orElse(null);
		if (Objects.equals(stored, wanted)) {
			return read(round, expert.accountId(), entryId, SheetStanding.OPEN);
		}
		if (!Objects.equals(stored, comment(previous))) {
			throw new ScoreChangedElsewhere("comment", "review.comment.changedElsewhere", stored == null ? "" : stored,
					stored == null ? texts.text("review.sheet.empty") : stored);
		}
		write(() -> {
			SheetRow row = records.lockedSheet(roundId, entryId, expert.accountId(), clock.instant());
			records.setComment(row.id(), wanted);
			records.touch(row.id(), clock.instant());
		});
		return read(round, expert.accountId(), entryId, SheetStanding.OPEN);
	}

	/**
	 * 交卷: the expert hands in its sheets of the round, after which none of them changes.
	 * Only when every work assigned to the expert has every criterion scored. Writes
	 * review_expert_submission and one audit event CREATED with every score and comment
	 * handed in.
	 * @return when it was handed in
	 * @throws ReviewChangeRejected listing the works not scored in full, or when the
	 * round is not open or already handed in
	 */
	public Instant submit(SignedInUser expert, long roundId) {
		RoundContext round = expertsRound(expert, roundId);
		records.shareRoundLock(roundId);
		records.lockExpert(roundId, expert.accountId());
		ExpertRound overview = overview(expert, round);
		if (overview.workCount() == 0) {
			throw new NotFoundException("review round " + roundId + " of expert " + expert.accountId());
		}
		refuseUnlessOpen(round, expert.accountId(), null);
		List<ExpertRound.Work> missing = overview.missing();
		if (!missing.isEmpty()) {
			String list = String.join(texts.text("common.listSeparator"),
					missing.stream()
						.map((work) -> texts.plain("review.submit.missingWork", work.number(), work.title()))
						.toList());
			throw new ReviewChangeRejected(null, "review.submit.incomplete", Integer.toString(missing.size()), list);
		}
		Instant now = clock.instant();
		write(() -> records.insertSubmission(roundId, expert.accountId(), now));
		Map<Long, Map<Long, BigDecimal>> points = records.pointsOfExpert(roundId, expert.accountId());
		Map<String, Object> handedIn = new LinkedHashMap<>();
		for (ExpertRound.Work work : overview.works()) {
			Map<String, Object> sheet = new LinkedHashMap<>();
			rubric(round).criteria()
				.forEach((criterion) -> sheet.put(criterion.code(),
						points.getOrDefault(work.entryId(), Map.of()).get(criterion.id())));
			sheet.put("comment",
					records.sheet(roundId, work.entryId(), expert.accountId()).map(SheetRow::comment).orElse(null));
			handedIn.put(Long.toString(work.entryId()), sheet);
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("round", roundId);
		after.put("expert", expert.accountId());
		after.put("sheets", handedIn);
		auditLog.recordChange(AuditAction.CREATED, "review_expert_submission", roundId, round.auditPath(),
				texts.plain("review.audit.submitted", round.category().name(), round.round().name(),
						expert.displayName(), overview.workCount()),
				null, after);
		return now;
	}

	/**
	 * For the round's results (item 6): one {@link ReviewResults.Score} per complete
	 * sheet — every criterion of the rubric scored — of a pair still assigned, whether or
	 * not the expert handed the round in yet (the results page may ask for that itself).
	 * {@code total} is the sum of the points (the rubric's scale, 0..its maximum),
	 * {@code highestCriterion} the best share of a criterion's maximum, at
	 * {@link ReviewResults#SHARE_SCALE} decimals. A sheet with a criterion missing does
	 * not count: a partial total would rank the work as if the expert had given 0. Not
	 * scoped to a viewer: the caller answers only the campaign's admins.
	 */
	@Transactional(readOnly = true)
	public List<ReviewResults.Score> scores(long roundId) {
		RoundContext round = scope.find(roundId);
		List<RubricCriterion> criteria = rubric(round).criteria();
		List<ReviewResults.Score> scores = new ArrayList<>();
		Map<Pair, Map<Long, BigDecimal>> byPair = records.assignedPoints(roundId);
		byPair.keySet()
			.stream()
			.sorted(java.util.Comparator.comparingLong(Pair::workId).thenComparingLong(Pair::expertId))
			.forEach((pair) -> {
				Map<Long, BigDecimal> points = byPair.get(pair);
				if (!criteria.stream().allMatch((criterion) -> points.containsKey(criterion.id()))) {
					return;
				}
				BigDecimal total = BigDecimal.ZERO;
				BigDecimal highest = BigDecimal.ZERO;
				for (RubricCriterion criterion : criteria) {
					BigDecimal given = points.get(criterion.id());
					total = total.add(given);
					if (criterion.maxPoints() > 0) {
						BigDecimal share = given.divide(BigDecimal.valueOf(criterion.maxPoints()),
								ReviewResults.SHARE_SCALE, RoundingMode.HALF_UP);
						highest = highest.max(share);
					}
				}
				scores.add(new ReviewResults.Score(pair.workId(), pair.expertId(), total, highest));
			});
		return scores;
	}

	/** The form field of a criterion's points, as pages and messages name it. */
	public static String pointsField(long criterionId) {
		return "points-" + criterionId;
	}

	/** Points as a field shows them: "8.5", "90", "" for none. */
	static String shown(BigDecimal points) {
		return points == null ? "" : points.stripTrailingZeros().toPlainString();
	}

	private String shownOrNone(BigDecimal points) {
		return points == null ? texts.text("review.sheet.empty") : shown(points);
	}

	private ExpertRound overview(SignedInUser expert, RoundContext round) {
		long roundId = round.roundId();
		List<Long> works = assignedWorks(roundId, expert.accountId());
		int criteria = rubric(round).criteria().size();
		Map<Long, Map<Long, BigDecimal>> points = records.pointsOfExpert(roundId, expert.accountId());
		Map<Long, String> titles = entries.titlesOf(works);
		List<ExpertRound.Work> lines = new ArrayList<>();
		int scored = 0;
		for (long entryId : works) {
			int given = (int) rubric(round).criteria()
				.stream()
				.filter((criterion) -> points.getOrDefault(entryId, Map.of()).containsKey(criterion.id()))
				.count();
			lines.add(new ExpertRound.Work(lines.size() + 1, entryId, titles.getOrDefault(entryId, ""),
					round.category().name(), given, criteria));
			if (given == criteria) {
				scored++;
			}
		}
		return new ExpertRound(roundId, round.campaign().title(), round.category().name(), round.round().name(),
				round.round().startsOn(), round.round().endsOn(), works.size(), scored,
				records.submittedAt(roundId, expert.accountId()).orElse(null), standing(round, expert.accountId()),
				round.campaign().timeZone(), lines);
	}

	private List<Long> assignedWorks(long roundId, long expertId) {
		return records.worksOf(roundId, expertId);
	}

	private ScoreSheet read(RoundContext round, long expertId, long entryId, SheetStanding standing) {
		Optional<SheetRow> sheet = records.sheet(round.roundId(), entryId, expertId);
		Map<Long, BigDecimal> points = sheet.map((row) -> records.points(row.id())).orElse(Map.of());
		List<ScoreSheet.CriterionScore> criteria = rubric(round).criteria()
			.stream()
			.map((criterion) -> new ScoreSheet.CriterionScore(criterion, points.get(criterion.id())))
			.toList();
		return new ScoreSheet(round.roundId(), entryId, criteria, sheet.map(SheetRow::comment).orElse(null),
				sheet.map(SheetRow::version).orElse(0), sheet.map(SheetRow::updatedAt).orElse(null), standing);
	}

	SheetStanding standing(RoundContext round, long expertId) {
		if (records.locked(round.roundId())) {
			return SheetStanding.LOCKED;
		}
		if (records.submittedAt(round.roundId(), expertId).isPresent()) {
			return SheetStanding.SUBMITTED;
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), round.campaign().timeZone());
		if (today.isAfter(round.round().endsOn())) {
			return SheetStanding.ENDED;
		}
		if (today.isBefore(round.round().startsOn())) {
			return SheetStanding.NOT_YET_OPEN;
		}
		return SheetStanding.OPEN;
	}

	private void refuseUnlessOpen(RoundContext round, long expertId, String field) {
		SheetStanding standing = standing(round, expertId);
		if (!standing.editable()) {
			throw new ReviewChangeRejected(field, standing.messageKey(), round.round().startsOn().toString(),
					round.round().endsOn().toString());
		}
	}

	private RoundContext expertsRound(SignedInUser expert, long roundId) {
		if (expert.role() != Role.EXPERT) {
			throw new NotFoundException("review round " + roundId + " for a non-expert");
		}
		return scope.find(roundId);
	}

	private RoundContext assignedWork(SignedInUser expert, long roundId, long entryId) {
		RoundContext round = expertsRound(expert, roundId);
		if (!records.assigned(roundId, entryId, expert.accountId())) {
			throw new NotFoundException(
					"entry " + entryId + " of round " + roundId + " for expert " + expert.accountId());
		}
		return round;
	}

	/**
	 * Takes the round's lock in shared mode (no reassignment meanwhile) and the expert's
	 * (no 交卷 meanwhile), then checks the pair.
	 */
	private RoundContext lockedForChange(SignedInUser expert, long roundId, long entryId) {
		RoundContext round = expertsRound(expert, roundId);
		records.shareRoundLock(roundId);
		records.lockExpert(roundId, expert.accountId());
		return assignedWork(expert, roundId, entryId);
	}

	private Rubric rubric(RoundContext round) {
		return campaigns.rubric(round.category().id())
			.orElseThrow(() -> new NotFoundException("rubric of category " + round.category().id()));
	}

	/**
	 * A write the round's lock (a trigger) may refuse when an admin locked it meanwhile.
	 */
	private static void write(Runnable write) {
		try {
			write.run();
		}
		catch (DataIntegrityViolationException ex) {
			throw new ReviewChangeRejected(null, "review.sheet.locked");
		}
	}

	/** The typed points, or null for blank. */
	static BigDecimal points(String typed, int maximum, String field) {
		String value = ascii(typed);
		if (value.isEmpty()) {
			return null;
		}
		if (value.startsWith("-") && NUMBER.matcher(value.substring(1)).matches()) {
			throw new ReviewChangeRejected(field, "review.score.negative");
		}
		if (!NUMBER.matcher(value).matches()) {
			throw new ReviewChangeRejected(field, "review.score.notANumber", Integer.toString(maximum));
		}
		BigDecimal points = new BigDecimal(value.endsWith(".") ? value.substring(0, value.length() - 1) : value);
		if (points.stripTrailingZeros().scale() > MAX_DECIMALS) {
			throw new ReviewChangeRejected(field, "review.score.tooPrecise", Integer.toString(MAX_DECIMALS));
		}
		if (points.compareTo(BigDecimal.valueOf(maximum)) > 0) {
			throw new ReviewChangeRejected(field, "review.score.aboveMax", Integer.toString(maximum));
		}
		return points.setScale(MAX_DECIMALS, RoundingMode.UNNECESSARY);
	}

	/** The value a tab says it last saw; anything unreadable matches nothing stored. */
	private static BigDecimal lenientPoints(String previous) {
		String value = ascii(previous);
		if (value.isEmpty()) {
			return null;
		}
		try {
			return new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			return BigDecimal.valueOf(-1);
		}
	}

	private static boolean samePoints(BigDecimal a, BigDecimal b) {
		return (a == null) ? b == null : (b != null && a.compareTo(b) == 0);
	}

	/** Full-width digits, dot and minus as ASCII; blanks (full-width too) stripped. */
	private static String ascii(String typed) {
		if (typed == null) {
			return "";
		}
		StringBuilder ascii = new StringBuilder(typed.length());
		typed.codePoints().forEach((c) -> {
			if (c >= 0xFF10 && c <= 0xFF19) {
				ascii.append((char) ('0' + (c - 0xFF10)));
			}
			else if (c == 0xFF0E || c == 0x3002) {
				ascii.append('.');
			}
			else if (c == 0xFF0D) {
				ascii.append('-');
			}
			else {
				ascii.appendCodePoint(c);
			}
		});
		return ascii.toString().strip();
	}

	/** A comment as stored: line breaks as \n, stripped, null when blank. */
	private static String comment(String typed) {
		if (typed == null) {
			return null;
		}
		String normalised = typed.replace("\r\n", "\n").replace('\r', '\n').strip();
		return normalised.isEmpty() ? null : normalised;
	}

}
