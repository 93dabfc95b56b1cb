package cn.zhengji.support;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ReducedMotion;

/**
 * Debian's chromium driven by Playwright for Java (no browser download: .ci/run installs
 * /usr/bin/chromium). Screenshots go to target/screenshots; docs/screenshots holds the
 * ones worth keeping.
 */
public final class Browser implements AutoCloseable {

	public static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

	public enum Viewport {

		DESKTOP(1366, 768, false), PHONE(390, 844, true);

		final int width;

		final int height;

		final boolean mobile;

		Viewport(int width, int height, boolean mobile) {
			this.width = width;
			this.height = height;
			this.mobile = mobile;
		}

	}

	private final Playwright playwright;

	private final com.microsoft.playwright.Browser chromium;

	private Browser() {
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		chromium = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(Path.of("/usr/bin/chromium"))
				.setHeadless(true)
				.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
	}

	public static Browser launch() {
		return new Browser();
	}

	/** A fresh browser profile (no cookies) of the given size, in Chinese. */
	public Page open(Viewport viewport) {
		BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
			.setViewportSize(viewport.width, viewport.height)
			.setIsMobile(viewport.mobile)
			.setHasTouch(viewport.mobile)
			.setDeviceScaleFactor(1)
			.setLocale("zh-CN")
			.setTimezoneId("Asia/Shanghai")
			// Bootstrap's buttons fade their colours for .15 s; an accessibility check or
			// a
			// screenshot taken right after a click would see a half-faded button. Reduced
			// motion
			// turns Bootstrap's transitions off, as it does for users who ask for it.
			.setReducedMotion(ReducedMotion.REDUCE));
		context.setDefaultTimeout(15_000);
		return context.newPage();
	}

	/**
	 * Signs in through the sign-in form of the server at {@code baseUrl} (such as
	 * {@code http://localhost:8080}) and waits for the workbench.
	 */
	public static void signIn(Page page, String baseUrl, String login, String password) {
		page.navigate(baseUrl + "/sign-in");
		page.locator("input[name=username]").fill(login);
		page.locator("input[name=password]").fill(password);
		page.locator("form[action$='/sign-in'] button[type=submit]").click();
		passSecondFactor(page, baseUrl, login);
		page.waitForURL(baseUrl + "/workbench");
	}

	/**
	 * Issue 11 item 4: after the password, an admin or expert passes the second factor as
	 * its holder would: the first time by enrolling (the secret read off the page, as
	 * typed into an app, then past the recovery codes), later with the code of the
	 * remembered secret (the demonstration accounts': {@link Totp#DEMO_SECRET}). A code
	 * is accepted once, so a second sign-in within the same 30 seconds waits for the next
	 * one. Does nothing when the sign-in needs no second factor.
	 */
	public static void passSecondFactor(Page page, String baseUrl, String login) {
		page.waitForURL(Pattern.compile(Pattern.quote(baseUrl) + "/(workbench|account/.*)$"));
		String path = page.url().substring(baseUrl.length());
		if (path.equals("/account/second-factor/enrol")) {
			String secret = page.locator("#second-factor-secret").innerText().replace(" ", "").strip();
			SECRETS.put(login, secret);
			page.locator("#code").fill(freshCode(login, secret));
			page.locator("form[action$='/account/second-factor/enrol'] button[type=submit]").click();
			page.locator("#recovery-codes").waitFor();
			page.locator("main a[href$='/workbench']").click();
		}
		else if (path.startsWith("/account/second-factor")) {
			String secret = SECRETS.getOrDefault(login, login.startsWith("demo-") ? Totp.DEMO_SECRET : null);
			if (secret == null) {
				throw new IllegalStateException(login + " is enrolled with a secret this JVM has not seen");
			}
			page.locator("#code").fill(freshCode(login, secret));
			page.locator("form[action$='/account/second-factor'] button[type=submit]").click();
		}
	}

	/** The secret each account enrolled with in this JVM, by login. */
	private static final Map<String, String> SECRETS = new ConcurrentHashMap<>();

	private static final Map<String, Long> LAST_STEPS = new ConcurrentHashMap<>();

	private static String freshCode(String login, String secret) {
		long step = Totp.step(Instant.now());
		Long last = LAST_STEPS.get(login);
		while (last != null && step <= last) {
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			step = Totp.step(Instant.now());
		}
		LAST_STEPS.put(login, step);
		return Totp.codeAtStep(secret, step);
	}

	/**
	 * Full-page screenshot to target/screenshots/{name}.png, after an axe-core scan of
	 * the page: every page a browser test shows is held to WCAG 2.1 A and AA.
	 */
	public static Path screenshot(Page page, String name) {
		assertAccessible(page, name);
		Path file = SCREENSHOTS.resolve(name + ".png");
		page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
		return file;
	}

	/**
	 * Fails with each rule broken and the elements that break it when axe-core finds a
	 * WCAG 2.1 A/AA violation on the page as it is now.
	 */
	public static void assertAccessible(Page page, String name) {
		AxeResults results = new AxeBuilder(page).withTags(WCAG_21_AA).analyze();
		if (results.isErrored()) {
			throw new AssertionError("axe-core could not scan " + name + ": " + results.getErrorMessage());
		}
		if (!results.getViolations().isEmpty()) {
			String found = results.getViolations()
				.stream()
				.map(rule -> rule.getId() + " (" + rule.getHelp() + ") on "
						+ rule.getNodes()
							.stream()
							.map(node -> node.getTarget() + ": " + node.getFailureSummary())
							.toList())
				.collect(Collectors.joining("\n"));
			throw new AssertionError("WCAG 2.1 A/AA violations on " + name + " (" + page.url() + "):\n" + found);
		}
	}

	@Override
	public void close() {
		chromium.close();
		playwright.close();
	}

}
