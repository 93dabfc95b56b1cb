package cn.zhengji.similarity.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.similarity.web.MatchSource.FramePair;
import cn.zhengji.similarity.web.MatchSource.Kind;
import cn.zhengji.similarity.web.MatchSource.Match;
import cn.zhengji.similarity.web.MatchSource.Segment;
import cn.zhengji.submission.SubmissionFixtures;
import cn.zhengji.submission.SubmittedEntries;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 15 item 2: the flags on the admin's entry page and the owner's notice, with the
 * real security configuration and real entries. The matches come from a stand-in for the
 * similarity core's stored matches ({@link MatchSource}); scoping, texts, links and
 * frames are the real code's.
 */
@ZhengjiTest
@AutoConfigureMockMvc
@Import(SimilarityFlagsWebTest.StoredMatches.class)
class SimilarityFlagsWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	UserDetailsService userDetails;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	ApplicationContext context;

	@Autowired
	StoredMatches.Rows matches;

	SubmissionFixtures fixtures;

	SubmittedEntries submitted;

	Organisation city;

	Organisation grassroots;

	Organisation otherGrassroots;

	SignedInUser cityAdmin;

	SignedInUser grassrootsAdmin;

	@BeforeEach
	void twoUnitsOfOneCity() {
		fixtures = new SubmissionFixtures(jdbc, organisations, userDetails, cipher);
		submitted = SubmittedEntries.from(context);
		city = fixtures.newOrganisation(fixtures.organisation("fj"), "比对市总工会", OrganisationKind.CITY);
		Organisation county = fixtures.newOrganisation(city, "比对县总工会", OrganisationKind.COUNTY);
		grassroots = fixtures.newOrganisation(county, "比对甲公司工会", OrganisationKind.GRASSROOTS);
		otherGrassroots = fixtures.newOrganisation(county, "比对乙公司工会", OrganisationKind.GRASSROOTS);
		cityAdmin = fixtures.admin(city);
		grassrootsAdmin = fixtures.admin(grassroots);
	}

	@Test
	void anApproverWhoMayOpenTheOtherWorkSeesTheFlagTheSegmentBothFramesAndTheLink() throws Exception {
		long[] pair = aCopyOfAnotherUnitsWinner();
		long id = pair[0];
		long other = pair[1];

		mvc.perform(get("/admin/works/{id}", id).with(user(cityAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"similarity\"")))
			.andExpect(content().string(containsString("与 2024 年《职工的一天》（福州市，网络正能量微视频征集，二等奖）高度相似")))
			.andExpect(content().string(containsString("相似度 93%（视频画面相似）")))
			.andExpect(content().string(containsString("本作品 00:12–01:40 ≈ 对方 00:09–01:37")))
			.andExpect(content().string(containsString("本作品 00:30 ／ 对方 00:27")))
			.andExpect(
					content().string(containsString("/admin/works/" + id + "/similar/" + other + "/frames/0/this.jpg")))
			.andExpect(content()
				.string(containsString("/admin/works/" + id + "/similar/" + other + "/frames/0/other.jpg")))
			.andExpect(content()
				.string(containsString("/admin/works/" + id + "/similar/" + other + "/frames/1/other.jpg")))
			.andExpect(content().string(containsString("href=\"/admin/works/" + other + "\"")))
			.andExpect(content().string(not(containsString("不显示其画面和链接"))));

		assertThat(frame(cityAdmin, id, other, 0, "this")).isEqualTo("frame " + id + " at 30.0");
		assertThat(frame(cityAdmin, id, other, 0, "other")).isEqualTo("frame " + other + " at 27.0");
		assertThat(frame(cityAdmin, id, other, 1, "other")).isEqualTo("frame " + other + " at 70.0");
	}

	@Test
	void anApproverWithoutRightsToTheOtherWorkSeesTheFlagTextButNeitherItsFramesNorItsLink() throws Exception {
		long[] pair = aCopyOfAnotherUnitsWinner();
		long id = pair[0];
		long other = pair[1];
		String otherSubmitter = jdbc
			.sql("select display_name from account where id = (select created_by from entry where id = ?)")
			.param(other)
			.query(String.class)
			.single();

		mvc.perform(get("/admin/works/{id}", id).with(user(grassrootsAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("与 2024 年《职工的一天》（福州市，网络正能量微视频征集，二等奖）高度相似")))
			.andExpect(content().string(containsString("本作品 00:12–01:40 ≈ 对方 00:09–01:37")))
			.andExpect(
					content().string(containsString("/admin/works/" + id + "/similar/" + other + "/frames/0/this.jpg")))
			.andExpect(content().string(not(containsString("other.jpg"))))
			.andExpect(content().string(not(containsString("href=\"/admin/works/" + other + "\""))))
			.andExpect(content().string(containsString("对方作品不在您单位的管辖范围内，不显示其画面和链接")))
			.andExpect(content().string(not(containsString(otherSubmitter))))
			.andExpect(content().string(not(containsString(otherGrassroots.name()))))
			// flagged, not refused: the decision panel is there as for any entry
			.andExpect(content().string(containsString("id=\"decision\"")));

		assertThat(frame(grassrootsAdmin, id, other, 0, "this")).isEqualTo("frame " + id + " at 30.0");
		mvc.perform(get("/admin/works/{id}/similar/{other}/frames/0/other.jpg", id, other).with(user(grassrootsAdmin)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/works/{id}/similar/{other}/frames/0/this.jpg", other, id).with(user(grassrootsAdmin)))
			.andExpect(status().isNotFound());
	}

	@Test
	void framesOnlyForAStoredMatchAndAnExistingPairIndex() throws Exception {
		long[] pair = aCopyOfAnotherUnitsWinner();
		long unrelated = submitted.submitted(fixtures.participant("WORKER", grassroots), "micro-video", "无关视频");

		mvc.perform(
				get("/admin/works/{id}/similar/{other}/frames/0/this.jpg", pair[0], unrelated).with(user(cityAdmin)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/works/{id}/similar/{other}/frames/5/this.jpg", pair[0], pair[1]).with(user(cityAdmin)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/works/{id}/similar/{other}/frames/0/both.jpg", pair[0], pair[1]).with(user(cityAdmin)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/works/{id}", unrelated).with(user(cityAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"similarity\""))));
	}

	@Test
	void theSubmitterSeesANeutralNoticeOfTheirOwnSameFileAndNothingAboutOtherPeoplesWorks() throws Exception {
		SignedInUser worker = fixtures.participant("WORKER", grassroots);
		long first = submitted.submitted(worker, "micro-video", "我的同一视频");
		long second = submitted.submitted(worker, "cyber-security", "我的同一视频（另投）");
		long[] pair = aCopyOfAnotherUnitsWinner();
		matches.put(first, new Match(second, "我的同一视频（另投）", 2024, "演示活动", "网络安全", "福州市", null, Kind.EXACT, 100, null,
				List.of(), true));
		matches.put(second, new Match(first, "我的同一视频", 2024, "演示活动", "网络正能量微视频征集", "福州市", null, Kind.EXACT, 100, null,
				List.of(), true));

		mvc.perform(get("/works/{id}", first).with(user(worker)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("您在《我的同一视频（另投）》（演示活动，网络安全）中提交了相同的文件。")))
			.andExpect(content().string(containsString("href=\"/works/" + second + "\"")))
			.andExpect(content().string(not(containsString("高度相似"))));
		SignedInUser copier = submittedBy(pair[0]);
		mvc.perform(get("/works/{id}", pair[0]).with(user(copier)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"own-duplicates\""))))
			.andExpect(content().string(not(containsString("职工的一天"))))
			.andExpect(content().string(not(containsString("相似"))));
	}

	/**
	 * An entry of {@code grassroots} that copies a 2024 winner of
	 * {@code otherGrassroots}: {@code [copy, winner]}.
	 */
	private long[] aCopyOfAnotherUnitsWinner() {
		long winner = submitted.submitted(fixtures.participant("WORKER", otherGrassroots), "micro-video", "职工的一天");
		SignedInUser copier = fixtures.participant("UNION_CADRE", grassroots);
		long copy = submitted.submitted(copier, "micro-video", "我们的一天");
		copiers.put(copy, copier);
		matches.put(copy, new Match(winner, "职工的一天", 2024, "福建省网聚职工正能量", "网络正能量微视频征集", "福州市", "二等奖", Kind.VIDEO, 93,
				new Segment(12.4, 100.2, 9.1, 97.9), List.of(new FramePair(30, 27), new FramePair(73, 70)), false));
		matches.put(winner, new Match(copy, "我们的一天", 2026, "福建省网聚职工正能量", "网络正能量微视频征集", "福州市", null, Kind.VIDEO, 93,
				new Segment(9.1, 97.9, 12.4, 100.2), List.of(new FramePair(27, 30), new FramePair(70, 73)), false));
		return new long[] { copy, winner };
	}

	private final Map<Long, SignedInUser> copiers = new ConcurrentHashMap<>();

	private SignedInUser submittedBy(long id) {
		return copiers.get(id);
	}

	private String frame(SignedInUser viewer, long id, long other, int index, String side) throws Exception {
		byte[] body = mvc
			.perform(get("/admin/works/{id}/similar/{other}/frames/{index}/{side}.jpg", id, other, index, side)
				.with(user(viewer)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		return new String(body, StandardCharsets.UTF_8);
	}

	/** The stored matches, as the similarity core would give them, per entry. */
	@TestConfiguration(proxyBeanMethods = false)
	static class StoredMatches {

		static class Rows {

			private final Map<Long, List<Match>> byEntry = new ConcurrentHashMap<>();

			void put(long entryId, Match match) {
				byEntry.merge(entryId, List.of(match),
						(old, added) -> java.util.stream.Stream.concat(old.stream(), added.stream()).toList());
			}

		}

		@Bean
		Rows storedMatchRows() {
			return new Rows();
		}

		@Bean
		@Primary
		MatchSource storedMatchSource(Rows rows) {
			return new MatchSource() {

				@Override
				public List<Match> matchesOf(long entryId) {
					return rows.byEntry.getOrDefault(entryId, List.of());
				}

				@Override
				public Optional<byte[]> frame(long entryId, long otherEntryId, double atSeconds) {
					return Optional.of(("frame " + entryId + " at " + atSeconds).getBytes(StandardCharsets.UTF_8));
				}
			};
		}

	}

}
