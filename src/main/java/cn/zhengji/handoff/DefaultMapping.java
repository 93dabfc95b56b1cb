package cn.zhengji.handoff;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Issue 14 item 1: the default national sub-project of each province category code
 * ({@code handoff/default-mapping.properties}), taken until the admin saves another.
 */
@Component
class DefaultMapping {

	private final Properties codes = new Properties();

	DefaultMapping() {
		try (InputStream in = new ClassPathResource("handoff/default-mapping.properties").getInputStream()) {
			codes.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The national category code for a province category code, if the default names one.
	 */
	Optional<String> nationalCode(String provinceCategoryCode) {
		return Optional.ofNullable(codes.getProperty(provinceCategoryCode));
	}

}
