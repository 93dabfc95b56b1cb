package cn.zhengji.submission;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.zhengji.campaign.CategoryRules.TextField;
import cn.zhengji.infrastructure.text.CharacterCount;

/**
 * The texts of an entry, by the keys of the category's text fields. A field with sections
 * (需求与方案, 产品设计, ... or the five dimensions 保障, 基础, ...) keeps one text per section under
 * {@code key#section}; its length is the length of all sections together.
 */
public record EntryTexts(Map<String, String> values) {

	public EntryTexts {
		values = Map.copyOf(values);
	}

	public static EntryTexts empty() {
		return new EntryTexts(Map.of());
	}

	static String sectionKey(TextField field, String section) {
		return field.key() + "#" + section;
	}

	/** The text of a field without sections, or of one section; null when empty. */
	public String value(TextField field) {
		return values.get(field.key());
	}

	public String section(TextField field, String section) {
		return values.get(sectionKey(field, section));
	}

	/** Everything written in the field, sections one after another; "" when nothing. */
	public String joined(TextField field) {
		if (field.sections().isEmpty()) {
			return values.getOrDefault(field.key(), "");
		}
		return field.sections()
			.stream()
			.map(section -> values.getOrDefault(sectionKey(field, section), ""))
			.collect(Collectors.joining());
	}

	/**
	 * Characters of the field as every limit counts them ({@link CharacterCount}): the
	 * page shows this number.
	 */
	public int length(TextField field) {
		return CharacterCount.of(joined(field));
	}

	public boolean isBlank(TextField field) {
		return joined(field).isBlank();
	}

	/** The sections of a field left empty. */
	public List<String> missingSections(TextField field) {
		return field.sections().stream().filter(section -> {
			String text = section(field, section);
			return text == null || text.isBlank();
		}).toList();
	}

	/** Only the keys the category knows: anything else a form sends is dropped. */
	static EntryTexts of(List<TextField> fields, Map<String, String> input) {
		Map<String, String> kept = new LinkedHashMap<>();
		for (TextField field : fields) {
			if (field.sections().isEmpty()) {
				put(kept, field.key(), input.get(field.key()));
			}
			else {
				for (String section : field.sections()) {
					put(kept, sectionKey(field, section), input.get(sectionKey(field, section)));
				}
			}
		}
		return new EntryTexts(kept);
	}

	private static void put(Map<String, String> values, String key, String text) {
		if (text != null && !text.isBlank()) {
			values.put(key, text.strip());
		}
	}
}
