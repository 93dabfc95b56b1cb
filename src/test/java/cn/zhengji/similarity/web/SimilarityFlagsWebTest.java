package cn.zhengji.similarity.web;

import cn.zhengji.files.StoredFile;
import cn.zhengji.files.StoredFiles;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.similarity.SimilarWork;
import cn.zhengji.similarity.SimilarityKind;
import cn.zhengji.submission.EntryState;
import cn.zhengji.submission.SubmissionFixtures;
import cn.zhengji.submission.SubmittedEntries;
import cn.zhengji.support.TestMedia;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
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
 * Issue 15 item 2: the flags on the admin's entry page, their frames and the owner's
 * notice, with the real security configuration, real entries and the similarity module's
 * stored matches (rows as its job writes them; the frames are cut from a real MP4 by
 * {@code SimilarWorks.frameJpeg}).
 */
@ZhengjiTest
@AutoConfigureMockMvc
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
	StoredFiles storedFiles;

	@Autowired
	MatchFlags flags;

	SubmissionFixtures fixtures;

	SubmittedEntries submitted;

	Organisation city;

	Organisation grassroots;

	Organisation otherGrassroots;

	SignedInUser cityAdmin;

	SignedInUser grassrootsAdmin;

	StoredFile video;

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
		video = storedFiles.storeImported(TestMedia.mp4(320, 240, 6, 10), "flag.mp4", cityAdmin.accountId(),
				city.path());
	}

	@Test
	void anApproverWhoMayOpenTheOtherWorkSeesTheFlagTheSegmentBothFramesAndTheLink() throws Exception {
		long[] pair = aCopyOfAnotherUnitsWork();
		long id = pair[0];
		long other = pair[1];

		mvc.perform(get("/admin/works/{id}", id).with(user(cityAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"similarity\"")))
			.andExpect(content().string(containsString("与 2026 年《职工的一天》（" + city.name() + "，网络正能量微视频征集）高度相似")))
			.andExpect(content().string(containsString("相似度 96%（视频画面相似）")))
			.andExpect(content().string(containsString("本作品 00:12–01:40 ≈ 对方 00:09–01:37")))
			.andExpect(content().string(containsString("本作品 00:03 ／ 对方 00:02")))
			.andExpect(
					content().string(containsString("/admin/works/" + id + "/similar/" + other + "/frames/0/this.jpg")))
			.andExpect(content()
				.string(containsString("/admin/works/" + id + "/similar/" + other + "/frames/0/other.jpg")))
			.andExpect(content().string(not(containsString("/frames/1/"))))
			.andExpect(content().string(containsString("href=\"/admin/works/" + other + "\"")))
			.andExpect(content().string(not(containsString("不显示其画面和链接"))));

		assertJpeg(frame(cityAdmin, id, other, 0, "this"));
		assertJpeg(frame(cityAdmin, id, other, 0, "other"));
	}

	@Test
	void anApproverWithoutRightsToTheOtherWorkSeesTheFlagTextButNeitherItsFramesNorItsLink() throws Exception {
		long[] pair = aCopyOfAnotherUnitsWork();
		long id = pair[0];
		long other = pair[1];
		String otherSubmitter = jdbc
			.sql("select display_name from account where id = (select created_by from entry where id = ?)")
			.param(other)
			.query(String.class)
			.single();

		mvc.perform(get("/admin/works/{id}", id).with(user(grassrootsAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("与 2026 年《职工的一天》（" + city.name() + "，网络正能量微视频征集）高度相似")))
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

		assertJpeg(frame(grassrootsAdmin, id, other, 0, "this"));
		mvc.perform(get("/admin/works/{id}/similar/{other}/frames/0/other.jpg", id, other).with(user(grassrootsAdmin)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/works/{id}/similar/{other}/frames/0/this.jpg", other, id).with(user(grassrootsAdmin)))
			.andExpect(status().isNotFound());
	}

	@Test
	void framesOnlyForAStoredMatchAndAnExistingPair() throws Exception {
		long[] pair = aCopyOfAnotherUnitsWork();
		long unrelated = submitted.submitted(fixtures.participant("WORKER", grassroots), "micro-video", "无关视频");

		mvc.perform(
				get("/admin/works/{id}/similar/{other}/frames/0/this.jpg", pair[0], unrelated).with(user(cityAdmin)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/admin/works/{id}/similar/{other}/frames/1/this.jpg", pair[0], pair[1]).with(user(cityAdmin)))
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
		long firstSource = source(first);
		long secondSource = source(second);
		match(firstSource, secondSource, first, second, "EXACT", 100, null, null);
		long[] pair = aCopyOfAnotherUnitsWork();

		mvc.perform(get("/works/{id}", first).with(user(worker)))
			.andExpect(status().isOk())
			.andExpect(
					content().string(containsString("您在《我的同一视频（另投）》（【演示】“网聚职工正能量 争做八闽好网民”主题活动，网络安全优秀作品征集）中提交了相同的文件。")))
			.andExpect(content().string(containsString("href=\"/works/" + second + "\"")))
			.andExpect(content().string(not(containsString("高度相似"))));
		mvc.perform(get("/works/{id}", pair[0]).with(user(copier)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"own-duplicates\""))))
			.andExpect(content().string(not(containsString("职工的一天"))))
			.andExpect(content().string(not(containsString("相似"))));
	}

	@Test
	void theFlagNamesTheOtherWorksAwardWhenItHasOne() {
		SimilarWork winner = new SimilarWork(1, 2L, 3, 4L, "职工的一天", 2024, "福建省网聚职工正能量主题活动", "网络正能量微视频征集", "福州市总工会",
				"二等奖", EntryState.AWARD_FINAL, SimilarityKind.VIDEO, 93, null, 1000L, 2000L, false);

		assertThat(flags.heading(winner)).isEqualTo("与 2024 年《职工的一天》（福州市总工会，网络正能量微视频征集，二等奖）高度相似");
		assertThat(MatchFlags.time(3725.9)).isEqualTo("1:02:05");
	}

	SignedInUser copier;

	/**
	 * An entry of {@code grassroots} whose video is a copy of a work of
	 * {@code otherGrassroots} (re-encoded), matched as the similarity job stores it (a
	 * video match with its segment and frame times): {@code [copy, original]}.
	 */
	private long[] aCopyOfAnotherUnitsWork() {
		long original = submitted.submitted(fixtures.participant("WORKER", otherGrassroots), "micro-video", "职工的一天");
		copier = fixtures.participant("UNION_CADRE", grassroots);
		long copy = submitted.submitted(copier, "micro-video", "我们的一天");
		long copySource = source(copy);
		long originalSource = source(original);
		match(copySource, originalSource, copy, original, "VIDEO", 96, new long[] { 12400, 100200, 9100, 97900 },
				new long[] { 3000, 2000 });
		return new long[] { copy, original };
	}

	/** The similarity source of the entry's file, fingerprinted. */
	private long source(long entryId) {
		long attachment = jdbc.sql("select id from entry_attachment where entry_id = ? order by id limit 1")
			.param(entryId)
			.query(Long.class)
			.single();
		return jdbc
			.sql("""
					insert into similarity_source (entry_id, campaign_id, attachment_id, file_id, content_type, kind, sha256,
					    state, hash_count, duration_ms, requested_at, finished_at)
					select e.id, e.campaign_id, ?, ?, 'video/mp4', 'VIDEO', ?, 'DONE', 0, 6000, now(), now()
					from entry e where e.id = ?
					returning id
					""")
			.params(attachment, video.id(), video.sha256(), entryId)
			.query(Long.class)
			.single();
	}

	/** A match stored in both directions, as the job stores it. */
	private void match(long source, long otherSource, long entry, long otherEntry, String kind, int similarity,
			long[] segment, long[] frames) {
		insertMatch(source, otherSource, entry, otherEntry, kind, similarity, segment, frames);
		insertMatch(otherSource, source, otherEntry, entry, kind, similarity,
				segment == null ? null : new long[] { segment[2], segment[3], segment[0], segment[1] },
				frames == null ? null : new long[] { frames[1], frames[0] });
	}

	private void insertMatch(long source, long otherSource, long entry, long otherEntry, String kind, int similarity,
			long[] segment, long[] frames) {
		jdbc.sql("""
				insert into similarity_match (source_id, other_source_id, entry_id, other_entry_id, kind, similarity,
				    start_ms, end_ms, other_start_ms, other_end_ms, frame_ms, other_frame_ms, found_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())
				""")
			.params(source, otherSource, entry, otherEntry, kind, similarity, segment == null ? null : segment[0],
					segment == null ? null : segment[1], segment == null ? null : segment[2],
					segment == null ? null : segment[3], frames == null ? null : frames[0],
					frames == null ? null : frames[1])
			.update();
	}

	private static void assertJpeg(byte[] body) {
		assertThat(body.length).isGreaterThan(500);
		assertThat(body[0]).isEqualTo((byte) 0xFF);
		assertThat(body[1]).isEqualTo((byte) 0xD8);
	}

	private byte[] frame(SignedInUser viewer, long id, long other, int index, String side) throws Exception {
		return mvc
			.perform(get("/admin/works/{id}/similar/{other}/frames/{index}/{side}.jpg", id, other, index, side)
				.with(user(viewer)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
	}

}
