package cn.zhengji.review;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.review.ReviewProgress.ExpertLine;
import cn.zhengji.review.ReviewProgress.RoundProgress;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 12 item 6: the campaign's admins remind the experts of a round who lag behind
 * (催办). At most one reminder per expert, round and day in the campaign's time zone,
 * decided by the database (review_reminder_uq), so that two admins sending at once never
 * remind anyone twice; whoever was reminded that day already is named back to the admin.
 */
@Service
@Transactional
public class ReviewReminders {

	private final ReviewProgress progress;

	private final ProgressRecords records;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	private final Texts texts;

	private final Clock clock;

	ReviewReminders(ReviewProgress progress, ProgressRecords records, AuditLog auditLog,
			ApplicationEventPublisher events, Texts texts, Clock clock) {
		this.progress = progress;
		this.records = records;
		this.auditLog = auditLog;
		this.events = events;
		this.texts = texts;
		this.clock = clock;
	}

	/**
	 * What became of a batch, by the experts' names in the order chosen.
	 *
	 * @param reminded told now
	 * @param alreadyToday skipped: reminded today already
	 * @param notReminded skipped: handed in already, no work in the round, or the account
	 * is disabled
	 */
	public record Outcome(List<String> reminded, List<String> alreadyToday, List<String> notReminded) {
	}

	/**
	 * Reminds the chosen experts of the round. Side effects, in one transaction: one row
	 * in review_reminder per expert reminded (the experts reminded today already are
	 * skipped by its unique constraint); the event {@link ExpertsReminded}, on which the
	 * notification module stores an in-app notice to each of them (linking to
	 * {@code /expert/reviews/{roundId}}) and, after the commit, sends a text message to
	 * those who opted in and have a notice mobile; and one audit event CREATED on
	 * review_reminder for the round with the count and the ids. Experts who handed in,
	 * have no work in the round, or whose account is disabled are skipped. Nothing is
	 * written when nobody is reminded.
	 * @param expertIds experts of the round (pool, assigned or handed in)
	 * @throws NotFoundException for a non-admin, or an expert who is not of the round
	 * @throws ReviewChangeRejected when nobody is chosen or the round is locked
	 */
	public Outcome remind(SignedInUser actor, long roundId, Collection<Long> expertIds) {
		RoundProgress round = progress.round(actor, roundId);
		if (expertIds == null || expertIds.isEmpty()) {
			throw new ReviewChangeRejected("experts", "review.reminder.noneChosen");
		}
		if (records.locked(roundId)) {
			throw new ReviewChangeRejected(null, "review.reminder.locked", round.round().name());
		}
		Map<Long, ExpertLine> experts = round.experts()
			.stream()
			.collect(Collectors.toMap(ExpertLine::expertId, Function.identity()));
		Set<Long> chosen = new LinkedHashSet<>(expertIds);
		for (long id : chosen) {
			if (!experts.containsKey(id)) {
				throw new NotFoundException("expert " + id + " of review round " + roundId);
			}
		}
		List<Long> remindable = chosen.stream()
			.filter((id) -> experts.get(id).lagging() && experts.get(id).enabled())
			.toList();
		Instant now = clock.instant();
		Set<Long> claimed = new HashSet<>(
				records.claimReminders(roundId, remindable, round.schedule().today(), actor.accountId(), now));
		List<Long> reminded = remindable.stream().filter(claimed::contains).toList();
		List<Long> alreadyToday = remindable.stream().filter((id) -> !claimed.contains(id)).toList();
		List<Long> notReminded = chosen.stream().filter((id) -> !remindable.contains(id)).toList();
		if (!reminded.isEmpty()) {
			List<ExpertsReminded.Expert> told = new ArrayList<>();
			for (long id : reminded) {
				ExpertLine expert = experts.get(id);
				told.add(new ExpertsReminded.Expert(id, expert.assigned(), expert.assigned() - expert.complete()));
			}
			events.publishEvent(new ExpertsReminded(roundId, round.campaign().title(), round.category().name(),
					round.round().name(), round.round().endsOn(), round.schedule().daysLeft(), told));
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("round", roundId);
			after.put("day", round.schedule().today().toString());
			after.put("reminded", reminded);
			after.put("alreadyToday", alreadyToday);
			after.put("notReminded", notReminded);
			auditLog.recordChange(AuditAction.CREATED, "review_reminder", roundId,
					round.campaign().hostOrganisationPath(), texts.plain("review.audit.reminded",
							round.category().name(), round.round().name(), reminded.size(), alreadyToday.size()),
					null, after);
		}
		return new Outcome(names(reminded, experts), names(alreadyToday, experts), names(notReminded, experts));
	}

	private static List<String> names(List<Long> ids, Map<Long, ExpertLine> experts) {
		return ids.stream().map((id) -> experts.get(id).name()).toList();
	}

}
