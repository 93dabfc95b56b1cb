package cn.zhengji.submission;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Category;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.CategoryRules.Judgement;
import cn.zhengji.campaign.Declaration;

/**
 * Everything the entry page shows, read in one go for one viewer.
 * @param slots the category's attachment slots, plus the 一寸彩照 of a nomination form
 * @param problems what still stops submitting (empty: ready), as Chinese sentences
 * @param declarations the campaign's declarations in their newest text versions
 * @param deadline the first instant after the submission phase, null if it never ends
 * @param changeable whether the owner may still edit, submit or withdraw now
 * @param owner whether the viewer owns the entry (else an admin reading it)
 * @param personalDataAllowed whether the viewer may open the full ID number and mobile
 */
public record EntryView(Entry entry, Campaign campaign, Category category, List<AttachmentSlot> slots,
		List<Attachment> attachments, List<Transition> history, List<DeclarationAcceptance> acceptances,
		Optional<Nomination> nomination, List<String> problems, List<Declaration> declarations,
		List<Judgement> judgements, Instant deadline, boolean changeable, boolean owner,
		boolean personalDataAllowed) {

	public List<Attachment> attachmentsIn(AttachmentSlot slot) {
		return attachments.stream().filter(file -> file.slotKey().equals(slot.key())).toList();
	}

	public boolean slotFull(AttachmentSlot slot) {
		return slot.maxCount() != null && slot.maxCount() > 1 && attachmentsIn(slot).size() >= slot.maxCount();
	}

	public boolean readyToSubmit() {
		return problems.isEmpty();
	}

	public Optional<Attachment> photo() {
		return attachments.stream().filter(file -> file.slotKey().equals(NominationForms.PHOTO_SLOT)).findFirst();
	}
}
