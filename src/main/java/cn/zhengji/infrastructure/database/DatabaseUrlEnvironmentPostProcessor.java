package cn.zhengji.infrastructure.database;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Reads {@code DATABASE_URL} in the form hosting platforms use
 * ({@code postgres://user:pw@host:5432/db}) or as a JDBC URL, and turns it into Spring's
 * datasource properties. Explicit {@code spring.datasource.*} properties win.
 */
class DatabaseUrlEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String databaseUrl = environment.getProperty("DATABASE_URL");
		if (databaseUrl == null || databaseUrl.isBlank() || environment.containsProperty("spring.datasource.url")) {
			return;
		}
		environment.getPropertySources()
			.addLast(new MapPropertySource("databaseUrl", toDatasourceProperties(databaseUrl.strip())));
	}

	static Map<String, Object> toDatasourceProperties(String databaseUrl) {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (databaseUrl.startsWith("jdbc:")) {
			properties.put("spring.datasource.url", databaseUrl);
			return properties;
		}
		URI uri = URI.create(databaseUrl);
		if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
			throw new IllegalStateException(
					"DATABASE_URL must start with postgres://, postgresql:// or jdbc:postgresql://");
		}
		int port = uri.getPort() == -1 ? 5432 : uri.getPort();
		String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
		properties.put("spring.datasource.url",
				"jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query);
		if (uri.getRawUserInfo() != null) {
			String[] userAndPassword = uri.getRawUserInfo().split(":", 2);
			properties.put("spring.datasource.username", URLDecoder.decode(userAndPassword[0], StandardCharsets.UTF_8));
			if (userAndPassword.length == 2) {
				properties.put("spring.datasource.password",
						URLDecoder.decode(userAndPassword[1], StandardCharsets.UTF_8));
			}
		}
		return properties;
	}

}
