package cn.zhengji.certificate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.zhengji.infrastructure.Texts;

/**
 * The placeholders of a certificate's text, by their Chinese names in braces
 * ({@code certificate.placeholder.*}: {作品名称} {奖项} {获奖者} {单位} {类别} {活动名称}), and their
 * filling from an issued certificate. Unknown braces stay as they are.
 */
final class Placeholders {

	/** The placeholder keys, in the order the admin page lists them. */
	static final List<String> KEYS = List.of("work", "award", "recipient", "unit", "category", "campaign");

	private Placeholders() {
	}

	/** Each placeholder as typed, with braces, by key. */
	static Map<String, String> names(Texts texts) {
		Map<String, String> names = new LinkedHashMap<>();
		for (String key : KEYS) {
			names.put(key, "{" + texts.text("certificate.placeholder." + key) + "}");
		}
		return names;
	}

	static String fill(String text, Map<String, String> names, IssuedCertificate certificate) {
		String filled = text;
		for (Map.Entry<String, String> name : names.entrySet()) {
			filled = filled.replace(name.getValue(), value(name.getKey(), certificate));
		}
		return filled;
	}

	private static String value(String key, IssuedCertificate certificate) {
		return switch (key) {
			case "work" -> certificate.workTitle();
			case "award" -> certificate.awardName();
			case "recipient" -> certificate.recipientName();
			case "unit" -> certificate.organisationName();
			case "category" -> certificate.categoryName();
			case "campaign" -> certificate.campaignTitle();
			default -> throw new IllegalArgumentException(key);
		};
	}

}
