package cn.zhengji;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.OrganisationTestData;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The authorization matrix: actor role × relation of the target organisation to the actor ×
 * endpoint → expected HTTP status, one parameterized test (after pretalx {@code test_orga_access.py}
 * and HotCRP {@code t_permission.php}).
 *
 * <h2>Fixture</h2>
 * Every signed-in actor belongs to 福州市总工会 ({@code fj-fuzhou}, a CITY below 福建省总工会),
 * except the platform admin, who belongs to the root (中华全国总工会). The target organisation of
 * a request, by its relation to the actor's organisation:
 * <ul>
 * <li>{@link Relation#OWN} — 福州 itself;</li>
 * <li>{@link Relation#CHILD} — a county created below 福州 for this test (inside the subtree);</li>
 * <li>{@link Relation#SIBLING} — 厦门 ({@code fj-xiamen}): another city below the same province;</li>
 * <li>{@link Relation#OTHER_CITY} — a county created below 厦门: something inside another city's
 * subtree, not an ancestor of 福州 either.</li>
 * </ul>
 * For the platform admin the relations name the same organisations; it administers all of them.
 *
 * <h2>Adding rows</h2>
 * Append an {@link Endpoint} to {@link #ENDPOINTS}: method, URL template, form parameters and the
 * expected status as an {@link Expectation}. Placeholders in the URL and in parameter values:
 * {@code {org}} (the target organisation's id), {@code {orgName}}, {@code {version}} (its
 * optimistic-locking version, read just before the request), {@code {auditEvent}} (an audit event
 * recorded against the target organisation) and {@code {unique}} (a fresh number). An endpoint
 * without {@code {org}} or {@code {auditEvent}} does not depend on the relation and runs once
 * (as OWN). Unsafe methods are sent with a CSRF token. Reuse the common expectations
 * ({@link #adminInSubtree}, {@link #adminBelowOwn}, {@link #anyAdmin}, {@link #apiVisible},
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

	/** Where the target organisation sits relative to the actor's organisation (see the class comment). */
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
	 * @param multipartFile for multipart POSTs: the content of the part named {@code file}; null otherwise
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
			return url.contains("{org}") || url.contains("{auditEvent}")
					|| params.values().stream().anyMatch(v -> v.contains("{org}"));
		}

		@Override
		public String toString() {
			return name;
		}
	}

	// --- Common expectations -------------------------------------------------------------------------

	/**
	 * An admin page about one organisation: the platform admin everywhere, an organisation admin in
	 * its own subtree (OWN, CHILD); elsewhere, and for participants and experts, 404 (a denial never
	 * says that the thing exists); a visitor is sent to sign in (302).
	 */
	static Expectation adminInSubtree(int allowed) {
		return (actor, relation) -> switch (actor) {
			case PLATFORM_ADMIN -> allowed;
			case ORG_ADMIN -> relation == Relation.OWN || relation == Relation.CHILD ? allowed : 404;
			case PARTICIPANT, EXPERT -> 404;
			case ANONYMOUS -> 302;
		};
	}

	/** Like {@link #adminInSubtree} but strictly below the organisation admin's own organisation (renaming). */
	static Expectation adminBelowOwn(int allowed) {
		return (actor, relation) -> switch (actor) {
			case PLATFORM_ADMIN -> allowed;
			case ORG_ADMIN -> relation == Relation.CHILD ? allowed : 404;
			case PARTICIPANT, EXPERT -> 404;
			case ANONYMOUS -> 302;
		};
	}

	/** An admin page that is not about one organisation (its content is scoped, not its access). */
	static Expectation anyAdmin(int allowed) {
		return (actor, relation) -> switch (actor) {
			case PLATFORM_ADMIN, ORG_ADMIN -> allowed;
			case PARTICIPANT, EXPERT -> 404;
			case ANONYMOUS -> 302;
		};
	}

	/**
	 * An API resource about one organisation: admins within their subtree, participants and experts
	 * their own organisation's ancestry (here: OWN); 404 JSON otherwise; 401 without a session.
	 */
	static Expectation apiVisible() {
		return (actor, relation) -> switch (actor) {
			case PLATFORM_ADMIN -> 200;
			case ORG_ADMIN -> relation == Relation.OWN || relation == Relation.CHILD ? 200 : 404;
			case PARTICIPANT, EXPERT -> relation == Relation.OWN ? 200 : 404;
			case ANONYMOUS -> 401;
		};
	}

	/** An API resource any signed-in user may read (its content is scoped). */
	static Expectation apiSignedIn() {
		return (actor, relation) -> actor == Actor.ANONYMOUS ? 401 : 200;
	}

	// --- The matrix ---------------------------------------------------------------------------------

	static final byte[] NOT_AN_XLSX = "名称,简称,类型\n".getBytes(StandardCharsets.UTF_8);

	static final List<Endpoint> ENDPOINTS = List.of(
			// organisation (R-ORG-1/2)
			Endpoint.get("/admin/organisations", anyAdmin(200)),
			Endpoint.get("/admin/organisations/{org}", adminInSubtree(200)),
			Endpoint.get("/admin/organisations/{org}/children", adminInSubtree(200)),
			Endpoint.get("/admin/organisations/{org}/children/new", adminInSubtree(200)),
			Endpoint.post("/admin/organisations/{org}/children/new",
					Map.of("name", "矩阵工会{unique}", "kind", "GRASSROOTS"), adminInSubtree(302)),
			Endpoint.get("/admin/organisations/{org}/edit", adminBelowOwn(200)),
			Endpoint.post("/admin/organisations/{org}/edit", Map.of("name", "{orgName}", "version", "{version}"),
					adminBelowOwn(302)),
			// Every target here is seeded or has children, so an allowed delete is refused with a flash (302).
			Endpoint.post("/admin/organisations/{org}/delete", Map.of(), adminBelowOwn(302)),
			Endpoint.get("/admin/organisations/{org}/import", adminInSubtree(200)),
			Endpoint.get("/admin/organisations/{org}/import/template", adminInSubtree(200)),
			// A rejected file answers 200 with the problems; what matters here is who gets that far.
			Endpoint.upload("/admin/organisations/{org}/import", NOT_AN_XLSX, adminInSubtree(200)),
			Endpoint.get("/api/v1/organisations", apiSignedIn()),
			Endpoint.get("/api/v1/organisations/{org}", apiVisible()),
			// audit (R-X-3)
			Endpoint.get("/admin/audit", anyAdmin(200)),
			Endpoint.get("/admin/audit?action=CREATED&page=1", anyAdmin(200)),
			Endpoint.get("/admin/audit/{auditEvent}", adminInSubtree(200)));

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	private final Map<Relation, Organisation> targets = new EnumMap<>(Relation.class);

	private final Map<Relation, Long> auditEvents = new EnumMap<>(Relation.class);

	private final Map<Actor, SignedInUser> principals = new EnumMap<>(Actor.class);

	@BeforeAll
	void createFixture() {
		OrganisationTestData data = new OrganisationTestData(jdbc, organisations);
		Organisation fuzhou = data.byCode("fj-fuzhou");
		Organisation xiamen = data.byCode("fj-xiamen");
		targets.put(Relation.OWN, fuzhou);
		targets.put(Relation.CHILD, data.create(fuzhou, "矩阵福州区总工会", OrganisationKind.COUNTY));
		targets.put(Relation.SIBLING, xiamen);
		targets.put(Relation.OTHER_CITY, data.create(xiamen, "矩阵厦门区总工会", OrganisationKind.COUNTY));
		// With a child each, the created targets survive the delete row of the matrix (refused: has children).
		data.create(targets.get(Relation.CHILD), "矩阵福州公司工会", OrganisationKind.GRASSROOTS);
		data.create(targets.get(Relation.OTHER_CITY), "矩阵厦门公司工会", OrganisationKind.GRASSROOTS);
		targets.forEach((relation, organisation) -> auditEvents.put(relation, jdbc.sql("""
				insert into audit_event (occurred_at, actor_name, action, target_type, target_id, summary, organisation_path)
				values (now(), '矩阵测试', 'UPDATED', 'organisation', ?, ?, ?) returning id
				""").params(String.valueOf(organisation.id()), "矩阵测试事件", organisation.path())
			.query(Long.class)
			.single()));
		principals.put(Actor.PLATFORM_ADMIN, OrganisationTestData.platformAdmin(data.byCode("acftu")));
		principals.put(Actor.ORG_ADMIN, OrganisationTestData.user(Role.ORG_ADMIN, fuzhou));
		principals.put(Actor.PARTICIPANT, OrganisationTestData.user(Role.PARTICIPANT, fuzhou));
		principals.put(Actor.EXPERT, OrganisationTestData.user(Role.EXPERT, fuzhou));
	}

	static Stream<Arguments> matrix() {
		List<Arguments> cases = new ArrayList<>();
		for (Endpoint endpoint : ENDPOINTS) {
			List<Relation> relations = endpoint.dependsOnRelation() ? List.of(Relation.values()) : List.of(Relation.OWN);
			for (Actor actor : Actor.values()) {
				for (Relation relation : relations) {
					cases.add(Arguments.of(endpoint, actor, relation, endpoint.expected().status(actor, relation)));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0} as {1} on {2} -> {3}")
	@MethodSource("matrix")
	void answersWithTheExpectedStatus(Endpoint endpoint, Actor actor, Relation relation, int expected)
			throws Exception {
		Organisation target = organisations.findById(targets.get(relation).id()).orElseThrow();
		Map<String, String> values = new LinkedHashMap<>();
		values.put("{org}", String.valueOf(target.id()));
		values.put("{orgName}", target.name());
		values.put("{version}", String.valueOf(target.version()));
		values.put("{auditEvent}", String.valueOf(auditEvents.get(relation)));
		values.put("{unique}", OrganisationTestData.unique(""));
		Function<String, String> fill = text -> {
			String result = text;
			for (Map.Entry<String, String> value : values.entrySet()) {
				result = result.replace(value.getKey(), value.getValue());
			}
			return result;
		};

		String url = fill.apply(endpoint.url());
		AbstractMockHttpServletRequestBuilder<?> request = endpoint.multipartFile() != null
				? MockMvcRequestBuilders.multipart(url)
					.file(new MockMultipartFile("file", "matrix.xlsx", "application/octet-stream",
							endpoint.multipartFile()))
				: MockMvcRequestBuilders.request(endpoint.method(), url);
		endpoint.params().forEach((name, value) -> request.param(name, fill.apply(value)));
		if (endpoint.method() != HttpMethod.GET) {
			request.with(csrf());
		}
		request.with(actor == Actor.ANONYMOUS ? anonymous() : user(principals.get(actor)));

		int status = mvc.perform(request).andReturn().getResponse().getStatus();

		assertThat(status).as("%s as %s on %s", endpoint, actor, relation).isEqualTo(expected);
	}
}
