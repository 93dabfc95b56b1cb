package cn.zhengji.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import cn.zhengji.campaign.CategoryRules;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.campaign.CategoryRules.TextField;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The rules of the real 2024 Fujian campaign file, so the checks are tested against the
 * numbers users meet.
 */
final class FujianRules {

	private static final JsonNode CATEGORIES = load();

	private static final ObjectMapper YAML = YAMLMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private FujianRules() {
	}

	static CategoryRules of(String category) {
		for (JsonNode node : CATEGORIES) {
			if (node.get("code").asString().equals(category)) {
				return YAML.treeToValue(node.get("rules"), CategoryRules.class);
			}
		}
		throw new IllegalArgumentException(category);
	}

	static AttachmentSlot slot(String category, String key) {
		return of(category).attachment(key).orElseThrow();
	}

	static TextField text(String category, String key) {
		return of(category).textField(key).orElseThrow();
	}

	private static JsonNode load() {
		try (InputStream in = new ClassPathResource("campaigns/fujian-2024.yaml").getInputStream()) {
			return new YAMLMapper().readTree(in).get("categories");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
