package cn.zhengji.submission.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import cn.zhengji.campaign.CategoryRuleDescriptions;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.CategoryRules.FileKind;
import cn.zhengji.submission.EntryView;
import org.springframework.context.MessageSource;

/**
 * What the entry page says about each slot, from the same rule values the checks use: the rule in
 * words, the {@code accept} attribute of the file input and the size limit the upload widget
 * enforces before sending anything.
 */
public record SlotHelp(String rules, String accept, long maxBytes) {

	/** The platform's general limit when a slot names none (the files module enforces it too). */
	static final long DEFAULT_MAX_BYTES = 2L * 1024 * 1024 * 1024;

	static Map<String, SlotHelp> of(EntryView view, CategoryRuleDescriptions descriptions, MessageSource messages) {
		Map<String, SlotHelp> help = new LinkedHashMap<>();
		for (AttachmentSlot slot : view.slots()) {
			List<String> parts = new ArrayList<>();
			parts.add(messages.getMessage("campaign.rules.formats",
					new Object[] { slot.accepted().stream().map(Enum::name).collect(Collectors.joining("、")) },
					Locale.SIMPLIFIED_CHINESE));
			String media = descriptions.mediaRules(slot);
			if (!media.isEmpty()) {
				parts.add(media);
			}
			if (slot.minCount() > 1) {
				parts.add(messages.getMessage("submission.slot.min", new Object[] { slot.minCount() },
						Locale.SIMPLIFIED_CHINESE));
			}
			if (slot.maxCount() != null && slot.maxCount() > 1) {
				parts.add(messages.getMessage("submission.slot.max", new Object[] { slot.maxCount() },
						Locale.SIMPLIFIED_CHINESE));
			}
			if (slot.maxFileSizeMb() != null) {
				parts.add(messages.getMessage("campaign.rules.fileSize", new Object[] { slot.maxFileSizeMb() },
						Locale.SIMPLIFIED_CHINESE));
			}
			String accept = slot.accepted()
				.stream()
				.map(FileKind::extensions)
				.flatMap(List::stream)
				.map(extension -> "." + extension)
				.collect(Collectors.joining(","));
			long maxBytes = slot.maxFileSizeMb() == null ? DEFAULT_MAX_BYTES : slot.maxFileSizeMb() * 1024L * 1024L;
			help.put(slot.key(), new SlotHelp(String.join("；", parts), accept, maxBytes));
		}
		return help;
	}
}
