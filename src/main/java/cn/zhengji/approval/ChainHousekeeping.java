package cn.zhengji.approval;

import java.util.Map;
import java.util.Set;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.EntryState;
import cn.zhengji.submission.EntryTransitioned;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the chain's own rows in step with every transition of an entry, inside the
 * transaction of the transition (the event is published synchronously): an entry that
 * leaves the chain before its end (returned, rejected, withdrawn, recalled to a draft)
 * gives back the quota place it holds, and an entry that goes back to its submitter
 * forgets the first level's judgements, so that the changed entry is judged again.
 */
@Component
class ChainHousekeeping {

	private static final Set<EntryState> RELEASING = Set.of(EntryState.RETURNED, EntryState.REJECTED,
			EntryState.WITHDRAWN, EntryState.DRAFT);

	private static final Set<EntryState> REJUDGED = Set.of(EntryState.RETURNED, EntryState.DRAFT);

	private final ApprovalRecords records;

	private final Organisations organisations;

	private final AuditLog auditLog;

	private final Texts texts;

	ChainHousekeeping(ApprovalRecords records, Organisations organisations, AuditLog auditLog, Texts texts) {
		this.texts = texts;
		this.records = records;
		this.organisations = organisations;
		this.auditLog = auditLog;
	}

	@EventListener
	void on(EntryTransitioned transition) {
		if (RELEASING.contains(transition.to())) {
			records.releasePlace(transition.entryId()).ifPresent(unit -> {
				String path = organisations.findById(transition.organisationId()).map(Organisation::path).orElse("/");
				String unitName = organisations.findById(unit).map(Organisation::name).orElse(String.valueOf(unit));
				auditLog.recordChange(AuditAction.UPDATED, "entry", transition.entryId(), path,
						texts.text("approval.audit.placeReleased", unitName, transition.title()),
						Map.of("quotaPlace", unit), Map.of("state", transition.to().name()));
			});
		}
		if (REJUDGED.contains(transition.to())) {
			records.clearJudgements(transition.entryId());
		}
	}

}
