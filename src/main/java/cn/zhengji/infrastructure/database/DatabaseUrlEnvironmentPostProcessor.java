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
		if (databaseUrl != null && !databaseUrl.isBlank() && !environment.containsProperty("spring.datasource.url")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("databaseUrl", toDatasourceProperties(databaseUrl.strip())));
		}
		// The schema owner, for Flyway only (issue 11 item 1); the platform itself runs
		// as
		// the role of DATABASE_URL.
		String ownerUrl = environment.getProperty("ZHENGJI_DATABASE_OWNER_URL");
		if (ownerUrl != null && !ownerUrl.isBlank() && !environment.containsProperty("spring.flyway.user")) {
			environment.getPropertySources()
				.addLast(new MapPropertySource("databaseOwnerUrl", toFlywayProperties(ownerUrl.strip())));
		}
	}

	static Map<String, Object> toFlywayProperties(String ownerUrl) {
		Map<String, Object> properties = new LinkedHashMap<>();
		toDatasourceProperties(ownerUrl)
			.forEach((key, value) -> properties.put(key.replace("spring.datasource.", "spring.flyway."), value));
		if (properties.containsKey("spring.flyway.username")) {
			properties.put("spring.flyway.user", properties.remove("spring.flyway.username"));
		}
		return properties;
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
