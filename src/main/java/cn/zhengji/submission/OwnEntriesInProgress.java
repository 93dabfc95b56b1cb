package cn.zhengji.submission;

import java.util.List;
import java.util.Set;

import cn.zhengji.account.EntriesInProgress;
import cn.zhengji.infrastructure.Texts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answers the account module's question before a participant changes organisation: which
 * of their entries are unfinished under the organisation they were created under.
 */
@Component
class OwnEntriesInProgress implements EntriesInProgress {

	private static final Set<EntryState> IN_PROGRESS = Set.of(EntryState.DRAFT, EntryState.SUBMITTED,
			EntryState.RETURNED);

	private final EntryRecords records;

	private final Texts texts;

	OwnEntriesInProgress(EntryRecords records, Texts texts) {
		this.records = records;
		this.texts = texts;
	}

	@Override
	@Transactional(readOnly = true)
	public List<String> ownedBy(long accountId) {
		return records.summariesOwnedBy(List.of(Entry.accountOwner(accountId)))
			.stream()
			.filter(entry -> IN_PROGRESS.contains(entry.state()))
			.sorted((a, b) -> Long.compare(a.id(), b.id()))
			.map(entry -> texts.text("submission.inProgress.entry", entry.title(),
					texts.text(entry.status().messageCode(), entry.status().arguments())))
			.toList();
	}

}
