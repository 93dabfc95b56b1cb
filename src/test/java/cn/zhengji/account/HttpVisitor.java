package cn.zhengji.account;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import cn.zhengji.support.Totp;

/**
 * One browser without a browser: real HTTP to a running server, its own cookie jar, no
 * redirects followed, and the CSRF token of the last page fetched sent with each form.
 * Used where what matters is the server's session store (several nodes, ended sessions)
 * and the client address Tomcat sees.
 */
final class HttpVisitor {

	private static final Pattern SECOND_FACTOR_SECRET = Pattern
		.compile("id=\"second-factor-secret\"[^>]*>([A-Z2-7 ]+)</code>");

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final CookieManager cookies = new CookieManager();

	private final HttpClient http;

	private String csrf;

	HttpVisitor() {
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	HttpResponse<String> get(int port, String path) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				BodyHandlers.ofString());
		Matcher token = CSRF_INPUT.matcher(response.body());
		if (token.find()) {
			csrf = token.group(1);
		}
		return response;
	}

	/**
	 * Posts the form with the CSRF token of the last page; {@code headers} are extra
	 * request headers (name, value, …).
	 */
	HttpResponse<String> post(int port, String path, Map<String, String> form, String... headers) throws Exception {
		Map<String, String> fields = new LinkedHashMap<>(form);
		if (csrf != null) {
			fields.put("_csrf", csrf);
		}
		String body = fields.entrySet()
			.stream()
			.map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return http.send(request.build(), BodyHandlers.ofString());
	}

	/** Signs in with the form; returns where the server sent the browser. */
	String signIn(int port, String login, String password, String... headers) throws Exception {
		get(port, "/sign-in");
		return post(port, "/sign-in", Map.of("username", login, "password", password), headers).headers()
			.firstValue("Location")
			.orElse("");
	}

	/**
	 * Signs in as {@link #signIn} does; an admin or expert who has no second factor yet
	 * then enrols one as its authenticator app would (issue 11 item 4, with the system
	 * clock), so that the session reaches the workbench.
	 */
	String signInPassingSecondFactor(int port, String login, String password) throws Exception {
		String location = signIn(port, login, password);
		if (location.endsWith("/workbench") && get(port, "/workbench").headers()
			.firstValue("Location")
			.orElse("")
			.contains("/account/second-factor")) {
			enrolSecondFactor(port);
		}
		return location;
	}

	private void enrolSecondFactor(int port) throws Exception {
		Matcher secret = SECOND_FACTOR_SECRET.matcher(get(port, "/account/second-factor/enrol").body());
		if (!secret.find()) {
			throw new IllegalStateException("no secret on the enrolment page");
		}
		HttpResponse<String> enrolled = post(port, "/account/second-factor/enrol",
				Map.of("code", Totp.code(secret.group(1).replace(" ", ""), Instant.now())));
		if (enrolled.statusCode() != 200) {
			throw new IllegalStateException("second-factor enrolment failed: " + enrolled.statusCode());
		}
	}

	/** The session cookie as the browser keeps it. */
	HttpCookie sessionCookie() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().endsWith("ZJSESSION"))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no session cookie in " + cookies.getCookieStore()));
	}

	/** The same session, carried to another server (another app node). */
	HttpVisitor sameSessionAs(HttpVisitor other) {
		HttpCookie cookie = other.sessionCookie();
		HttpCookie copy = new HttpCookie(cookie.getName(), cookie.getValue());
		copy.setPath("/");
		copy.setVersion(0);
		cookies.getCookieStore().add(URI.create("http://localhost/"), copy);
		return this;
	}

}
