package cn.zhengji.campaign;

import java.util.List;

import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and writes the module's structured data: category rules (jsonb), definition files
 * (YAML) and conflict lists. Rules stored by an earlier version may lack a newer field;
 * such a field takes its default instead of failing the page that shows it.
 */
@Component
class CampaignJson {

	private final ObjectMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	// Definition files are written by hand: an unknown key is a typo and must stop the
	// start.
	private final ObjectMapper yaml = YAMLMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	String write(Object value) {
		return json.writeValueAsString(value);
	}

	CategoryRules readRules(String value) {
		return value == null ? CategoryRules.none() : json.readValue(value, CategoryRules.class);
	}

	List<DefinitionConflict> readConflicts(String value) {
		return value == null ? List.of() : json.readValue(value, new TypeReference<List<DefinitionConflict>>() {
		});
	}

	CampaignDefinition readDefinition(String content) {
		return yaml.readValue(content, CampaignDefinition.class);
	}

}
