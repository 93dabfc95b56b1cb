package cn.zhengji;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.zhengji.support.Browser;
import cn.zhengji.support.Browser.Viewport;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every main page at 1366×768 and at 390×844: it loads, nothing is blocked by the
 * Content-Security-Policy, and on the phone nothing is wider than the screen. The
 * screenshots (target/screenshots) are the ones kept in docs/screenshots.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PagesOnPhoneAndDesktopBrowserTest {

	/** A demo admin of 福建省总工会 (demo data is on in tests). */
	static final String DEMO_ADMIN = "demo-province";

	static final String DEMO_PASSWORD = "Demo#2026zj";

	static Browser browser;

	/**
	 * One signed-in profile per viewport, shared by that viewport's admin pages: each
	 * sign-in needs a second-factor code of a time step not used before (replays are
	 * refused), so signing in for every page waited up to 30 s per page.
	 */
	static final Map<Viewport, BrowserContext> SIGNED_IN = new EnumMap<>(Viewport.class);

	@LocalServerPort
	int port;

	@BeforeAll
	static void launchBrowser() {
		browser = Browser.launch();
	}

	@AfterAll
	static void closeBrowser() {
		SIGNED_IN.values().forEach(BrowserContext::close);
		SIGNED_IN.clear();
		browser.close();
	}

	static Stream<Arguments> pages() {
		List<Arguments> pages = new ArrayList<>();
		for (Viewport viewport : Viewport.values()) {
			pages.add(Arguments.of(viewport, "home", "/", false));
			pages.add(Arguments.of(viewport, "national-campaign", "/campaigns/national-2024", false));
			pages.add(Arguments.of(viewport, "sign-in", "/sign-in", false));
			pages.add(Arguments.of(viewport, "register", "/register", false));
			pages.add(Arguments.of(viewport, "workbench", "/workbench", true));
			pages.add(Arguments.of(viewport, "organisations", "/admin/organisations", true));
			pages.add(Arguments.of(viewport, "accounts", "/admin/accounts", true));
			pages.add(Arguments.of(viewport, "audit", "/admin/audit", true));
			pages.add(Arguments.of(viewport, "works", "/works", true));
			pages.add(Arguments.of(viewport, "admin-works", "/admin/works", true));
			pages.add(Arguments.of(viewport, "new-work", "/works/new?campaign=demo-fujian", true));
			// issue 10: the province runs its own campaigns; Fujian reports where it
			// feeds
			// the national campaign
			pages.add(Arguments.of(viewport, "campaign-admin", "/admin/campaigns/fujian-2024", true));
			pages.add(Arguments.of(viewport, "campaign-settings", "/admin/campaigns/fujian-2024/settings", true));
			pages.add(Arguments.of(viewport, "progress-national", "/activities/progress?campaign=national-2024", true));
		}
		return pages.stream();
	}

	@ParameterizedTest(name = "{1} on {0}")
	@MethodSource("pages")
	void pageLoadsWithinTheScreenAndThePolicy(Viewport viewport, String name, String path, boolean signedIn) {
		Page page = signedIn ? signedInPage(viewport) : browser.open(viewport);
		List<String> policyViolations = new ArrayList<>();
		page.onConsoleMessage(message -> {
			if (message.text().contains("Content Security Policy")
					|| message.text().contains("Content-Security-Policy")) {
				policyViolations.add(message.text());
			}
		});

		Response response = page.navigate(url(path));

		assertThat(response.status()).isEqualTo(200);
		assertThat(page.url()).isEqualTo(url(path));
		page.waitForLoadState();
		int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
			.intValue();
		assertThat(overflow).as("horizontal overflow in px").isLessThanOrEqualTo(0);
		assertThat(policyViolations).isEmpty();
		Browser.screenshot(page, name + "-" + viewport.name().toLowerCase());
		if (signedIn) {
			page.close();
		}
		else {
			page.context().close();
		}
	}

	private Page signedInPage(Viewport viewport) {
		BrowserContext context = SIGNED_IN.computeIfAbsent(viewport, (size) -> {
			Page first = browser.open(size);
			Browser.signIn(first, url(""), DEMO_ADMIN, DEMO_PASSWORD);
			return first.context();
		});
		return context.newPage();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
