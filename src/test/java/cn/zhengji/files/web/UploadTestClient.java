package cn.zhengji.files.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhengji.support.Totp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A person talking to the running server over real HTTP, the way a browser does: it signs
 * in with the form (CSRF token from the sign-in page), keeps the session cookie, and
 * sends the CSRF token the pages carry in {@code <meta name="_csrf">} as the header named
 * in {@code _csrf_header}.
 */
final class UploadTestClient {

	static final String PASSWORD = "Upload#Test2026";

	private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private static final Pattern SECOND_FACTOR_SECRET = Pattern
		.compile("id=\"second-factor-secret\"[^>]*>([A-Z2-7 ]+)</code>");

	private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

	private static final Pattern CSRF_HEADER_META = Pattern.compile("<meta name=\"_csrf_header\" content=\"([^\"]+)\"");

	final String base;

	final long accountId;

	final HttpClient http;

	private final CookieManager cookies = new CookieManager();

	private String csrfHeader;

	private String csrfToken;

	private UploadTestClient(String base, long accountId) {
		this.base = base;
		this.accountId = accountId;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** A new expert account of 福建省总工会, signed in. */
	static UploadTestClient signedIn(int port, JdbcClient jdbc, PasswordEncoder encoder) throws Exception {
		String username = "uploader-" + java.util.UUID.randomUUID().toString().substring(0, 12);
		long id = jdbc.sql("""
				insert into account (username, display_name, password_hash, role, organisation_id)
				values (?, ?, ?, 'EXPERT', (select id from organisation where code = 'fj')) returning id
				""").params(username, "上传测试" + username, encoder.encode(PASSWORD)).query(Long.class).single();
		UploadTestClient client = new UploadTestClient("http://127.0.0.1:" + port, id);
		client.signIn(username);
		return client;
	}

	/** A visitor without a session. */
	static UploadTestClient anonymous(int port) {
		return new UploadTestClient("http://127.0.0.1:" + port, 0);
	}

	private void signIn(String username) throws Exception {
		String page = http.send(get("/sign-in").build(), BodyHandlers.ofString()).body();
		Matcher token = CSRF_INPUT.matcher(page);
		if (!token.find()) {
			throw new IllegalStateException("no CSRF token on the sign-in page");
		}
		String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
		HttpResponse<String> signedIn = http
			.send(request("/sign-in").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString(form))
				.build(), BodyHandlers.ofString());
		if (signedIn.statusCode() != 302
				|| !signedIn.headers().firstValue("Location").orElse("").endsWith("/workbench")) {
			throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + signedIn.headers());
		}
		passSecondFactor();
		// The token of the signed-in session, as every page carries it.
		String workbench = http.send(get("/workbench").build(), BodyHandlers.ofString()).body();
		Matcher meta = CSRF_META.matcher(workbench);
		Matcher header = CSRF_HEADER_META.matcher(workbench);
		if (!meta.find() || !header.find()) {
			throw new IllegalStateException("no CSRF meta tags on the workbench");
		}
		csrfToken = meta.group(1);
		csrfHeader = header.group(1);
	}

	/**
	 * Issue 11 item 4: an expert enrols an authenticator app before reaching anything
	 * else; this client does so as the app would, with the secret the page shows.
	 */
	private void passSecondFactor() throws Exception {
		String page = http.send(get("/account/second-factor/enrol").build(), BodyHandlers.ofString()).body();
		Matcher secret = SECOND_FACTOR_SECRET.matcher(page);
		Matcher token = CSRF_INPUT.matcher(page);
		if (!secret.find() || !token.find()) {
			return;
		}
		String form = "code=" + Totp.code(secret.group(1).replace(" ", ""), Instant.now()) + "&_csrf=" + token.group(1);
		HttpResponse<String> enrolled = http
			.send(request("/account/second-factor/enrol").header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString(form))
				.build(), BodyHandlers.ofString());
		if (enrolled.statusCode() != 200) {
			throw new IllegalStateException("second-factor enrolment failed: " + enrolled.statusCode());
		}
	}

	String sessionCookie() {
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter(cookie -> cookie.getName().equals("ZJSESSION"))
			.map(HttpCookie::toString)
			.findFirst()
			.orElseThrow();
	}

	String csrfHeader() {
		return csrfHeader;
	}

	String csrfToken() {
		return csrfToken;
	}

	HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create(base + path));
	}

	HttpRequest.Builder get(String path) {
		return request(path).GET();
	}

	/** A tus request with Tus-Resumable and (for unsafe methods) the CSRF header. */
	HttpRequest.Builder tus(String path) {
		return request(path).header("Tus-Resumable", "1.0.0").header(csrfHeader, csrfToken);
	}

	HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return http.send(request, BodyHandlers.ofString());
	}

	/**
	 * POST /api/v1/uploads; the file name goes into Upload-Metadata as tus clients send
	 * it.
	 */
	HttpResponse<String> create(long length, String fileName) throws IOException, InterruptedException {
		return send(tus("/api/v1/uploads").header("Upload-Length", String.valueOf(length))
			.header("Upload-Metadata", metadata(fileName))
			.POST(BodyPublishers.noBody())
			.build());
	}

	/** Creates an upload and answers its URL path (from Location). */
	String createdUpload(long length, String fileName) throws IOException, InterruptedException {
		HttpResponse<String> response = create(length, fileName);
		if (response.statusCode() != 201) {
			throw new IllegalStateException("creation failed: " + response.statusCode() + " " + response.body());
		}
		return response.headers().firstValue("Location").orElseThrow();
	}

	HttpResponse<String> patch(String upload, long offset, byte[] bytes, int from, int to)
			throws IOException, InterruptedException {
		return send(tus(upload).header("Content-Type", "application/offset+octet-stream")
			.header("Upload-Offset", String.valueOf(offset))
			.method("PATCH", BodyPublishers.ofByteArray(bytes, from, to - from))
			.build());
	}

	HttpResponse<String> head(String upload) throws IOException, InterruptedException {
		return send(tus(upload).method("HEAD", BodyPublishers.noBody()).build());
	}

	static String metadata(String fileName) {
		return "filename " + Base64.getEncoder().encodeToString(fileName.getBytes(StandardCharsets.UTF_8))
				+ ",filetype " + Base64.getEncoder().encodeToString("video/mp4".getBytes(StandardCharsets.UTF_8));
	}

}
