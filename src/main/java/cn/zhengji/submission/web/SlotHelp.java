package cn.zhengji.submission.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.zhengji.infrastructure.Texts;
import cn.zhengji.campaign.CategoryRuleDescriptions;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.CategoryRules.FileKind;
import cn.zhengji.submission.EntryView;

/**
 * What the entry page says about each slot, from the same rule values the checks use: the
 * rule in words, the {@code accept} attribute of the file input and the size limit the
 * upload widget enforces before sending anything.
 */
public record SlotHelp(String rules, String accept, long maxBytes) {

	/**
	 * The platform's general limit when a slot names none (the files module enforces it
	 * too).
	 */
	static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024 * 1024;

	static Map<String, SlotHelp> of(EntryView view, CategoryRuleDescriptions descriptions, Texts texts) {
		Map<String, SlotHelp> help = new LinkedHashMap<>();
		for (AttachmentSlot slot : view.slots()) {
			List<String> parts = new ArrayList<>();
			parts.add(texts.text("campaign.rules.formats",
					slot.accepted()
						.stream()
						.map(Enum::name)
						.collect(Collectors.joining(texts.text("common.listSeparator")))));
			String media = descriptions.mediaRules(slot);
			if (!media.isEmpty()) {
				parts.add(media);
			}
			if (slot.minCount() > 1) {
				parts.add(texts.text("submission.slot.min", slot.minCount()));
			}
			if (slot.maxCount() != null && slot.maxCount() > 1) {
				parts.add(texts.text("submission.slot.max", slot.maxCount()));
			}
			if (slot.maxFileSizeMb() != null) {
				parts.add(texts.text("campaign.rules.fileSize", slot.maxFileSizeMb()));
			}
			String accept = slot.accepted()
				.stream()
				.map(FileKind::extensions)
				.flatMap(List::stream)
				.map(extension -> "." + extension)
				.collect(Collectors.joining(","));
			long maxBytes = slot.maxFileSizeMb() == null ? DEFAULT_MAX_BYTES : slot.maxFileSizeMb() * 1024L * 1024L;
			help.put(slot.key(),
					new SlotHelp(String.join(texts.text("common.clauseSeparator"), parts), accept, maxBytes));
		}
		return help;
	}
}
