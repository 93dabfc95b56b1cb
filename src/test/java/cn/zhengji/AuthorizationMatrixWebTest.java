package cn.zhengji;

import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.PhaseKind;
import cn.zhengji.files.Uploads;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.OrganisationTestData;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The authorization matrix: actor role × relation of the target organisation to the actor
 * × endpoint → expected HTTP status, one parameterized test (after pretalx
 * {@code test_orga_access.py} and HotCRP {@code t_permission.php}). It lists every
 * endpoint of the application, grouped by module; a new controller method needs a row
 * here.
 *
 * <h2>Fixture</h2> Every signed-in actor is a real account of 福州市总工会 ({@code fj-fuzhou},
 * a CITY below 福建省总工会), created for this test, except the platform admin, who is the
 * first platform admin ({@code admin}, at 福建省总工会: there is exactly one, and other tests
 * count on that), taken as if it had replaced its one-time password. The target
 * organisation of a request, by its relation to the actor's organisation:
 * <ul>
 * <li>{@link Relation#OWN} — 福州 itself;</li>
 * <li>{@link Relation#CHILD} — a county created below 福州 for this test (inside the
 * subtree);</li>
 * <li>{@link Relation#SIBLING} — 厦门 ({@code fj-xiamen}): another city below the same
 * province;</li>
 * <li>{@link Relation#OTHER_CITY} — a county created below 厦门: something inside another
 * city's subtree, not an ancestor of 福州 either.</li>
 * </ul>
 * For the platform admin the relations name the same organisations; it administers all of
 * them. Each of these organisations also holds a target account (an expert or an
 * organisation admin that is not the actor) and an audit event. Campaign administration
 * works on a copy of {@code fujian-2024} made for this test (year 2090, so that it never
 * becomes the home page's campaign), so that the shipped campaigns other tests read stay
 * as shipped.
 *
 * <h2>Adding rows</h2> Append an {@link Endpoint} to {@link #ENDPOINTS}, under its
 * module: method, URL template, form parameters and the expected status as an
 * {@link Expectation}. Placeholders in the URL and in parameter values: {@code {org}}
 * (the target organisation's id), {@code {orgName}}, {@code {version}} (its
 * optimistic-locking version, read just before the request), {@code {auditEvent}} (an
 * audit event recorded against the target organisation), {@code {account}} (the target
 * account in the target organisation), {@code {campaign}} (the code of this test's
 * campaign), {@code {campaignVersion}}, {@code {phaseVersion}} (its SUBMISSION phase),
 * {@code {categoryVersion}} (its {@code micro-video} category), {@code {reviewRound}}
 * (the first review round of its {@code song} category), {@code {file}} (a completed
 * upload of the PARTICIPANT actor), {@code {entry}} (a good-netizen entry of the target
 * organisation, with its nomination form), {@code {ownEntry}} (a micro-video draft of the
 * PARTICIPANT actor), {@code {ownEntryVersion}} (its version, read just before the
 * request), {@code {pendingEntry}} (a submitted digital-union entry of the target
 * organisation, waiting at that organisation in the approval chain),
 * {@code {pendingEntryVersion}}, {@code {event}} (an offline event of the target
 * organisation in this test's campaign), {@code {announcement}} (a published announcement
 * of the target organisation), {@code {announcementVersion}} (its version, read just
 * before the request), {@code {notice}} (a notice of the PARTICIPANT actor) and
 * {@code {unique}} (a fresh number). An endpoint without {@code {org}},
 * {@code {auditEvent}}, {@code {account}}, {@code {entry}}, {@code {pendingEntry}},
 * {@code {event}} or {@code {announcement}} does not depend on the relation and runs once
 * (as OWN). Unsafe methods are sent with a CSRF token. Reuse the common expectations
 * ({@link #adminInSubtree}, {@link #adminBelowOwn}, {@link #anyAdmin},
 * {@link #platformAdminOnly}, {@link #signedIn}, {@link #everyone}, {@link #apiVisible},
 * {@link #apiSignedIn}) or write a lambda.
 */
@ZhengjiTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixWebTest {

	/** Who acts. ANONYMOUS is a visitor without a session. */
	enum Actor {

		PLATFORM_ADMIN, ORG_ADMIN, PARTICIPANT, EXPERT, ANONYMOUS

	}

	/**
	 * Issue 11 item 5 (三员分立): the security and the audit administrator, whose expectation
	 * follows one rule ({@link #separatedStatus}) rather than a column per row. The
	 * system administrator is {@link Actor#PLATFORM_ADMIN}.
	 */
	enum SeparatedActor {

		SECURITY_ADMIN, AUDIT_ADMIN

	}

	/**
	 * Where the target organisation sits relative to the actor's organisation (see the
	 * class comment).
	 */
	enum Relation {

		OWN, CHILD, SIBLING, OTHER_CITY

	}

	/** The expected status for an actor and a relation. */
	@FunctionalInterface
	interface Expectation {

		int status(Actor actor, Relation relation);

	}

	/**
	 * One endpoint of the matrix.
	 *
	 * @param multipartFile for multipart POSTs: the content of the part named
	 * {@code file}; null otherwise
	 */
	record Endpoint(String name, HttpMethod method, String url, Map<String, String> params, byte[] multipartFile,
			Expectation expected) {

		static Endpoint get(String url, Expectation expected) {
			return new Endpoint("GET " + url, HttpMethod.GET, url, Map.of(), null, expected);
		}

		static Endpoint post(String url, Map<String, String> params, Expectation expected) {
			return new Endpoint("POST " + url, HttpMethod.POST, url, params, null, expected);
		}

		static Endpoint upload(String url, byte[] file, Expectation expected) {
			return new Endpoint("POST(multipart) " + url, HttpMethod.POST, url, Map.of(), file, expected);
		}

		boolean dependsOnRelation() {
			return Stream
				.of("{org}", "{auditEvent}", "{account}", "{entry}", "{pendingEntry}", "{event}", "{announcement}")
				.anyMatch(placeholder -> url.contains(placeholder)
						|| params.values().stream().anyMatch(value -> value.contains(placeholder)));
		}

		@Override
		public String toString() {
			return name;
		}
	}

	// --- Common expectations
	// -------------------------------------------------------------------------

	/**
	 * An admin page about one organisation: the platform admin everywhere, an
	 * organisation admin in its own subtree (OWN, CHILD); elsewhere, and for participants
	 * and experts, 404 (a denial never says that the thing exists); a visitor is sent to
	 * sign in (302).
	 */
	static Expectation adminInSubtree(int allowed) {
		return (actor, relation) -> switch (actor) {
			case PLATFORM_ADMIN -> allowed;
			case ORG_ADMIN -> relation == Relation.OWN || relation == Relation.CHILD ? allowed : 404;
			case PARTICIPANT, EXPERT -> 404;
			case ANONYMOUS -> 302;
		};
	}

	/**
	 * Like {@link #adminInSubtree} but strictly below the organisation admin's own
	 * organisation (renaming).
	 */
	static Expectation adminBelowOwn(int allowed) {
		return (actor, relation) -> switch (actor) {
			case PLATFORM_ADMIN -> allowed;
			case ORG_ADMIN -> relation == Relation.CHILD ? allowed : 404;
			case PARTICIPANT, EXPERT -> 404;
			case ANONYMOUS -> 302;
		};
	}

	/**
	 * Campaign administration: the platform admin only; everyone else, organisation
	 * admins included, is told that nothing is there (404); a visitor is sent to sign in
	 * (302).
	 */
	static Expectation platformAdminOnly(int allowed) {
		return (actor, relation) -> switch (actor) {
			case PLATFORM_ADMIN -> allowed;
			case ORG_ADMIN, PARTICIPANT, EXPERT -> 404;
			case ANONYMOUS -> 302;
		};
	}

	/**
	 * Issue 11 item 5 (三员分立): account administration and the audit log. An organisation
	 * admin as for any admin page; the system administrator (PLATFORM_ADMIN) is told
	 * nothing is there. The security administrator (accounts) and the audit administrator
	 * (audit log) are checked in {@link #separatedStatus}.
	 */
	static Expectation orgAdminOrSeparated(int allowed) {
		return (actor, relation) -> switch (actor) {
			case ORG_ADMIN -> allowed;
			case PLATFORM_ADMIN, PARTICIPANT, EXPERT -> 404;
			case ANONYMOUS -> 302;
		};
	}

	/** Like {@link #orgAdminOrSeparated} for one organisation's account or event. */
	static Expectation orgAdminInSubtreeOrSeparated(int allowed) {
		return (actor, relation) -> switch (actor) {
			case ORG_ADMIN -> relation == Relation.OWN || relation == Relation.CHILD ? allowed : 404;
			case PLATFORM_ADMIN, PARTICIPANT, EXPERT -> 404;
			case ANONYMOUS -> 302;
		};
	}

	/**
	 * A page of one of the separated administrators alone (see {@link #separatedStatus}):
	 * everyone else is told nothing is there.
	 */
	static Expectation nobodyButSeparated() {
		return (actor, relation) -> actor == Actor.ANONYMOUS ? 302 : 404;
	}

	/**
	 * A page of one's own (workbench, password): any signed-in user; a visitor is sent to
	 * sign in (302).
	 */
	static Expectation signedIn(int allowed) {
		return (actor, relation) -> actor == Actor.ANONYMOUS ? 302 : allowed;
	}

	/**
	 * A public page or public API resource: the same answer for everyone, signed in or
	 * not.
	 */
	static Expectation everyone(int status) {
		return (actor, relation) -> status;
	}

	/**
	 * An admin page that is not about one organisation (its content is scoped, not its
	 * access).
	 */
	static Expectation anyAdmin(int allowed) {
		return (actor, relation) -> switch (actor) {
			case PLATFORM_ADMIN, ORG_ADMIN -> allowed;
			case PARTICIPANT, EXPERT -> 404;
			case ANONYMOUS -> 302;
		};
	}

	/**
	 * An API resource about one organisation: admins within their subtree, participants
	 * and experts their own organisation's ancestry (here: OWN); 404 JSON otherwise; 401
	 * without a session.
	 */
	static Expectation apiVisible() {
		return (actor, relation) -> switch (actor) {
			case PLATFORM_ADMIN -> 200;
			case ORG_ADMIN -> relation == Relation.OWN || relation == Relation.CHILD ? 200 : 404;
			case PARTICIPANT, EXPERT -> relation == Relation.OWN ? 200 : 404;
			case ANONYMOUS -> 401;
		};
	}

	/**
	 * An entry of the PARTICIPANT actor: its owner only; everyone else is told nothing is
	 * there.
	 */
	static Expectation entryOwnerOnly(int allowed) {
		return (actor, relation) -> switch (actor) {
			case PARTICIPANT -> allowed;
			case ANONYMOUS -> 302;
			default -> 404;
		};
	}

	/**
	 * The owner's page of an organisation's entry: the admins of that organisation (here:
	 * OWN).
	 */
	static Expectation organisationEntryOwner(int allowed) {
		return (actor, relation) -> switch (actor) {
			case ORG_ADMIN -> relation == Relation.OWN ? allowed : 404;
			case ANONYMOUS -> 302;
			default -> 404;
		};
	}

	/**
	 * R-NOM-2 The full ID number and mobile of a nominee: the platform admin, the
	 * submitting organisation's admins (OWN), provincial admins above it; a city admin
	 * above a county does not.
	 */
	static Expectation fullPersonalData(int allowed) {
		return (actor, relation) -> switch (actor) {
			case PLATFORM_ADMIN -> allowed;
			case ORG_ADMIN -> relation == Relation.OWN ? allowed : 404;
			case PARTICIPANT, EXPERT -> 404;
			case ANONYMOUS -> 302;
		};
	}

	/**
	 * Organisation admins only: reporting for one's own union (offline events, reach
	 * figures), the queue of what waits at one's union (the platform admin reads but does
	 * not approve).
	 */
	static Expectation orgAdminOnly(int allowed) {
		return (actor, relation) -> switch (actor) {
			case ORG_ADMIN -> allowed;
			case ANONYMOUS -> 302;
			default -> 404;
		};
	}

	/**
	 * An announcement's administration: the admins of the organisation that published it
	 * (here: OWN) and the platform admin; an admin above or beside it is told that
	 * nothing is there.
	 */
	static Expectation announcementOwner(int allowed) {
		return (actor, relation) -> switch (actor) {
			case PLATFORM_ADMIN -> allowed;
			case ORG_ADMIN -> relation == Relation.OWN ? allowed : 404;
			case PARTICIPANT, EXPERT -> 404;
			case ANONYMOUS -> 302;
		};
	}

	/**
	 * A notice of the PARTICIPANT actor: only its reader may mark it; anyone else is told
	 * nothing is there.
	 */
	static Expectation noticeReaderOnly(int allowed) {
		return (actor, relation) -> switch (actor) {
			case PARTICIPANT -> allowed;
			case ANONYMOUS -> 302;
			default -> 404;
		};
	}

	/**
	 * One's own page for admins and experts (a mobile number for notices); a participant
	 * is told nothing is there.
	 */
	static Expectation staffOnly(int allowed) {
		return (actor, relation) -> switch (actor) {
			case PARTICIPANT -> 404;
			case ANONYMOUS -> 302;
			default -> allowed;
		};
	}

	/**
	 * Issue 11 item 4: a page of staff (admins, experts); participants get
	 * {@code participant}.
	 */
	static Expectation staffOnlyElse(int allowed, int participant) {
		return (actor, relation) -> switch (actor) {
			case PARTICIPANT -> participant;
			case ANONYMOUS -> 302;
			default -> allowed;
		};
	}

	/** An API resource any signed-in user may read (its content is scoped). */
	static Expectation apiSignedIn() {
		return (actor, relation) -> actor == Actor.ANONYMOUS ? 401 : 200;
	}

	/**
	 * An API resource of the PARTICIPANT actor's own upload: 404 JSON for anyone else,
	 * 401 without a session.
	 */
	static Expectation uploadOwnerOnly(int owner) {
		return (actor, relation) -> switch (actor) {
			case PARTICIPANT -> owner;
			case ANONYMOUS -> 401;
			default -> 404;
		};
	}

	// --- The matrix
	// ---------------------------------------------------------------------------------

	static final byte[] NOT_AN_XLSX = "名称,简称,类型\n".getBytes(StandardCharsets.UTF_8);

	static final List<Endpoint> ENDPOINTS = List.of(
			// --- organisation (R-ORG-1/2): the tree, editing, import, the JSON API ---
			Endpoint.get("/admin/organisations", anyAdmin(200)),
			Endpoint.get("/admin/organisations/{org}", adminInSubtree(200)),
			Endpoint.get("/admin/organisations/{org}/export.xlsx", adminInSubtree(200)),
			// The htmx fragment that unfolds a node of the tree.
			Endpoint.get("/admin/organisations/{org}/children", adminInSubtree(200)),
			Endpoint.get("/admin/organisations/{org}/children/new", adminInSubtree(200)),
			Endpoint.post("/admin/organisations/{org}/children/new",
					Map.of("name", "矩阵工会{unique}", "kind", "GRASSROOTS"), adminInSubtree(302)),
			Endpoint.get("/admin/organisations/{org}/edit", adminBelowOwn(200)),
			Endpoint.post("/admin/organisations/{org}/edit", Map.of("name", "{orgName}", "version", "{version}"),
					adminBelowOwn(302)),
			// Every target here is seeded or has children, so an allowed delete is
			// refused with a flash (302).
			Endpoint.post("/admin/organisations/{org}/delete", Map.of(), adminBelowOwn(302)),
			Endpoint.get("/admin/organisations/{org}/import", adminInSubtree(200)),
			Endpoint.get("/admin/organisations/{org}/import/template", adminInSubtree(200)),
			// A rejected file answers 200 with the problems; what matters here is who
			// gets that far.
			Endpoint.upload("/admin/organisations/{org}/import", NOT_AN_XLSX, adminInSubtree(200)),
			Endpoint.get("/api/v1/organisations", apiSignedIn()),
			Endpoint.get("/api/v1/organisations/{org}", apiVisible()),

			// --- audit (R-X-3): reading the log ---
			Endpoint.get("/admin/audit", orgAdminOrSeparated(200)),
			Endpoint.get("/admin/audit?action=CREATED&page=1", orgAdminOrSeparated(200)),
			Endpoint.get("/admin/audit/{auditEvent}", orgAdminInSubtreeOrSeparated(200)),
			// Issue 11: the audit chain's verification, the audit administrator's alone
			Endpoint.get("/admin/audit/chain", nobodyButSeparated()),

			// --- account: signing in and out, registration, own pages ---
			// A signed-in user asking for the sign-in page is sent on to the workbench.
			Endpoint.get("/sign-in", (actor, relation) -> actor == Actor.ANONYMOUS ? 200 : 302),
			// Handled by Spring Security: an unknown account comes back to
			// /sign-in?error.
			Endpoint.post("/sign-in", Map.of("username", "nobody-{unique}", "password", "Wrong#2026"), everyone(302)),
			Endpoint.post("/sign-out", Map.of(), everyone(302)), Endpoint.get("/register", everyone(200)),
			// Not a mobile number: the form comes back with the problem, no code is sent.
			Endpoint.post("/register/code", Map.of("mobile", "12345"), everyone(200)),
			Endpoint.post("/register/restart", Map.of(), everyone(302)),
			// No code was sent in this session: back to step 1.
			Endpoint.post("/register", Map.of("code", "000000", "displayName", "矩阵职工"), everyone(302)),
			// The htmx organisation picker: the public tree, one level at a time.
			Endpoint.get("/register/organisations?organisationIds={org}", everyone(200)),
			Endpoint.get("/workbench", signedIn(200)), Endpoint.get("/account/password", signedIn(200)),
			// A wrong current password: the form comes back with the problem, nothing
			// changes.
			Endpoint.post("/account/password",
					Map.of("currentPassword", "Wrong#2026", "newPassword", "Matrix#New2026", "newPasswordRepeat",
							"Matrix#New2026"),
					signedIn(200)),
			// --- account (issue 11 item 4): the second factor. The matrix's staff have
			// not enrolled: the code page sends them to enrolment, a code is refused
			// (400); participants have none and are sent to the workbench.
			Endpoint.get("/account/second-factor", signedIn(302)),
			Endpoint.post("/account/second-factor", Map.of("code", "000000"), staffOnlyElse(400, 302)),
			Endpoint.get("/account/second-factor/enrol", staffOnlyElse(200, 302)),
			Endpoint.post("/account/second-factor/enrol", Map.of("code", "000000"), staffOnlyElse(400, 302)),

			// --- account (issue 10 item 9): password reset by SMS, profile, a mobile for
			// notices, the agreement and privacy pages ---
			Endpoint.get("/password-reset", everyone(200)),
			// Not a mobile number: the form comes back with the problem, no code is sent.
			Endpoint.post("/password-reset/code", Map.of("mobile", "12345"), everyone(200)),
			Endpoint.post("/password-reset/restart", Map.of(), everyone(302)),
			// No code was sent in this session: back to step 1.
			Endpoint.post("/password-reset", Map.of("code", "000000", "newPassword", "Matrix#New2026"), everyone(302)),
			Endpoint.get("/account/profile", signedIn(200)),
			// An empty name: the form comes back with the problem, nothing changes.
			Endpoint.post("/account/profile", Map.of("displayName", ""), signedIn(200)),
			// Admins and experts register a mobile for notices; a participant's mobile is
			// their sign-in name.
			Endpoint.get("/account/mobile", staffOnly(200)),
			Endpoint.post("/account/mobile/code", Map.of("mobile", "12345"), staffOnly(200)),
			Endpoint.post("/account/mobile/restart", Map.of(), staffOnly(302)),
			// No code was sent in this session: back to step 1.
			Endpoint.post("/account/mobile", Map.of("code", "000000"), staffOnly(302)),
			Endpoint.get("/legal/agreement", everyone(200)), Endpoint.get("/legal/privacy", everyone(200)),

			// --- account: administration, limited to the admin's subtree ---
			Endpoint.get("/admin/accounts", orgAdminOrSeparated(200)),
			Endpoint.get("/admin/accounts?role=EXPERT&organisation=矩阵", orgAdminOrSeparated(200)),
			Endpoint.get("/admin/accounts/new", orgAdminOrSeparated(200)),
			// Allowed: the page with the one-time password (200).
			Endpoint.post("/admin/accounts/new",
					Map.of("username", "matrix{unique}", "displayName", "矩阵专家", "role", "EXPERT", "organisationId",
							"{org}"),
					orgAdminInSubtreeOrSeparated(200)),
			Endpoint.post("/admin/accounts/{account}/reset-password", Map.of(), orgAdminInSubtreeOrSeparated(302)),
			Endpoint.post("/admin/accounts/{account}/disable", Map.of(), orgAdminInSubtreeOrSeparated(302)),
			Endpoint.post("/admin/accounts/{account}/enable", Map.of(), orgAdminInSubtreeOrSeparated(302)),
			// An account that does not exist looks the same as one outside the subtree.
			Endpoint.post("/admin/accounts/999999999/disable", Map.of(), orgAdminOrSeparated(404)),

			// --- campaign: public pages and the public JSON API ---
			Endpoint.get("/", everyone(200)), Endpoint.get("/campaigns/fujian-2024", everyone(200)),
			Endpoint.get("/qr.png", everyone(200)), Endpoint.get("/api/v1/campaigns", everyone(200)),
			Endpoint.get("/api/v1/campaigns/fujian-2024", everyone(200)),
			Endpoint.get("/api/v1/campaigns/fujian-2024/phases", everyone(200)),
			Endpoint.get("/api/v1/campaigns/fujian-2024/categories", everyone(200)),
			Endpoint.get("/api/v1/campaigns/fujian-2024/allocations", everyone(200)),
			Endpoint.get("/api/v1/campaigns/national-2024/targets", everyone(200)),
			// A campaign that does not exist is 404 for everyone, never a 500.
			Endpoint.get("/api/v1/campaigns/no-such-campaign", everyone(404)),
			Endpoint.get("/campaigns/no-such-campaign", everyone(404)),

			// --- showcase (issue 13): public pages; a work that is not public (a draft
			// here) and anything of it is 404 for everyone, signed in or not ---
			Endpoint.get("/showcase", everyone(200)), Endpoint.get("/showcase/fujian-2024", everyone(200)),
			Endpoint.get("/showcase/no-such-campaign", everyone(404)),
			Endpoint.get("/certificates/verify", everyone(200)),
			Endpoint.get("/certificates/verify/AAAAAAAAAAAA", everyone(404)),
			Endpoint.get("/showcase/works/{ownEntry}", everyone(404)),
			Endpoint.get("/showcase/works/{ownEntry}/qr.png", everyone(404)),
			Endpoint.get("/showcase/works/{ownEntry}/files/999999999", everyone(404)),
			Endpoint.get("/showcase/works/{ownEntry}/files/999999999/poster.jpg", everyone(404)),

			// --- voting (issue 13 item 4): public, without an account; a work in no
			// vote shows so in its panel, a vote without a proved number asks for one
			Endpoint.get("/vote/verify", everyone(200)),
			Endpoint.post("/vote/verify/code", Map.of("mobile", "12345"), everyone(200)),
			Endpoint.post("/vote/verify", Map.of("mobile", "12345", "code", "000000"), everyone(200)),
			Endpoint.get("/vote/works/{ownEntry}/panel", everyone(200)),
			Endpoint.post("/vote/works/{ownEntry}", Map.of(), everyone(200)),

			// --- publicity (issue 13 item 1): the public results pages for everyone; an
			// unknown list is 404; the campaign's publicity page is its admins' (here the
			// platform admin: organisation admins of a city do not host it); a
			// participant's own outcomes for anyone signed in ---
			Endpoint.get("/results", everyone(200)), Endpoint.get("/results/999999999", everyone(404)),
			Endpoint.post("/results/999999999/code", Map.of("mobile", "19600000000"), everyone(404)),
			Endpoint.post("/results/999999999/objections", Map.of("entryId", "1", "name", "矩阵"), everyone(404)),
			Endpoint.get("/admin/campaigns/{campaign}/publicity", platformAdminOnly(200)),
			Endpoint.post("/admin/campaigns/{campaign}/publicity",
					Map.of("roundId", "{reviewRound}", "title", "矩阵公示", "startsOn", "2090-01-01", "endsOn",
							"2090-01-07", "notice", "矩阵"),
					platformAdminOnly(302)),
			Endpoint.post("/admin/campaigns/{campaign}/publicity/objections/999999999",
					Map.of("decision", "DISMISS", "reason", "矩阵"), platformAdminOnly(404)),
			Endpoint.get("/admin/campaigns/{campaign}/publicity/objections/999999999/evidence/1",
					platformAdminOnly(404)),
			Endpoint.get("/my/objections", signedIn(200)),

			// --- handoff (issue 14 items 1, 2): the campaign's admins alone (here the
			// platform admin); an unknown sub-project is 404 ---
			Endpoint.get("/admin/campaigns/{campaign}/handoff", platformAdminOnly(200)),
			Endpoint.post("/admin/campaigns/{campaign}/handoff", Map.of("origin", "MANUAL"), platformAdminOnly(302)),
			Endpoint.get("/admin/campaigns/{campaign}/handoff/mapping", platformAdminOnly(200)),
			Endpoint.post("/admin/campaigns/{campaign}/handoff/mapping", Map.of(), platformAdminOnly(302)),
			Endpoint.get("/admin/campaigns/{campaign}/handoff/packages/song.zip", platformAdminOnly(200)),
			Endpoint.get("/admin/campaigns/{campaign}/handoff/packages/no-such.zip", platformAdminOnly(404)),
			Endpoint.post("/admin/campaigns/{campaign}/handoff/withdraw",
					Map.of("entryId", "999999999", "reason", "矩阵"), platformAdminOnly(404)),
			// issue 14 item 3: the import of a province's package, in a national campaign
			// only; an upload that is not the admin's own is 404
			Endpoint.get("/admin/campaigns/national-2024/handoff/imports", platformAdminOnly(200)),
			Endpoint.get("/admin/campaigns/{campaign}/handoff/imports", platformAdminOnly(404)),
			Endpoint.post("/admin/campaigns/national-2024/handoff/imports",
					Map.of("uploadId", "00000000-0000-0000-0000-000000000000"), platformAdminOnly(404)),

			// --- campaign: administration (R-CAM), the platform admin only; allowed
			// changes succeed (302) ---
			Endpoint.get("/admin/campaigns", platformAdminOnly(200)),
			Endpoint.get("/admin/campaigns/{campaign}", platformAdminOnly(200)),
			Endpoint.get("/admin/campaigns/no-such-campaign", platformAdminOnly(404)),
			Endpoint.get("/admin/campaigns/{campaign}/phases/SUBMISSION", platformAdminOnly(200)),
			Endpoint.post("/admin/campaigns/{campaign}/phases/SUBMISSION",
					Map.of("startsOn", "2090-05-01", "endsOn", "2090-08-31", "version", "{phaseVersion}"),
					platformAdminOnly(302)),
			Endpoint.get("/admin/campaigns/{campaign}/categories/micro-video", platformAdminOnly(200)),
			Endpoint.post("/admin/campaigns/{campaign}/categories/micro-video",
					Map.of("minDurationSeconds", "20", "maxDurationSeconds", "240", "maxFileSizeMb", "800", "version",
							"{categoryVersion}"),
					platformAdminOnly(302)),
			Endpoint.get("/admin/campaigns/{campaign}/allocations", platformAdminOnly(200)),
			// No rows: no unit changes, yet the whole save (version check, audit) runs.
			Endpoint.post("/admin/campaigns/{campaign}/allocations", Map.of("version", "{campaignVersion}"),
					platformAdminOnly(302)),
			Endpoint.get("/admin/campaigns/{campaign}/copy", platformAdminOnly(200)),
			Endpoint.post("/admin/campaigns/{campaign}/copy",
					Map.of("code", "{campaign}-{unique}", "title", "矩阵复制活动", "year", "2091"), platformAdminOnly(302)),
			// issue 10 item 7: a province's admins run the campaigns their union hosts;
			// the
			// actor here is a city's admin, who runs none (ProvinceCampaignAdminWebTest
			// shows the province's admin at work).
			Endpoint.get("/admin/campaigns/{campaign}/settings", platformAdminOnly(200)),
			Endpoint.post("/admin/campaigns/{campaign}/settings",
					Map.of("title", "矩阵活动{unique}", "hostCode", "fj", "organisers", "福建省总工会", "version",
							"{campaignVersion}"),
					platformAdminOnly(302)),
			Endpoint.get("/admin/campaigns/{campaign}/declarations/LIABILITY", platformAdminOnly(200)),
			Endpoint.post("/admin/campaigns/{campaign}/declarations/LIABILITY",
					Map.of("title", "法律责任", "body", "矩阵声明{unique}", "textVersion", "{declarationVersion}"),
					platformAdminOnly(302)),
			Endpoint.get("/admin/campaigns/{campaign}/phases/new", platformAdminOnly(200)),
			// The kind is taken: the form comes back with the reason (200), nothing
			// added.
			Endpoint.post("/admin/campaigns/{campaign}/phases/new",
					Map.of("kind", "REVIEW", "name", "矩阵阶段", "startsOn", "2090-09-01"), platformAdminOnly(200)),
			// A stale version: nothing removed, a conflict.
			Endpoint.post("/admin/campaigns/{campaign}/phases/SUMMARY/delete", Map.of("version", "99"),
					platformAdminOnly(409)),
			Endpoint.get("/admin/campaigns/{campaign}/categories/new", platformAdminOnly(200)),
			Endpoint.post("/admin/campaigns/{campaign}/categories/new",
					Map.of("basedOn", "song", "code", "matrix-{unique}", "name", "矩阵项目"), platformAdminOnly(302)),
			Endpoint.get("/admin/campaigns/{campaign}/categories/song/name", platformAdminOnly(200)),
			Endpoint.post("/admin/campaigns/{campaign}/categories/song/name",
					Map.of("name", "网络正能量歌曲征集", "version", "{songVersion}"), platformAdminOnly(302)),
			Endpoint.post("/admin/campaigns/{campaign}/categories/song/delete", Map.of("version", "99"),
					platformAdminOnly(409)),

			// --- review administration (issue 12): the campaign's rubric, rounds, pools
			// and
			// assignment; {reviewRound} is the first round of its song category. Posts
			// that
			// would change something are refused (empty fields, a stale version, no such
			// pair), so that the rows leave the campaign as it was.
			Endpoint.get("/admin/campaigns/{campaign}/review", platformAdminOnly(200)),
			Endpoint.get("/admin/campaigns/{campaign}/review/categories/song/rubric", platformAdminOnly(200)),
			Endpoint.post("/admin/campaigns/{campaign}/review/categories/song/rubric",
					Map.of("version", "99", "criteria[0].name", "矩阵指标", "criteria[0].maxPoints", "100"),
					platformAdminOnly(409)),
			Endpoint.get("/admin/campaigns/{campaign}/review/categories/song/rounds/new", platformAdminOnly(200)),
			Endpoint.post("/admin/campaigns/{campaign}/review/categories/song/rounds/new",
					Map.of("name", "", "version", "99"), platformAdminOnly(200)),
			Endpoint.get("/admin/campaigns/{campaign}/review/categories/song/rounds/first", platformAdminOnly(200)),
			Endpoint.post("/admin/campaigns/{campaign}/review/categories/song/rounds/first",
					Map.of("name", "", "version", "99"), platformAdminOnly(200)),
			Endpoint.get("/admin/campaigns/{campaign}/review/rounds/{reviewRound}/pool", platformAdminOnly(200)),
			Endpoint.post("/admin/campaigns/{campaign}/review/rounds/{reviewRound}/pool", Map.of(),
					platformAdminOnly(302)),
			Endpoint.post("/admin/campaigns/{campaign}/review/rounds/{reviewRound}/pool/1/remove", Map.of(),
					platformAdminOnly(302)),
			Endpoint.post("/admin/campaigns/{campaign}/review/rounds/{reviewRound}/pool/invite",
					Map.of("displayName", "", "mobile", ""), platformAdminOnly(200)),
			Endpoint.get("/admin/campaigns/{campaign}/review/rounds/{reviewRound}/assignment", platformAdminOnly(200)),
			Endpoint.post("/admin/campaigns/{campaign}/review/rounds/{reviewRound}/assignment", Map.of(),
					platformAdminOnly(200)),
			Endpoint.post("/admin/campaigns/{campaign}/review/rounds/{reviewRound}/assignment/pairs", Map.of(),
					platformAdminOnly(302)),
			Endpoint.post("/admin/campaigns/{campaign}/review/rounds/{reviewRound}/assignment/pairs/remove",
					Map.of("entryId", "1", "expertId", "1"), platformAdminOnly(404)),
			// Progress, results and awards of {reviewRound} (no scores yet); what would
			// change or export something goes to a round that does not exist.
			// --- voting administration (issue 13 item 4): refused changes leave the
			// campaign as it was
			Endpoint.get("/admin/campaigns/{campaign}/votes", platformAdminOnly(200)),
			Endpoint.get("/admin/campaigns/{campaign}/votes/settings", platformAdminOnly(200)),
			Endpoint.post("/admin/campaigns/{campaign}/votes/settings", Map.of("categoryCode", ""),
					platformAdminOnly(200)),
			Endpoint.post("/admin/campaigns/{campaign}/votes/999999999/void", Map.of("reason", "矩阵"),
					platformAdminOnly(302)),
			Endpoint.post("/admin/campaigns/{campaign}/votes/anomalies/void", Map.of("kind", "NONE"),
					platformAdminOnly(302)),
			Endpoint.get("/admin/campaigns/{campaign}/votes/anomalies.xlsx", platformAdminOnly(200)),
			Endpoint.get("/admin/campaigns/{campaign}/review/progress", platformAdminOnly(200)),
			// Issue 13 item 3: the web copies of a campaign; a retry of a copy that does
			// not exist.
			Endpoint.get("/admin/campaigns/{campaign}/playback", platformAdminOnly(200)),
			Endpoint.post("/admin/campaigns/{campaign}/playback/999999999/retry", Map.of(), signedIn(404)),
			Endpoint.get("/admin/campaigns/{campaign}/similarity", platformAdminOnly(200)),
			// Issue 14 item 4: certificates of a campaign without final winners (none
			// issued: the downloads are 404); an empty template is refused.
			Endpoint.get("/admin/campaigns/{campaign}/certificates", platformAdminOnly(200)),
			Endpoint.post("/admin/campaigns/{campaign}/certificates/template", Map.of("title", ""),
					platformAdminOnly(302)),
			Endpoint.post("/admin/campaigns/{campaign}/certificates/issue", Map.of(), platformAdminOnly(302)),
			Endpoint.get("/admin/campaigns/{campaign}/certificates/preview.pdf", platformAdminOnly(200)),
			Endpoint.get("/admin/campaigns/{campaign}/certificates/seal.png", platformAdminOnly(200)),
			Endpoint.get("/admin/campaigns/{campaign}/certificates.pdf", platformAdminOnly(404)),
			Endpoint.get("/admin/campaigns/{campaign}/certificates.zip", platformAdminOnly(404)),
			Endpoint.get("/admin/review/rounds/{reviewRound}/progress", platformAdminOnly(200)),
			Endpoint.get("/admin/review/rounds/{reviewRound}/results", platformAdminOnly(200)),
			Endpoint.get("/admin/review/rounds/{reviewRound}/lock", platformAdminOnly(200)),
			Endpoint.get("/admin/review/rounds/999999999/sheets.xlsx", signedIn(404)),
			Endpoint.get("/admin/review/rounds/999999999/experts/1/sheets.xlsx", signedIn(404)),
			Endpoint.get("/admin/review/rounds/999999999/results.xlsx", signedIn(404)),
			Endpoint.get("/admin/review/rounds/999999999/results.pdf", signedIn(404)),
			Endpoint.post("/admin/review/rounds/999999999/reminders", Map.of("expertId", "1"), signedIn(404)),
			Endpoint.post("/admin/review/rounds/999999999/awards", Map.of("entryId", "1", "level", ""), signedIn(404)),
			Endpoint.post("/admin/review/rounds/999999999/awards/proposal", Map.of(), signedIn(404)),
			Endpoint.post("/admin/review/rounds/999999999/lock", Map.of(), signedIn(404)),

			// --- files (R-SUB-2): tus uploads and downloads of one's own files. {file}
			// is a completed upload of
			// the PARTICIPANT actor; for everyone else it does not exist. Without
			// Tus-Resumable the owner gets 412.
			new Endpoint("OPTIONS /api/v1/uploads", HttpMethod.OPTIONS, "/api/v1/uploads", Map.of(), null,
					everyone(204)),
			Endpoint.post("/api/v1/uploads", Map.of(), (actor, relation) -> actor == Actor.ANONYMOUS ? 401 : 412),
			new Endpoint("HEAD /api/v1/uploads/{file}", HttpMethod.HEAD, "/api/v1/uploads/{file}", Map.of(), null,
					uploadOwnerOnly(412)),
			new Endpoint("PATCH /api/v1/uploads/{file}", HttpMethod.PATCH, "/api/v1/uploads/{file}", Map.of(), null,
					uploadOwnerOnly(412)),
			new Endpoint("DELETE /api/v1/uploads/{file}", HttpMethod.DELETE, "/api/v1/uploads/{file}", Map.of(), null,
					uploadOwnerOnly(412)),
			Endpoint.get("/files/{file}", (actor, relation) -> switch (actor) {
				case PARTICIPANT -> 200;
				case ANONYMOUS -> 302;
				default -> 404;
			}),

			// --- submission (R-SUB, R-NOM): "my works" and the admins' read-only view.
			// {ownEntry} is a
			// micro-video draft of the PARTICIPANT actor; {entry} is a good-netizen entry
			// (with its nomination
			// form) of the target organisation, owned by that organisation: its admins
			// work on it, admins
			// above read it. Full personal data: the submitting organisation's admins,
			// provincial admins above
			// it and the platform admin (not a city admin above a county).
			Endpoint.get("/works", signedIn(200)), Endpoint.get("/works/new", signedIn(200)),
			Endpoint.get("/works/new?campaign=demo-fujian", signedIn(200)),
			// Only the participant (a WORKER) may enter micro-video; everyone else gets
			// the form back with the reason.
			Endpoint.post("/works/new",
					Map.of("campaign", "demo-fujian", "category", "micro-video", "title", "矩阵作品{unique}"),
					(actor, relation) -> switch (actor) {
						case PARTICIPANT, ANONYMOUS -> 302;
						default -> 200;
					}),
			Endpoint.get("/works/{ownEntry}", entryOwnerOnly(200)),
			Endpoint.get("/works/{ownEntry}/edit", entryOwnerOnly(200)),
			Endpoint.post("/works/{ownEntry}/edit", Map.of("version", "{ownEntryVersion}", "title", "矩阵作品"),
					entryOwnerOnly(302)),
			// The empty upload {file} is refused for its format: a flash message, nothing
			// attached (302).
			Endpoint.post("/works/{ownEntry}/slots/work/attach", Map.of("uploadId", "{file}"), entryOwnerOnly(302)),
			Endpoint.post("/works/{ownEntry}/attachments/999999999/remove", Map.of(), entryOwnerOnly(404)),
			// Incomplete: refused with a flash message, nothing changes (302).
			Endpoint.post("/works/{ownEntry}/submit", Map.of("version", "{ownEntryVersion}"), entryOwnerOnly(302)),
			// A stale version: refused with a flash message, nothing changes (302).
			Endpoint.post("/works/{ownEntry}/withdraw", Map.of("version", "-1"), entryOwnerOnly(302)),
			// A draft has nothing to recall: back to the entry page with a message (302);
			// so is a stale recall.
			Endpoint.get("/works/{ownEntry}/recall", entryOwnerOnly(302)),
			Endpoint.post("/works/{ownEntry}/recall", Map.of("version", "-1"), entryOwnerOnly(302)),
			// Issue 10: what is missing before submitting (htmx), and the confirmation
			// steps
			// before removing a file and withdrawing.
			Endpoint.get("/works/{ownEntry}/submit-state?declaration=1", entryOwnerOnly(200)),
			Endpoint.get("/works/{ownEntry}/attachments/999999999/remove", entryOwnerOnly(404)),
			Endpoint.get("/works/{ownEntry}/withdraw", entryOwnerOnly(200)),
			Endpoint.get("/works/{entry}", organisationEntryOwner(200)),
			Endpoint.get("/works/{entry}/files/999999999", (actor, relation) -> actor == Actor.ANONYMOUS ? 302 : 404),
			Endpoint.get("/works/{entry}/nomination.pdf", adminInSubtree(200)),
			Endpoint.get("/works/{entry}/nomination.docx", adminInSubtree(200)),
			Endpoint.get("/works/{entry}/nomination.pdf?full=true", fullPersonalData(200)),
			Endpoint.get("/works/{entry}/personal-data", fullPersonalData(200)),
			Endpoint.get("/admin/works", anyAdmin(200)), Endpoint.get("/admin/works?state=SUBMITTED", anyAdmin(200)),
			Endpoint.get("/admin/works/{entry}", adminInSubtree(200)),

			// --- exports of the other admin lists (R-X-2) ---
			Endpoint.get("/admin/accounts.xlsx?role=EXPERT", orgAdminOrSeparated(200)),
			Endpoint.get("/admin/audit/export.xlsx?from=2024-01-01", orgAdminOrSeparated(200)),

			// --- approval worklists: every admin lists and exports its subtree; only an
			// organisation's admins have a queue ---
			Endpoint.get("/admin/works?unit={org}&state=DRAFT&from=2024-01-01&to=2030-12-31&q=x", anyAdmin(200)),
			Endpoint.get("/admin/works?from=not-a-date&state=NOPE&page=-3", anyAdmin(200)),
			Endpoint.get("/admin/works.xlsx", anyAdmin(200)),
			Endpoint.get("/admin/works.xlsx?unit={org}", anyAdmin(200)),
			Endpoint.get("/admin/queue", orgAdminOnly(200)),
			Endpoint.get("/admin/queue?unit={org}&category=1", orgAdminOnly(200)),
			Endpoint.get("/admin/queue.xlsx", orgAdminOnly(200)),
			// the export with nominees' personal data in full: admins only, with a
			// purpose
			Endpoint.get("/admin/works/full-export", anyAdmin(200)),
			Endpoint.get("/admin/works/full-export?unit={org}", anyAdmin(200)),
			Endpoint.post("/admin/works/full-export", Map.of("purpose", "矩阵核对"), anyAdmin(200)),
			Endpoint.post("/admin/works/full-export", Map.of("purpose", ""), anyAdmin(200)),
			Endpoint.get("/admin/queue/full-export", orgAdminOnly(200)),
			Endpoint.post("/admin/queue/full-export", Map.of("purpose", "矩阵核对"), orgAdminOnly(200)),
			Endpoint.post("/admin/queue/approve", Map.of("entry", "{entry}", "opinion", "同意"), orgAdminOnly(302)),

			// --- review (issue 12): the expert's pages. The matrix's expert has no
			// works:
			// its list of rounds is empty (200); a round or work not its own is a 404.
			Endpoint.get("/expert/reviews", (actor, relation) -> switch (actor) {
				case EXPERT -> 200;
				case ANONYMOUS -> 302;
				default -> 404;
			}), Endpoint.get("/expert/reviews/999999999", signedIn(404)),
			Endpoint.get("/expert/reviews/999999999/works/999999999", signedIn(404)),
			Endpoint.get("/expert/reviews/999999999/works/999999999/conflict", signedIn(404)),
			Endpoint.post("/expert/reviews/999999999/works/999999999", Map.of("comment", "矩阵评语"), signedIn(404)),
			Endpoint.post("/expert/reviews/999999999/works/999999999/points/999999999",
					Map.of("points-999999999", "1", "points-999999999-previous", ""), signedIn(404)),
			Endpoint.post("/expert/reviews/999999999/works/999999999/comment", Map.of("comment", "矩阵评语"),
					signedIn(404)),
			Endpoint.post("/expert/reviews/999999999/works/999999999/conflict", Map.of("reason", "矩阵"), signedIn(404)),
			Endpoint.post("/expert/reviews/999999999/submit", Map.of(), signedIn(404)),
			Endpoint.get("/expert/reviews/999999999/works/999999999/files/999999999", signedIn(404)),
			Endpoint.get("/expert/reviews/999999999/works/999999999/files/999999999/pages/1.png", signedIn(404)),

			// --- infrastructure: the OpenAPI description of the JSON API is public ---
			Endpoint.get("/v3/api-docs", everyone(200)), Endpoint.get("/v3/api-docs.yaml", everyone(200)),
			// Where errors are forwarded to; asked for directly there is nothing to show.
			Endpoint.get("/error", everyone(404)),

			// approval (R-APR-1): {pendingEntry} is a submitted entry of the target
			// organisation waiting at that
			// organisation. The decisions are sent without an opinion, so an allowed
			// request is refused with a
			// flash message and changes nothing (302); an admin above the waiting level
			// (CHILD) and the platform
			// admin may read the entry but are told it is not their turn (302); another
			// city's admins, participants
			// and experts are told nothing is there (404).
			Endpoint.get("/admin/works/{pendingEntry}", adminInSubtree(200)),
			Endpoint.post("/admin/works/{pendingEntry}/approve",
					Map.of("version", "{pendingEntryVersion}", "opinion", ""), adminInSubtree(302)),
			Endpoint.post("/admin/works/{pendingEntry}/return",
					Map.of("version", "{pendingEntryVersion}", "opinion", ""), adminInSubtree(302)),
			Endpoint.post("/admin/works/{pendingEntry}/reject",
					Map.of("version", "{pendingEntryVersion}", "opinion", ""), adminInSubtree(302)),
			Endpoint.post("/admin/works/999999999/approve", Map.of("version", "0", "opinion", "同意"), anyAdmin(404)),
			Endpoint.get("/admin/quotas", anyAdmin(200)), Endpoint.get("/admin/quotas.xlsx", anyAdmin(200)),

			// activity (R-ACT-1/2/3): offline events, progress, reach. {event} is an
			// offline event of the target
			// organisation in this test's campaign: admins above read it, only its own
			// union's admins change it.
			// The campaign is in 2090, so an allowed report comes back as the form with
			// the date message (200).
			Endpoint.get("/activities?campaign={campaign}", anyAdmin(200)),
			Endpoint.get("/activities?campaign={campaign}&organisation={org}&from=2024-01-01&q=矩阵",
					adminInSubtree(200)),
			Endpoint.get("/activities/export?campaign={campaign}", anyAdmin(200)),
			Endpoint.get("/activities/export?campaign={campaign}&organisation={org}", adminInSubtree(200)),
			Endpoint.get("/activities?campaign=no-such-campaign",
					(actor, relation) -> actor == Actor.ANONYMOUS ? 302 : 404),
			Endpoint.get("/activities/new?campaign={campaign}", orgAdminOnly(200)),
			Endpoint.post("/activities/new",
					Map.of("campaign", "{campaign}", "heldOn", "2026-01-01", "place", "矩阵地点", "participants", "10",
							"description", "矩阵活动"),
					orgAdminOnly(200)),
			Endpoint.get("/activities/{event}", adminInSubtree(200)),
			Endpoint.get("/activities/{event}/edit", organisationEntryOwner(200)),
			// A stale version: the "changed by someone else" page (409), nothing changes.
			Endpoint.post("/activities/{event}/edit",
					Map.of("version", "-1", "heldOn", "2026-01-01", "place", "矩阵地点", "participants", "1", "description",
							"矩阵活动"),
					organisationEntryOwner(409)),
			Endpoint.post("/activities/{event}/delete", Map.of("version", "-1"), organisationEntryOwner(409)),
			Endpoint.post("/activities/{event}/edit",
					Map.of("version", "x", "heldOn", "2026-01-01", "place", "矩阵地点", "participants", "1", "description",
							"矩阵活动"),
					organisationEntryOwner(409)),
			// {file} is the PARTICIPANT actor's upload: for the event's admin it is
			// someone else's, refused with a flash (302).
			Endpoint.post("/activities/{event}/photos", Map.of("uploadId", "{file}"), organisationEntryOwner(302)),
			Endpoint.post("/activities/{event}/photos/999999999/remove", Map.of(), organisationEntryOwner(404)),
			Endpoint.get("/activities/{event}/photos/999999999",
					(actor, relation) -> actor == Actor.ANONYMOUS ? 302 : 404),
			Endpoint.get("/activities/progress?campaign={campaign}", anyAdmin(200)),
			Endpoint.get("/activities/progress/export?campaign={campaign}", anyAdmin(200)),
			Endpoint.get("/activities/reach?campaign={campaign}", orgAdminOnly(200)),
			Endpoint.post("/activities/reach", Map.of("campaign", "{campaign}", "promoters", "5"), orgAdminOnly(302)),

			// notification: 我的消息 (one's own notices and the SMS setting), 通知公告 (public
			// pages and their
			// administration by the publishing organisation's admins). Marking {notice}
			// (the PARTICIPANT actor's)
			// is 404 for anyone else; a stale withdraw is refused with a flash message
			// (302), nothing changes.
			Endpoint.get("/notices", signedIn(200)), Endpoint.get("/notices?page=x", signedIn(200)),
			// A page number far past the end is an empty page, not an overflowing offset.
			Endpoint.get("/notices?page=200000000", signedIn(200)),
			Endpoint.get("/announcements?page=300000000", everyone(200)),
			Endpoint.get("/admin/announcements?page=300000000", anyAdmin(200)),
			Endpoint.get("/activities?campaign={campaign}&page=200000000", anyAdmin(200)),
			Endpoint.get("/admin/works?page=99999999999", anyAdmin(200)),
			Endpoint.post("/notices/{notice}/read", Map.of(), noticeReaderOnly(302)),
			Endpoint.post("/notices/{notice}/read", Map.of("open", "true"), noticeReaderOnly(302)),
			Endpoint.post("/notices/read-all", Map.of(), signedIn(302)),
			Endpoint.get("/notices/settings", signedIn(200)),
			Endpoint.post("/notices/settings", Map.of("sms", "false"), signedIn(302)),
			Endpoint.get("/announcements", everyone(200)), Endpoint.get("/announcements/{announcement}", everyone(200)),
			Endpoint.get("/announcements/999999999", everyone(404)),
			Endpoint.get("/admin/announcements", anyAdmin(200)),
			Endpoint.get("/admin/announcements/new", anyAdmin(200)),
			Endpoint.post("/admin/announcements/new", Map.of("title", "矩阵公告{unique}", "body", "矩阵公告正文"), anyAdmin(302)),
			Endpoint.get("/admin/announcements/{announcement}/edit", announcementOwner(200)),
			Endpoint.post("/admin/announcements/{announcement}/edit",
					Map.of("title", "矩阵公告", "body", "矩阵公告正文", "version", "{announcementVersion}"),
					announcementOwner(302)),
			Endpoint.post("/admin/announcements/{announcement}/withdraw", Map.of("version", "-1"),
					announcementOwner(302)),

			// reporting (issue 4, item 5): the dashboards of the admins, of a unit of
			// their subtree only
			Endpoint.get("/dashboard", anyAdmin(200)), Endpoint.get("/dashboard?campaign=demo-fujian", anyAdmin(200)),
			Endpoint.get("/dashboard?campaign=no-such-campaign", anyAdmin(404)),
			Endpoint.get("/dashboard?campaign=demo-fujian&unit={org}", adminInSubtree(200)),
			Endpoint.get("/dashboard/data", anyAdmin(200)),
			Endpoint.get("/dashboard/data?campaign=demo-fujian&unit={org}", adminInSubtree(200)),
			// Issue 14 item 5: the year-end summary of a campaign, its workbook and PDF
			// (scoped content: any admin of the campaign's tree, a unit in the subtree).
			Endpoint.get("/admin/campaigns/{campaign}/summary", anyAdmin(200)),
			Endpoint.get("/admin/campaigns/{campaign}/summary?unit={org}", adminInSubtree(200)),
			Endpoint.get("/admin/campaigns/{campaign}/summary.xlsx", anyAdmin(200)),
			Endpoint.get("/admin/campaigns/{campaign}/summary.pdf?unit={org}", adminInSubtree(200)),
			Endpoint.get("/admin/campaigns/no-such-campaign/summary", anyAdmin(404)));

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping handlerMapping;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	Campaigns campaigns;

	@Autowired
	CampaignAdministration campaignAdministration;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	Uploads uploads;

	private final Map<Relation, Organisation> targets = new EnumMap<>(Relation.class);

	private final Map<Relation, Long> auditEvents = new EnumMap<>(Relation.class);

	private final Map<Relation, Long> accounts = new EnumMap<>(Relation.class);

	private final Map<Relation, Long> entries = new EnumMap<>(Relation.class);

	private final Map<Relation, Long> pendingEntries = new EnumMap<>(Relation.class);

	private final Map<Relation, Long> events = new EnumMap<>(Relation.class);

	private long ownEntry;

	private final Map<Relation, Long> announcements = new EnumMap<>(Relation.class);

	private long notice;

	private final Map<Actor, SignedInUser> principals = new EnumMap<>(Actor.class);

	private final Map<SeparatedActor, SignedInUser> separated = new EnumMap<>(SeparatedActor.class);

	private String campaign;

	private UUID file;

	@BeforeAll
	void createFixture() {
		OrganisationTestData data = new OrganisationTestData(jdbc, organisations);
		Organisation fuzhou = data.byCode("fj-fuzhou");
		Organisation xiamen = data.byCode("fj-xiamen");
		targets.put(Relation.OWN, fuzhou);
		targets.put(Relation.CHILD, data.create(fuzhou, "矩阵福州区总工会", OrganisationKind.COUNTY));
		targets.put(Relation.SIBLING, xiamen);
		targets.put(Relation.OTHER_CITY, data.create(xiamen, "矩阵厦门区总工会", OrganisationKind.COUNTY));
		// With a child each, the created targets survive the delete row of the matrix
		// (refused: has children).
		data.create(targets.get(Relation.CHILD), "矩阵福州公司工会", OrganisationKind.GRASSROOTS);
		data.create(targets.get(Relation.OTHER_CITY), "矩阵厦门公司工会", OrganisationKind.GRASSROOTS);
		targets.forEach((relation,
				organisation) -> auditEvents.put(relation, jdbc
					.sql("""
							insert into audit_event (occurred_at, actor_name, action, target_type, target_id, summary, organisation_path)
							values (now(), '矩阵测试', 'UPDATED', 'organisation', ?, ?, ?) returning id
							""")
					.params(String.valueOf(organisation.id()), "矩阵测试事件", organisation.path())
					.query(Long.class)
					.single()));

		String passwordHash = passwordEncoder.encode("Matrix#2026");
		accounts.put(Relation.OWN, insertAccount(Role.EXPERT, fuzhou, passwordHash).id());
		accounts.put(Relation.CHILD, insertAccount(Role.ORG_ADMIN, targets.get(Relation.CHILD), passwordHash).id());
		accounts.put(Relation.SIBLING, insertAccount(Role.ORG_ADMIN, xiamen, passwordHash).id());
		accounts.put(Relation.OTHER_CITY,
				insertAccount(Role.EXPERT, targets.get(Relation.OTHER_CITY), passwordHash).id());

		// The one platform admin there is, as if it had replaced its one-time password.
		principals.put(Actor.PLATFORM_ADMIN,
				((SignedInUser) userDetails.loadUserByUsername("admin")).withPasswordChanged()
					.withSecondFactor(Instant.now()));
		principals.put(Actor.ORG_ADMIN, signedIn(insertAccount(Role.ORG_ADMIN, fuzhou, passwordHash)));
		principals.put(Actor.PARTICIPANT, signedIn(insertAccount(Role.PARTICIPANT, fuzhou, passwordHash)));
		principals.put(Actor.EXPERT, signedIn(insertAccount(Role.EXPERT, fuzhou, passwordHash)));
		// issue 11 item 5: the security and the audit administrator, at the province
		Organisation province = data.byCode("fj");
		separated.put(SeparatedActor.SECURITY_ADMIN,
				signedIn(insertAccount(Role.SECURITY_ADMIN, province, passwordHash)));
		separated.put(SeparatedActor.AUDIT_ADMIN, signedIn(insertAccount(Role.AUDIT_ADMIN, province, passwordHash)));

		file = uploads
			.create(principals.get(Actor.PARTICIPANT), 0,
					"filename "
							+ java.util.Base64.getEncoder().encodeToString("矩阵.txt".getBytes(StandardCharsets.UTF_8)))
			.id();

		Campaign demo = campaigns.getByCode("demo-fujian");
		long goodNetizen = campaigns.category(demo, "good-netizen").orElseThrow().id();
		targets.forEach((relation, organisation) -> {
			long id = insertEntry(demo.id(), goodNetizen, accounts.get(Relation.OWN), "UNION_ORGANISATION",
					"organisation:" + organisation.id(), organisation);
			jdbc.sql("""
					insert into entry_nomination (entry_id, name, mobile_cipher, mobile_masked, id_number_cipher,
					    id_number_masked)
					values (?, '矩阵候选人', ?, '138****5678', ?, '110105********002X')
					""").params(id, cipher.encrypt("13812345678"), cipher.encrypt("11010519491231002X")).update();
			entries.put(relation, id);
			long pending = insertEntry(demo.id(), campaigns.category(demo, "digital-union").orElseThrow().id(),
					accounts.get(Relation.OWN), "UNION_ORGANISATION", "organisation:" + organisation.id(),
					organisation);
			jdbc.sql(
					"""
							update entry set state = 'SUBMITTED', submitted_at = now(), pending_organisation_id = organisation_id,
							    pending_since = now() where id = ?
							""")
				.param(pending)
				.update();
			pendingEntries.put(relation, pending);
		});
		SignedInUser participant = principals.get(Actor.PARTICIPANT);
		ownEntry = insertEntry(demo.id(), campaigns.category(demo, "micro-video").orElseThrow().id(),
				participant.accountId(), "WORKER", "account:" + participant.accountId(),
				organisations.findById(participant.organisationId()).orElseThrow());

		targets.forEach((relation, organisation) -> announcements.put(relation, jdbc.sql("""
				insert into announcement (organisation_id, title, body, state, published_by, published_at, updated_at)
				values (?, '矩阵公告', '矩阵公告正文', 'PUBLISHED', ?, now(), now()) returning id
				""").params(organisation.id(), accounts.get(Relation.OWN)).query(Long.class).single()));
		notice = jdbc.sql("""
				insert into notice (account_id, kind, title, body, link, created_at)
				values (?, 'RETURNED', '矩阵消息', '矩阵消息正文', '/works', now()) returning id
				""").param(participant.accountId()).query(Long.class).single();

		campaign = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
		campaignAdministration.copy(principals.get(Actor.PLATFORM_ADMIN), "fujian-2024", campaign, "矩阵测试活动", 2090);
		long campaignId = campaigns.getByCode(campaign).id();
		targets.forEach((relation,
				organisation) -> events.put(relation, jdbc
					.sql("""
							insert into offline_event (campaign_id, organisation_id, organisation_path, held_on, place, participants,
							    description, reported_by, reported_at, updated_at)
							values (?, ?, ?, date '2090-01-02', '矩阵活动地点', 10, '矩阵活动', ?, now(), now()) returning id
							""")
					.params(campaignId, organisation.id(), organisation.path(), accounts.get(Relation.OWN))
					.query(Long.class)
					.single()));
	}

	/** An entry written directly: the scenery of the submission rows. */
	private long insertEntry(long campaignId, long categoryId, long createdBy, String kind, String owner,
			Organisation organisation) {
		return jdbc.sql("""
				insert into entry (campaign_id, category_id, created_by, submitter_kind, owner_key, single_per_owner,
				    organisation_id, organisation_path, title, state, created_at, updated_at)
				values (?, ?, ?, ?, ?, false, ?, ?, '矩阵作品', 'DRAFT', now(), now()) returning id
				""")
			.params(campaignId, categoryId, createdBy, kind, owner, organisation.id(), organisation.path())
			.query(Long.class)
			.single();
	}

	/** An account of the fixture and what its holder types to sign in. */
	private record FixtureAccount(long id, String login) {
	}

	/**
	 * A uniquely named account, written directly: the scenery, not the behaviour under
	 * test.
	 */
	private FixtureAccount insertAccount(Role role, Organisation organisation, String passwordHash) {
		String unique = OrganisationTestData.unique("");
		if (role == Role.PARTICIPANT) {
			String mobile = "197" + "%08d".formatted(Long.parseLong(unique) % 100_000_000);
			return new FixtureAccount(jdbc.sql("""
					insert into account (mobile_hmac, mobile_cipher, mobile_masked, display_name, password_hash, role,
					    participant_kind, organisation_id)
					values (?, ?, ?, ?, ?, 'PARTICIPANT', 'WORKER', ?) returning id
					""")
				.params(cipher.blindIndex(mobile), cipher.encrypt(mobile), PersonalDataCipher.maskMobile(mobile),
						"矩阵职工" + unique, passwordHash, organisation.id())
				.query(Long.class)
				.single(), mobile);
		}
		String username = "matrix-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-') + unique;
		return new FixtureAccount(jdbc.sql("""
				insert into account (username, display_name, password_hash, role, organisation_id)
				values (?, ?, ?, ?, ?) returning id
				""")
			.params(username, "矩阵账号" + unique, passwordHash, role.name(), organisation.id())
			.query(Long.class)
			.single(), username);
	}

	/** The principal exactly as signing in would produce it. */
	private SignedInUser signedIn(FixtureAccount account) {
		return ((SignedInUser) userDetails.loadUserByUsername(account.login())).withSecondFactor(Instant.now());
	}

	static Stream<Arguments> matrix() {
		List<Arguments> cases = new ArrayList<>();
		for (Endpoint endpoint : ENDPOINTS) {
			List<Relation> relations = endpoint.dependsOnRelation() ? List.of(Relation.values())
					: List.of(Relation.OWN);
			for (Actor actor : Actor.values()) {
				for (Relation relation : relations) {
					cases.add(Arguments.of(endpoint, actor, relation, endpoint.expected().status(actor, relation)));
				}
			}
		}
		return cases.stream();
	}

	/**
	 * What the security or audit administrator gets: their own rows (account
	 * administration, the audit log) as an organisation admin gets them in its own
	 * subtree, since their scope is the whole tree; their own account's pages (workbench,
	 * profile, password, second factor, mobile, notices) and the public pages as an
	 * expert gets them; anything else is not there (404).
	 */
	static int separatedStatus(Endpoint endpoint, SeparatedActor actor, Relation relation) {
		String path = endpoint.url();
		if (path.startsWith("/admin/audit/chain")) {
			return actor == SeparatedActor.AUDIT_ADMIN ? 200 : 404;
		}
		boolean own = actor == SeparatedActor.SECURITY_ADMIN ? path.startsWith("/admin/accounts")
				: path.startsWith("/admin/audit");
		if (own) {
			return endpoint.expected().status(Actor.ORG_ADMIN, Relation.OWN);
		}
		boolean ownAccount = path.equals("/workbench") || path.startsWith("/account/") || path.startsWith("/notices");
		int anonymous = endpoint.expected().status(Actor.ANONYMOUS, relation);
		// Public: a visitor gets an answer rather than being sent to sign in, or it is
		// one
		// of the steps of signing in and out, registering and resetting a password.
		boolean open = anonymous != 302 && anonymous != 401
				|| Stream.of("/sign-in", "/sign-out", "/register", "/password-reset").anyMatch(path::startsWith);
		return ownAccount || open ? endpoint.expected().status(Actor.EXPERT, relation) : 404;
	}

	static Stream<Arguments> separatedMatrix() {
		List<Arguments> cases = new ArrayList<>();
		for (Endpoint endpoint : ENDPOINTS) {
			List<Relation> relations = endpoint.dependsOnRelation() ? List.of(Relation.values())
					: List.of(Relation.OWN);
			for (SeparatedActor actor : SeparatedActor.values()) {
				for (Relation relation : relations) {
					cases.add(Arguments.of(endpoint, actor, relation, separatedStatus(endpoint, actor, relation)));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} as {1} on {2} -> {3}")
	@MethodSource("separatedMatrix")
	void separatedAdministratorsReachOnlyTheirOwnPart(Endpoint endpoint, SeparatedActor actor, Relation relation,
			int expected) throws Exception {
		int status = perform(endpoint, separated.get(actor), relation);

		assertThat(status).as("%s as %s on %s", endpoint, actor, relation).isEqualTo(expected);
	}

	/**
	 * Every request mapping of the application has a row: a new controller method without
	 * one fails here. A mapping is covered when a row's method and URL (placeholders
	 * filled, query left out) match it as Spring would route the request.
	 */
	@Test
	void everyRequestMappingHasARowInTheMatrix() {
		List<String> uncovered = new ArrayList<>();
		handlerMapping.getHandlerMethods().forEach((info, handler) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			Set<PathPattern> patterns = info.getPathPatternsCondition() == null ? Set.of()
					: info.getPathPatternsCondition().getPatterns();
			boolean covered = ENDPOINTS.stream().anyMatch(endpoint -> {
				boolean methodMatches = methods.isEmpty()
						|| methods.contains(RequestMethod.resolve(endpoint.method().name()));
				PathContainer path = PathContainer.parsePath(sampleUrl(endpoint.url()));
				return methodMatches && patterns.stream().anyMatch(pattern -> pattern.matches(path));
			});
			if (!covered) {
				uncovered.add(methods + " " + patterns + " (" + handler.getShortLogMessage() + ")");
			}
		});

		assertThat(uncovered).as("request mappings without a row in the authorization matrix").isEmpty();
	}

	/** A row's URL as a request would have it, without its query. */
	private static String sampleUrl(String url) {
		String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
		return path.replace("{file}", UUID.randomUUID().toString()).replaceAll("\\{[A-Za-z]+}", "1");
	}

	@ParameterizedTest(name = "{0} as {1} on {2} -> {3}")
	@MethodSource("matrix")
	void answersWithTheExpectedStatus(Endpoint endpoint, Actor actor, Relation relation, int expected)
			throws Exception {
		int status = perform(endpoint, actor == Actor.ANONYMOUS ? null : principals.get(actor), relation);

		assertThat(status).as("%s as %s on %s", endpoint, actor, relation).isEqualTo(expected);
	}

	/** The endpoint's request as the principal (null: a visitor); its status. */
	private int perform(Endpoint endpoint, SignedInUser principal, Relation relation) throws Exception {
		Organisation target = organisations.findById(targets.get(relation).id()).orElseThrow();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("{org}", String.valueOf(target.id()));
		values.put("{orgName}", target.name());
		values.put("{version}", String.valueOf(target.version()));
		values.put("{auditEvent}", String.valueOf(auditEvents.get(relation)));
		values.put("{account}", String.valueOf(accounts.get(relation)));
		Campaign current = campaigns.getByCode(campaign);
		values.put("{campaignVersion}", String.valueOf(current.version()));
		values.put("{phaseVersion}", String.valueOf(current.phase(PhaseKind.SUBMISSION).orElseThrow().version()));
		values.put("{declarationVersion}",
				String.valueOf(campaigns.declarations(current)
					.stream()
					.filter(declaration -> declaration.code().equals("LIABILITY"))
					.findFirst()
					.orElseThrow()
					.textVersion()));
		values.put("{songVersion}", String.valueOf(campaigns.category(current, "song").orElseThrow().version()));
		values.put("{categoryVersion}",
				String.valueOf(campaigns.category(current, "micro-video").orElseThrow().version()));
		values.put("{campaign}", campaign);
		values.put("{reviewRound}", String
			.valueOf(campaigns.reviewRounds(campaigns.category(current, "song").orElseThrow().id()).getFirst().id()));
		values.put("{file}", file.toString());
		values.put("{entry}", String.valueOf(entries.get(relation)));
		values.put("{pendingEntryVersion}",
				String.valueOf(jdbc.sql("select version from entry where id = ?")
					.param(pendingEntries.get(relation))
					.query(Integer.class)
					.single()));
		values.put("{pendingEntry}", String.valueOf(pendingEntries.get(relation)));
		values.put("{ownEntry}", String.valueOf(ownEntry));
		values.put("{event}", String.valueOf(events.get(relation)));
		values.put("{ownEntryVersion}", String
			.valueOf(jdbc.sql("select version from entry where id = ?").param(ownEntry).query(Integer.class).single()));
		values.put("{announcementVersion}",
				String.valueOf(jdbc.sql("select version from announcement where id = ?")
					.param(announcements.get(relation))
					.query(Integer.class)
					.single()));
		values.put("{announcement}", String.valueOf(announcements.get(relation)));
		values.put("{notice}", String.valueOf(notice));
		values.put("{unique}", OrganisationTestData.unique(""));
		Function<String, String> fill = text -> {
			String result = text;
			for (Map.Entry<String, String> value : values.entrySet()) {
				result = result.replace(value.getKey(), value.getValue());
			}
			return result;
		};

		String url = fill.apply(endpoint.url());
		AbstractMockHttpServletRequestBuilder<?> request = endpoint.multipartFile() != null ? MockMvcRequestBuilders
			.multipart(url)
			.file(new MockMultipartFile("file", "matrix.xlsx", "application/octet-stream", endpoint.multipartFile()))
				: MockMvcRequestBuilders.request(endpoint.method(), url);
		endpoint.params().forEach((name, value) -> request.param(name, fill.apply(value)));
		if (endpoint.method() != HttpMethod.GET) {
			request.with(csrf());
			// what a browser sends with a form or fetch of our own pages (the vote's
			// chain checks it instead of a CSRF token)
			request.header("Sec-Fetch-Site", "same-origin");
		}
		// A second factor passed just now, so that the step-up of a few rows (personal
		// data in full, accounts) sees a recent one however long the matrix runs.
		request.with(principal == null ? anonymous() : user(principal.withSecondFactor(Instant.now())));

		return mvc.perform(request).andReturn().getResponse().getStatus();
	}

}
