package cn.zhengji.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;

/** Lets tests outside this package load a test definition through the real loader. */
public final class CampaignDefinitionFixture {

	private CampaignDefinitionFixture() {
	}

	/**
	 * Loads a test resource as the given source, with its campaign code replaced, so that
	 * each test class has a campaign of its own in the shared database.
	 */
	public static void load(Object loader, String source, String resource, String code) {
		try {
			String content = new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8)
				.replace("code: test-versioned", "code: " + code);
			((CampaignDefinitionLoader) loader).load(source, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
