package cn.zhengji;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Issue 13 item 6: nothing private in any public response. Every GET endpoint the public
 * reads without signing in (the URL prefixes below, as SecurityConfiguration permits
 * them) is requested, signed out, with the ids of the demonstration data (a finished
 * round in the showcase, a round in publicity, songs open for votes), and neither its
 * headers nor its body may hold a participant's name or mobile number, masked or not. A
 * new public endpoint fails this test until it is given URLs here.
 */
@ZhengjiTest
@AutoConfigureMockMvc
class PublicEndpointsPrivacyIntegrationTest {

	/** The public URL spaces (SecurityConfiguration's permitAll list, pages only). */
	private static final List<String> PUBLIC_PREFIXES = List.of("/campaigns/", "/qr.png", "/showcase", "/results",
			"/vote/", "/announcements", "/legal/", "/certificates/verify");

	@Autowired
	MockMvc mvc;

	@Autowired
	cn.zhengji.certificate.Certificates certificates;

	@Autowired
	cn.zhengji.support.TestAccounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void noPublicResponseShowsAParticipantsNameOrMobile() throws Exception {
		Map<String, List<String>> urlsByPattern = urlsByPattern();
		Set<String> uncovered = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			for (String pattern : info.getPatternValues()) {
				if ((pattern.equals("/") || PUBLIC_PREFIXES.stream().anyMatch(pattern::startsWith))
						&& !urlsByPattern.containsKey(pattern)) {
					uncovered.add(pattern);
				}
			}
		}
		assertThat(uncovered).as("public GET endpoints without URLs in this test").isEmpty();

		List<String> forbidden = forbiddenValues();
		assertThat(forbidden).as("the demonstration participants").hasSizeGreaterThanOrEqualTo(6);
		int requested = 0;
		for (Map.Entry<String, List<String>> pattern : urlsByPattern.entrySet()) {
			assertThat(pattern.getValue()).as("URLs for " + pattern.getKey()).isNotEmpty();
			for (String url : pattern.getValue()) {
				MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
				assertThat(response.getStatus()).as(url).isIn(200, 206, 302, 404);
				StringBuilder everything = new StringBuilder();
				for (String name : response.getHeaderNames()) {
					everything.append(name)
						.append(": ")
						.append(String.join(",", response.getHeaders(name)))
						.append('\n');
				}
				everything.append(new String(response.getContentAsByteArray(), StandardCharsets.UTF_8));
				for (String value : forbidden) {
					if (value.equals(printedNames.get(url))) {
						// Issue 14 item 4: a certificate's verification page shows the
						// name printed on it, the one thing personal it may show.
						continue;
					}
					assertThat(everything.toString()).as(url + " must not show " + value).doesNotContain(value);
				}
				requested++;
			}
		}
		assertThat(requested).isGreaterThanOrEqualTo(25);
	}

	/**
	 * The names and mobile numbers (plain and masked) of every account with a mobile
	 * number.
	 */
	private List<String> forbiddenValues() {
		List<String> values = new ArrayList<>();
		jdbc.sql("select display_name, mobile_cipher from account where mobile_cipher is not null").query((row, n) -> {
			String mobile = cipher.decrypt(row.getBytes("mobile_cipher"));
			values.add(row.getString("display_name"));
			values.add(mobile);
			values.add(PersonalDataCipher.maskMobile(mobile));
			return mobile;
		}).list();
		return values;
	}

	/** The verification page of each issued certificate → the name printed on it. */
	private final Map<String, String> printedNames = new LinkedHashMap<>();

	private Map<String, List<String>> urlsByPattern() {
		String campaign = "demo-results";
		List<Long> publicWorks = ids("""
				select e.id from entry e join campaign c on c.id = e.campaign_id
				where c.code = ? and e.state in ('AWARD_FINAL', 'IN_PUBLICITY') order by e.id
				""", campaign);
		List<Long> attachments = ids("select id from entry_attachment where entry_id = any(?) order by id",
				(Object) publicWorks.toArray(Long[]::new));
		Map<String, List<String>> urls = new LinkedHashMap<>();
		urls.put("/", List.of("/"));
		urls.put("/campaigns/{code}", List.of("/campaigns/" + campaign, "/campaigns/demo-fujian"));
		urls.put("/qr.png", List.of("/qr.png"));
		urls.put("/announcements", List.of("/announcements"));
		List<String> announcements = new ArrayList<>(List.of("/announcements/999999999"));
		ids("select id from announcement order by id limit 3").forEach(id -> announcements.add("/announcements/" + id));
		urls.put("/announcements/{id}", announcements);
		urls.put("/legal/agreement", List.of("/legal/agreement"));
		urls.put("/legal/privacy", List.of("/legal/privacy"));
		urls.put("/showcase", List.of("/showcase"));
		urls.put("/showcase/{code}", List.of("/showcase/" + campaign, "/showcase/" + campaign + "?q=%E6%BC%94%E7%A4%BA",
				"/showcase/" + campaign + "?category=song"));
		List<String> works = new ArrayList<>();
		List<String> qrCodes = new ArrayList<>();
		List<String> files = new ArrayList<>();
		List<String> posters = new ArrayList<>();
		for (long work : publicWorks) {
			works.add("/showcase/works/" + work);
			qrCodes.add("/showcase/works/" + work + "/qr.png");
			for (long attachment : ids("select id from entry_attachment where entry_id = ? order by id", work)) {
				files.add("/showcase/works/" + work + "/files/" + attachment);
				posters.add("/showcase/works/" + work + "/files/" + attachment + "/poster.jpg");
			}
		}
		assertThat(attachments).hasSize(files.size());
		urls.put("/showcase/works/{id:[0-9]{1,18}}", works);
		urls.put("/showcase/works/{id:[0-9]{1,18}}/qr.png", qrCodes);
		urls.put("/showcase/works/{id:[0-9]{1,18}}/files/{attachmentId:[0-9]{1,18}}", files);
		urls.put("/showcase/works/{id:[0-9]{1,18}}/files/{attachmentId:[0-9]{1,18}}/poster.jpg", posters);
		urls.put("/results", List.of("/results"));
		urls.put("/results/{id:[0-9]{1,18}}",
				ids("select id from publicity order by id").stream().map(id -> "/results/" + id).toList());
		urls.put("/vote/verify", List.of("/vote/verify"));
		urls.put("/vote/works/{id:[0-9]{1,18}}/panel",
				publicWorks.stream().map(id -> "/vote/works/" + id + "/panel").toList());
		certificates.issue(accounts.signedIn("demo-province"), campaign);
		List<String> verify = new ArrayList<>(List.of("/certificates/verify/AAAAAAAAAAAA"));
		jdbc.sql("select code, recipient_name from certificate order by id").query((row, n) -> {
			printedNames.put("/certificates/verify/" + row.getString(1), row.getString(2));
			return verify.add("/certificates/verify/" + row.getString(1));
		}).list();
		assertThat(printedNames).isNotEmpty();
		urls.put("/certificates/verify", List.of("/certificates/verify", "/certificates/verify?code=unknown"));
		urls.put("/certificates/verify/{code}", verify);
		return urls;
	}

	private List<Long> ids(String sql, Object... parameters) {
		return jdbc.sql(sql).params(parameters).query(Long.class).list();
	}

}
