package cn.zhengji.notification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import cn.zhengji.account.Accounts;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.EntryState;
import cn.zhengji.submission.EntryTransitioned;
import cn.zhengji.submission.EntryTransitioned.Step;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * R-APR-1 Tells the people concerned about every step of an entry: its submitter (the
 * participant, or the admins of the submitting organisation for an organisation's entry)
 * and the admins of the organisation that acts next. A plain listener, so that the
 * notices are stored in the transaction of the change: both are committed, or neither.
 * Nobody is told about their own action; an admin who is both owner and next approver
 * gets the approver's notice (it links to the admin page).
 */
@Component
class EntryNotices {

	private static final int MAX_TITLE_IN_TEXT = 40;

	private final Notices notices;

	private final Accounts accounts;

	private final Organisations organisations;

	private final Texts texts;

	EntryNotices(Notices notices, Accounts accounts, Organisations organisations, Texts texts) {
		this.notices = notices;
		this.accounts = accounts;
		this.organisations = organisations;
		this.texts = texts;
	}

	/**
	 * A work's title as quoted in a notice: long titles are cut so that the notice's
	 * title stays short.
	 */
	static String quoted(String title) {
		String trimmed = title == null ? "" : title.strip();
		return trimmed.length() <= MAX_TITLE_IN_TEXT ? trimmed : trimmed.substring(0, MAX_TITLE_IN_TEXT) + "…";
	}

	private static final Set<Step> REVIEW_STEPS = Set.of(Step.ADVANCED, Step.NOT_ADVANCED, Step.AWARDED,
			Step.NOT_AWARDED);

	private static final Set<Step> PUBLICITY_STEPS = Set.of(Step.PUBLICITY_STARTED, Step.AWARD_CHANGED,
			Step.AWARD_WITHDRAWN, Step.AWARD_FINALISED);

	@EventListener
	void on(EntryTransitioned event) {
		if (PUBLICITY_STEPS.contains(event.step())) {
			publicity(event);
			return;
		}
		if (REVIEW_STEPS.contains(event.step()) || event.step() == Step.NATIONAL_RECOMMENDED
				|| event.step() == Step.NATIONAL_IMPORTED || event.step() == Step.NATIONAL_RECOMMENDATION_WITHDRAWN) {
			// A locked round's outcome is not yet a result: participants learn it when
			// the
			// results are published (公示), not at the lock.
			return;
		}
		if (event.step() == EntryTransitioned.Step.EDITED || event.step() == EntryTransitioned.Step.RECALLED) {
			// The owner took its own entry back into work: it left the chain, so nobody
			// waits for it, and
			// the owner (the actor) is never told about its own action.
			return;
		}
		Set<Long> approvers = new LinkedHashSet<>(
				event.nextOrganisationId() == null ? List.of() : accounts.enabledAdminIds(event.nextOrganisationId()));
		approvers.remove(event.actorId());
		Set<Long> owners = new LinkedHashSet<>(event.ownerAccountId() != null ? List.of(event.ownerAccountId())
				: accounts.enabledAdminIds(event.organisationId()));
		owners.remove(event.actorId());
		owners.removeAll(approvers);

		String title = quoted(event.title());
		String level = event.levelOrganisationId() == null ? event.actorName() : name(event.levelOrganisationId());
		String next = event.nextOrganisationId() == null ? "" : name(event.nextOrganisationId());
		String remark = event.remark() == null || event.remark().isBlank() ? null : event.remark().strip();
		String reason = remark != null && !Texts.clause(remark).isEmpty() ? Texts.clause(remark)
				: texts.text("notice.entry.noReason");
		NoticeKind kind = NoticeKind.valueOf(event.step().name());

		List<NewNotice> stored = new ArrayList<>();
		if (!owners.isEmpty()) {
			String ownerTitle = texts.text(ownerCode(event, "title"), title, event.actorName(), level, next, reason);
			String ownerBody = texts.text(ownerCode(event, "body"), title, event.actorName(), level, next, reason)
					+ opinion(event.step(), remark);
			for (long owner : owners) {
				stored.add(new NewNotice(owner, kind, ownerTitle, ownerBody, "/works/" + event.entryId(),
						event.entryId(), texts.text("notice.sms", ownerTitle)));
			}
		}
		if (!approvers.isEmpty()) {
			String approverTitle = texts.text("notice.entry.approver.title", title);
			String approverBody = texts.text("notice.entry.approver." + event.step().name(), title, event.actorName(),
					level, next, reason) + opinion(event.step(), remark);
			for (long approver : approvers) {
				stored.add(new NewNotice(approver, kind, approverTitle, approverBody, "/admin/works/" + event.entryId(),
						event.entryId(), texts.text("notice.sms", approverTitle)));
			}
		}
		notices.store(stored);
	}

	/**
	 * Issue 13: the results of the owners' work are published (公示), changed or withdrawn
	 * after an objection, or final; one PUBLICITY notice per owner, linking to the work.
	 */
	private void publicity(EntryTransitioned event) {
		Set<Long> owners = new LinkedHashSet<>(event.ownerAccountId() != null ? List.of(event.ownerAccountId())
				: accounts.enabledAdminIds(event.organisationId()));
		if (owners.isEmpty()) {
			return;
		}
		String title = quoted(event.title());
		String remark = event.remark() == null ? "" : event.remark().strip();
		String[] keys = switch (event.step()) {
			case PUBLICITY_STARTED ->
				new String[] { "notice.publicity.started.title", "notice.publicity.started.body" };
			case AWARD_CHANGED -> new String[] { "notice.publicity.changed.title", "notice.publicity.changed.body" };
			case AWARD_WITHDRAWN ->
				new String[] { "notice.publicity.withdrawn.title", "notice.publicity.withdrawn.body" };
			default -> new String[] { "notice.publicity.final.title", "notice.publicity.final.body" };
		};
		String noticeTitle = texts.text(keys[0], title);
		String body = texts.text(keys[1], title, remark);
		List<NewNotice> stored = new ArrayList<>();
		for (long owner : owners) {
			stored.add(new NewNotice(owner, NoticeKind.PUBLICITY, noticeTitle, body, "/works/" + event.entryId(),
					event.entryId(), texts.text("notice.sms", noticeTitle)));
		}
		notices.store(stored);
	}

	/**
	 * The owner's text: an approval that completes the chain reads differently from one
	 * that passes the entry on; so does a submission or recommendation that waits at a
	 * named organisation.
	 */
	private static String ownerCode(EntryTransitioned event, String part) {
		String step = event.step().name();
		if ((event.step() == Step.APPROVED || event.step() == Step.RECOMMENDED) && event.to() == EntryState.APPROVED) {
			step += ".final";
		}
		else if (event.nextOrganisationId() == null && event.step() != Step.RETURNED && event.step() != Step.REJECTED
				&& event.step() != Step.WITHDRAWN) {
			step += ".nowhere";
		}
		return "notice.entry.owner." + step + "." + part;
	}

	/**
	 * The opinion given with an approval or recommendation; returns and rejections carry
	 * it in their text.
	 */
	private String opinion(Step step, String remark) {
		if (remark == null || step == Step.RETURNED || step == Step.REJECTED) {
			return "";
		}
		return texts.text("notice.entry.opinion", Texts.clause(remark));
	}

	private String name(long organisationId) {
		return organisations.findById(organisationId).map(Organisation::name).orElse("");
	}

}
