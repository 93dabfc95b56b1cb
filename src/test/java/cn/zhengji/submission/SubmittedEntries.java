package cn.zhengji.submission;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.CategoryRules.FileKind;
import cn.zhengji.campaign.CategoryRules.TextField;
import cn.zhengji.campaign.Declaration;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.media.Inspection;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scenery of approval tests: an entry of any category of the open demo campaign, made
 * complete and submitted through the real {@link EntryLifecycle}. Texts are filled within
 * their limits and every slot gets its minimum number of files, written as attachments
 * with a passing inspection (what the files contain is the media checks' concern, tested
 * on their own).
 */
public final class SubmittedEntries {

	private final EntryLifecycle changes;

	private final Entries entries;

	private final EntryRecords records;

	private final Campaigns campaigns;

	private final TransactionTemplate transactions;

	/** Built from the test's application context (the records are this package's own). */
	public static SubmittedEntries from(org.springframework.context.ApplicationContext context) {
		return new SubmittedEntries(context.getBean(EntryLifecycle.class), context.getBean(Entries.class),
				context.getBean(EntryRecords.class), context.getBean(Campaigns.class),
				context.getBean(TransactionTemplate.class));
	}

	SubmittedEntries(EntryLifecycle changes, Entries entries, EntryRecords records, Campaigns campaigns,
			TransactionTemplate transactions) {
		this.changes = changes;
		this.entries = entries;
		this.records = records;
		this.campaigns = campaigns;
		this.transactions = transactions;
	}

	/** A complete, submitted entry of the category, owned by the actor. */
	public long submitted(SignedInUser owner, String categoryCode, String title) {
		long id = changes.create(owner, SubmissionFixtures.OPEN_CAMPAIGN, categoryCode, title);
		complete(owner, id);
		submit(owner, id);
		return id;
	}

	/** Fills texts, the nomination form and every slot so that every check passes. */
	public void complete(SignedInUser owner, long id) {
		Entry entry = records.find(id).orElseThrow();
		Category category = category(entry);
		Map<String, String> texts = new HashMap<>();
		for (TextField field : category.rules().textFields()) {
			if (field.sections().isEmpty()) {
				texts.put(field.key(), "为职工服务的材料");
			}
			else {
				field.sections().forEach(section -> texts.put(field.key() + "#" + section, section + "的说明"));
			}
		}
		NominationInput nomination = category.rules().nominationForm() ? new NominationInput("李四", "FEMALE", "1949-12",
				"群众", "闽工之声", "微信视频号", "1.5万", "某公司 工会主席", "13900001111", "11010519491231002X", "简介", "理由") : null;
		changes.edit(owner, id, entry.version(), entry.title(), texts, nomination);
		List<Attachment> present = records.attachments(id);
		for (AttachmentSlot slot : entries.slots(category)) {
			long have = present.stream().filter(file -> file.slotKey().equals(slot.key())).count();
			for (long i = have; i < Math.max(1, slot.minCount()); i++) {
				FileKind kind = slot.accepted().getFirst();
				String name = slot.key() + "-" + i + "." + kind.extensions().getFirst();
				transactions.executeWithoutResult(
						status -> records.insertAttachment(id, slot.key(), null, UUID.randomUUID(), name, 1024,
								"0".repeat(64), new Inspection(kind, "application/octet-stream", null, List.of()),
								owner.accountId(), Instant.now()));
			}
		}
	}

	/** Submits (again) with every declaration of the campaign accepted. */
	public void submit(SignedInUser owner, long id) {
		changes.submit(owner, id, records.find(id).orElseThrow().version(), declarationIds());
	}

	/** The owner changes the title of a returned entry and submits it again. */
	public void reviseAndResubmit(SignedInUser owner, long id, String newTitle) {
		Entry entry = records.find(id).orElseThrow();
		changes.edit(owner, id, entry.version(), newTitle, entry.texts().values(), null);
		submit(owner, id);
	}

	public Entry entry(long id) {
		return records.find(id).orElseThrow();
	}

	public List<Transition> history(long id) {
		return records.transitions(id);
	}

	private Category category(Entry entry) {
		Campaign campaign = campaigns.findById(entry.campaignId()).orElseThrow();
		return campaigns.categories(campaign)
			.stream()
			.filter(candidate -> candidate.id() == entry.categoryId())
			.findFirst()
			.orElseThrow();
	}

	private Set<Long> declarationIds() {
		return campaigns.declarations(campaigns.getByCode(SubmissionFixtures.OPEN_CAMPAIGN))
			.stream()
			.map(Declaration::id)
			.collect(Collectors.toSet());
	}

}
