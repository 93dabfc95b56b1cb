package cn.zhengji.infrastructure.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address people use to reach the platform ({@code zhengji.base-url}, in production
 * the environment variable {@code ZHENGJI_BASE_URL}): printed at start and encoded in the
 * QR code. When it is not set, the address a request came in on stands in for it, which
 * behind a proxy or on an internal address may not be one a phone can open; outside the
 * demonstration setup that is warned about ({@link #warns()}).
 */
@Component
public class PlatformAddress {

	private final String configured;

	private final boolean demo;

	private final int port;

	public PlatformAddress(@Value("${zhengji.base-url:}") String configured,
			@Value("${zhengji.demo.enabled:true}") boolean demo, @Value("${server.port:8080}") int port) {
		String address = configured == null ? "" : configured.strip();
		while (address.endsWith("/")) {
			address = address.substring(0, address.length() - 1);
		}
		this.configured = address;
		this.demo = demo;
		this.port = port;
	}

	/** The configured address, if any. */
	public Optional<String> configured() {
		return configured.isEmpty() ? Optional.empty() : Optional.of(configured);
	}

	/**
	 * The configured address, or the local one the server listens on (for the console).
	 */
	public String atStart() {
		return configured().orElse("http://localhost:" + port);
	}

	/** The configured address, or the one {@code request} came in on. */
	public String of(HttpServletRequest request) {
		return configured().orElseGet(() -> fromRequest(request));
	}

	/**
	 * Whether the address is missing where it matters: not configured, and not the
	 * demonstration setup.
	 */
	public boolean warns() {
		return configured.isEmpty() && !demo;
	}

	private static String fromRequest(HttpServletRequest request) {
		return ServletUriComponentsBuilder.fromContextPath(request)
			.replaceQuery(null)
			.fragment(null)
			.build()
			.toUriString();
	}

}
