package cn.zhengji.handoff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import cn.zhengji.account.AccountTestContext;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.review.RoundResults;
import cn.zhengji.support.SceneryRows;
import cn.zhengji.support.Spreadsheets;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 14 items 1 and 2 through HTTP: the mapping's default and its change, the
 * selection from the ranking and by hand (each a NATIONAL_RECOMMENDED step of the entry's
 * history, the state kept), the package of a sub-project against its manifest (every
 * file's size and SHA-256, STORED media, safe and unique names), two exports with
 * identical bytes, and the pages and packages the campaign's admins' alone.
 */
@AccountTestContext
class HandoffWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	CampaignAdministration administration;

	@Autowired
	Campaigns campaigns;

	@Autowired
	RoundResults results;

	@Autowired
	TestOrganisations organisations;

	@Autowired
	TestAccounts accounts;

	@Autowired
	TestEntries entries;

	@Autowired
	JdbcClient jdbc;

	@Value("${zhengji.data-dir}")
	Path dataDir;

	HandoffScenery scenery;

	String base;

	@BeforeEach
	void scenery() {
		scenery = new HandoffScenery(administration, campaigns, results, organisations, accounts, entries, jdbc,
				dataDir);
		base = "/admin/campaigns/" + scenery.campaign.code() + "/handoff";
	}

	@Test
	void theMappingStartsFromTheDefaultAndIsChangedByTheAdmin() throws Exception {
		String page = page(base + "/mapping");
		long songId = scenery.song.id();
		long nationalSong = nationalCategory("song");
		long animation = nationalCategory("animation");
		assertThat(page).contains("全国子项目对应关系", "网络正能量歌曲征集", "八闽职工好网民征集")
			.contains("<option value=\"" + nationalSong + "\" selected=\"selected\">歌曲（中国金融工会）</option>");

		mvc.perform(post(base + "/mapping").with(csrf())
			.with(user(scenery.hostAdmin))
			.param("map-" + songId, String.valueOf(animation))).andExpect(status().is3xxRedirection());

		assertThat(page(base + "/mapping"))
			.contains("<option value=\"" + animation + "\" selected=\"selected\">动漫（四川省总工会、哔哩哔哩）</option>")
			.contains("已调整");
		assertThat(page(base)).contains("<td>动漫</td>");
	}

	@Test
	void selectionIsAStepInTheHistoryAndThePackageMatchesItsManifest() throws Exception {
		assertThat(page(base)).contains("劳动者/之歌", "一等奖", "手选微视频", "尚未推荐作品").doesNotContain("平凡岗位");

		mvc.perform(post(base).with(csrf())
			.with(user(scenery.hostAdmin))
			.param("origin", "RANKING")
			.param("note-" + scenery.songs[0], "省级一等奖，推荐参评"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", base));
		mvc.perform(post(base).with(csrf())
			.with(user(scenery.hostAdmin))
			.param("origin", "MANUAL")
			.param("entryId", String.valueOf(scenery.video))
			.param("note-" + scenery.video, "手选")).andExpect(status().is3xxRedirection());

		assertThat(history(scenery.songs[0])).containsExactly("AWARD_FINAL→AWARD_FINAL 推荐至全国：歌曲；省级一等奖，推荐参评");
		assertThat(history(scenery.songs[2])).containsExactly("AWARD_FINAL→AWARD_FINAL 推荐至全国：歌曲");
		assertThat(history(scenery.video)).containsExactly("APPROVED→APPROVED 推荐至全国：微视频；手选");
		assertThat(history(scenery.songs[3])).isEmpty();
		assertThat(
				jdbc.sql("select state from entry where id = ?").param(scenery.songs[0]).query(String.class).single())
			.isEqualTo("AWARD_FINAL");
		// selecting again adds nothing
		mvc.perform(post(base).with(csrf()).with(user(scenery.hostAdmin)).param("origin", "RANKING"));
		assertThat(history(scenery.songs[0])).hasSize(1);

		assertThat(page(base)).contains("3 件作品", "1 件作品", base + "/packages/song.zip",
				base + "/packages/micro-video.zip");

		byte[] zip = download(base + "/packages/song.zip");
		Map<String, ZipEntry> entries = new LinkedHashMap<>();
		Map<String, byte[]> contents = unzip(zip, entries);
		assertThat(contents.keySet()).containsExactly("歌曲/歌曲推荐清单.xlsx", "歌曲/001-劳动者_之歌/歌谱.png",
				"歌曲/001-劳动者_之歌/歌谱 (2).png", "歌曲/001-劳动者_之歌/作品0.mp4", "歌曲/002-奋斗的青春/歌谱.png", "歌曲/002-奋斗的青春/作品1.mp4",
				"歌曲/003-工匠精神颂/歌谱.png", "歌曲/003-工匠精神颂/作品2.mp4");
		assertThat(entries.get("歌曲/002-奋斗的青春/作品1.mp4").getMethod()).isEqualTo(ZipEntry.STORED);

		List<List<String>> rows = Spreadsheets.rows(contents.get("歌曲/歌曲推荐清单.xlsx"));
		assertThat(rows.get(0)).containsExactly("序号", "作品名称", "作者或单位", "单位层级", "省级类别", "奖项", "推荐说明", "文件", "大小（字节）",
				"SHA-256");
		assertThat(rows).hasSize(8);
		assertThat(rows.get(1).subList(0, 8)).containsExactly("1", "劳动者/之歌", HandoffScenery.SUBMITTER_NAME,
				"中华全国总工会 / 福建省总工会 / " + scenery.city.name() + " / " + scenery.county.name(), "网络正能量歌曲征集", "一等奖",
				"省级一等奖，推荐参评", "001-劳动者_之歌/歌谱.png");
		assertThat(rows.get(6).subList(5, 8)).containsExactly("三等奖", "", "003-工匠精神颂/歌谱.png");
		for (List<String> row : rows.subList(1, rows.size())) {
			byte[] file = contents.get("歌曲/" + row.get(7));
			assertThat(file).as(row.get(7)).isNotNull();
			assertThat(row.get(8)).as(row.get(7)).isEqualTo(String.valueOf(file.length));
			assertThat(row.get(9)).as(row.get(7)).isEqualTo(SceneryRows.sha256(file));
		}
		assertThat(rows.stream().map(row -> row.get(9)).toList().subList(1, 8))
			.containsExactlyInAnyOrderElementsOf(jdbc.sql("""
					select a.sha256 from entry_attachment a where a.entry_id in (?, ?, ?)
					""").params(scenery.songs[0], scenery.songs[1], scenery.songs[2]).query(String.class).list());

		// reproducible: the same selection gives the same manifest (and here the same
		// ZIP)
		byte[] again = download(base + "/packages/song.zip");
		assertThat(unzip(again, new LinkedHashMap<>()).get("歌曲/歌曲推荐清单.xlsx")).isEqualTo(contents.get("歌曲/歌曲推荐清单.xlsx"));
		assertThat(again).isEqualTo(zip);

		Map<String, byte[]> video = unzip(download(base + "/packages/micro-video.zip"), new LinkedHashMap<>());
		assertThat(video.keySet()).containsExactly("微视频/微视频推荐清单.xlsx", "微视频/001-手选微视频/微视频.mp4");
		assertThat(Spreadsheets.rows(video.get("微视频/微视频推荐清单.xlsx")).get(1).subList(2, 7))
			.containsExactly(scenery.city.name(), "中华全国总工会 / 福建省总工会 / " + scenery.city.name(), "网络正能量微视频征集", "", "手选");
	}

	@Test
	void withdrawingARecommendationIsAStepInTheHistoryAndTakesTheWorkOutOfThePackage() throws Exception {
		mvc.perform(post(base).with(csrf()).with(user(scenery.hostAdmin)).param("origin", "RANKING"))
			.andExpect(status().is3xxRedirection());
		assertThat(page(base)).contains("3 件作品", "撤回推荐");

		assertThat(withdraw(scenery.songs[1], "  ").get("flashError")).isEqualTo("撤回作品《奋斗的青春》的全国推荐须填写原因");
		assertThat(withdraw(scenery.songs[1], "超".repeat(201)).get("flashError")).isEqualTo("撤回作品《奋斗的青春》的原因超过 200 个字");
		assertThat(withdrawals(scenery.songs[1])).isEmpty();

		Map<String, ?> flash = withdraw(scenery.songs[1], " 作者所在单位申请撤回 ");
		assertThat(flash.get("flashSuccess")).isEqualTo("已撤回该作品的全国推荐，推荐包中不再包含它");
		assertThat(flash.get("flashError")).isNull();
		assertThat(withdrawals(scenery.songs[1])).containsExactly("AWARD_FINAL→AWARD_FINAL 撤回全国推荐：歌曲；原因：作者所在单位申请撤回");
		assertThat(history(scenery.songs[1])).containsExactly("AWARD_FINAL→AWARD_FINAL 推荐至全国：歌曲");
		assertThat(
				jdbc.sql("select state from entry where id = ?").param(scenery.songs[1]).query(String.class).single())
			.isEqualTo("AWARD_FINAL");
		assertThat(jdbc.sql("""
				select actor_name || ' ' || summary || ' ' || (after_state ->> 'step') from audit_event
				where action = 'UPDATED' and target_type = 'entry' and target_id = ? order by id desc limit 1
				""").param(String.valueOf(scenery.songs[1])).query(String.class).single())
			.isEqualTo(scenery.hostAdmin.displayName() + " 撤回全国推荐：奋斗的青春（歌曲） NATIONAL_RECOMMENDATION_WITHDRAWN");
		assertThat(jdbc.sql("select count(*) from handoff_selection where entry_id = ?")
			.param(scenery.songs[1])
			.query(Long.class)
			.single()).isZero();

		assertThat(page(base)).contains("2 件作品").doesNotContain("3 件作品");
		Map<String, byte[]> contents = unzip(download(base + "/packages/song.zip"), new LinkedHashMap<>());
		assertThat(contents.keySet()).containsExactly("歌曲/歌曲推荐清单.xlsx", "歌曲/001-劳动者_之歌/歌谱.png",
				"歌曲/001-劳动者_之歌/歌谱 (2).png", "歌曲/001-劳动者_之歌/作品0.mp4", "歌曲/002-工匠精神颂/歌谱.png", "歌曲/002-工匠精神颂/作品2.mp4");
		List<List<String>> rows = Spreadsheets.rows(contents.get("歌曲/歌曲推荐清单.xlsx"));
		assertThat(rows).hasSize(6);
		assertThat(rows.stream().map(row -> row.get(1)).distinct().toList()).containsExactly("作品名称", "劳动者/之歌", "工匠精神颂");

		// a second withdrawal is refused with a message, not an error page, and writes
		// nothing
		Map<String, ?> again = withdraw(scenery.songs[1], "再次撤回");
		assertThat(again.get("flashError")).isEqualTo("作品《奋斗的青春》不在推荐至全国的名单中（可能已被撤回），无需撤回");
		assertThat(withdrawals(scenery.songs[1])).hasSize(1);

		// a work that was never selected, and one that is no candidate at all
		assertThat(withdraw(scenery.video, "未推荐").get("flashError")).isEqualTo("作品《手选微视频》不在推荐至全国的名单中（可能已被撤回），无需撤回");
		mvc.perform(post(base + "/withdraw").with(csrf())
			.with(user(scenery.hostAdmin))
			.param("entryId", String.valueOf(scenery.songs[3]))
			.param("reason", "未获奖")).andExpect(status().isNotFound());
		mvc.perform(post(base + "/withdraw").with(csrf())
			.with(user(scenery.hostAdmin))
			.param("entryId", "999999999")
			.param("reason", "不存在")).andExpect(status().isNotFound());
		mvc.perform(post(base + "/withdraw").with(csrf())
			.with(user(scenery.hostAdmin))
			.param("entryId", "abc")
			.param("reason", "不存在")).andExpect(status().isNotFound());
		// another province's admin reaches nothing
		mvc.perform(post(base + "/withdraw").with(csrf())
			.with(user(scenery.otherProvinceAdmin))
			.param("entryId", String.valueOf(scenery.songs[0]))
			.param("reason", "越权")).andExpect(status().isNotFound());
		assertThat(withdrawals(scenery.songs[0])).isEmpty();

		// selected again by hand, it is back in the package
		mvc.perform(post(base).with(csrf())
			.with(user(scenery.hostAdmin))
			.param("origin", "MANUAL")
			.param("entryId", String.valueOf(scenery.songs[1]))).andExpect(status().is3xxRedirection());
		assertThat(history(scenery.songs[1])).hasSize(2);
		assertThat(page(base)).contains("3 件作品");
	}

	@Test
	void aCutDownloadResumesWithTheRestOfTheSamePackage() throws Exception {
		mvc.perform(post(base).with(csrf()).with(user(scenery.hostAdmin)).param("origin", "RANKING"))
			.andExpect(status().is3xxRedirection());
		var whole = mvc.perform(get(base + "/packages/song.zip").with(user(scenery.hostAdmin)))
			.andExpect(status().isOk())
			.andExpect(header().string("Accept-Ranges", "bytes"))
			.andReturn()
			.getResponse();
		byte[] zip = whole.getContentAsByteArray();
		String etag = whole.getHeader("ETag");
		assertThat(etag).matches("\"[0-9a-f]{32}\"");

		// cut anywhere: the browser asks for the rest, naming the package it has begun
		for (int cut : List.of(1, 40, zip.length / 3, zip.length / 2, zip.length - 30, zip.length - 1)) {
			var rest = mvc
				.perform(get(base + "/packages/song.zip").with(user(scenery.hostAdmin))
					.header("Range", "bytes=" + cut + "-")
					.header("If-Range", etag))
				.andExpect(status().isPartialContent())
				.andExpect(header().string("Content-Range", "bytes " + cut + "-" + (zip.length - 1) + "/" + zip.length))
				.andExpect(header().string("Content-Length", String.valueOf(zip.length - cut)))
				.andReturn()
				.getResponse();
			assertThat(rest.getContentAsByteArray()).as("from %d", cut)
				.isEqualTo(java.util.Arrays.copyOfRange(zip, cut, zip.length));
		}
		mvc.perform(get(base + "/packages/song.zip").with(user(scenery.hostAdmin)).header("Range", "bytes=-100"))
			.andExpect(status().isPartialContent())
			.andExpect(result -> assertThat(result.getResponse().getContentAsByteArray())
				.isEqualTo(java.util.Arrays.copyOfRange(zip, zip.length - 100, zip.length)));

		// a HEAD (download managers ask first) tells the length, sends no byte
		mvc.perform(head(base + "/packages/song.zip").with(user(scenery.hostAdmin)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Length", String.valueOf(zip.length)))
			.andExpect(header().string("ETag", etag))
			.andExpect(result -> assertThat(result.getResponse().getContentAsByteArray()).isEmpty());

		// past the end: 416 with the length
		mvc.perform(get(base + "/packages/song.zip").with(user(scenery.hostAdmin))
			.header("Range", "bytes=" + zip.length + "-"))
			.andExpect(status().isRequestedRangeNotSatisfiable())
			.andExpect(header().string("Content-Range", "bytes */" + zip.length));
		// the package changed since the download began (another tag): the whole new one
		mvc.perform(get(base + "/packages/song.zip").with(user(scenery.hostAdmin))
			.header("Range", "bytes=100-")
			.header("If-Range", "\"0123456789abcdef0123456789abcdef\""))
			.andExpect(status().isOk())
			.andExpect(result -> assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(zip));
		// a changed selection gives another tag
		assertThat(withdraw(scenery.songs[1], "作品信息需要更正").get("flashSuccess")).isNotNull();
		assertThat(mvc.perform(get(base + "/packages/song.zip").with(user(scenery.hostAdmin)))
			.andReturn()
			.getResponse()
			.getHeader("ETag")).isNotEqualTo(etag);
	}

	@Test
	void aWorkOfAnUnmappedCategoryOrWithoutChoiceIsRefusedWithAMessage() throws Exception {
		mvc.perform(post(base + "/mapping").with(csrf())
			.with(user(scenery.hostAdmin))
			.param("map-" + scenery.song.id(), ""));
		String flash = mvc.perform(post(base).with(csrf()).with(user(scenery.hostAdmin)).param("origin", "MANUAL"))
			.andReturn()
			.getFlashMap()
			.get("flashError")
			.toString();
		assertThat(flash).isEqualTo("请选择要推荐的作品");
		assertThat(history(scenery.songs[0])).isEmpty();
	}

	@Test
	void onlyTheCampaignsAdminsReachTheHandoff() throws Exception {
		for (String path : List.of(base, base + "/mapping", base + "/packages/song.zip")) {
			mvc.perform(get(path).with(user(scenery.otherProvinceAdmin))).andExpect(status().isNotFound());
			mvc.perform(get(path).with(user(accounts.signedIn(scenery.submitter)))).andExpect(status().isNotFound());
			mvc.perform(get(path)).andExpect(status().is3xxRedirection());
		}
		mvc.perform(post(base).with(csrf())
			.with(user(scenery.otherProvinceAdmin))
			.param("origin", "MANUAL")
			.param("entryId", String.valueOf(scenery.songs[0]))).andExpect(status().isNotFound());
		mvc.perform(get(base + "/packages/no-such.zip").with(user(scenery.hostAdmin))).andExpect(status().isNotFound());
		assertThat(history(scenery.songs[0])).isEmpty();
	}

	private long nationalCategory(String code) {
		return campaigns.category(campaigns.getByCode("national-2024"), code).orElseThrow().id();
	}

	private List<String> history(long entryId) {
		return jdbc.sql("""
				select from_state || '→' || to_state || ' ' || remark from entry_transition
				where entry_id = ? and step = 'NATIONAL_RECOMMENDED' order by id
				""").param(entryId).query(String.class).list();
	}

	private List<String> withdrawals(long entryId) {
		return jdbc.sql("""
				select from_state || '→' || to_state || ' ' || remark from entry_transition
				where entry_id = ? and step = 'NATIONAL_RECOMMENDATION_WITHDRAWN' order by id
				""").param(entryId).query(String.class).list();
	}

	private Map<String, ?> withdraw(long entryId, String reason) throws Exception {
		return mvc
			.perform(post(base + "/withdraw").with(csrf())
				.with(user(scenery.hostAdmin))
				.param("entryId", String.valueOf(entryId))
				.param("reason", reason))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", base))
			.andReturn()
			.getFlashMap();
	}

	private String page(String path) throws Exception {
		return mvc.perform(get(path).with(user(scenery.hostAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.replaceAll("\\s+", " ");
	}

	private byte[] download(String path) throws Exception {
		var response = mvc.perform(get(path).with(user(scenery.hostAdmin)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/zip"))
			.andReturn()
			.getResponse();
		byte[] zip = response.getContentAsByteArray();
		// the length announced before the first byte is the length sent
		assertThat(response.getHeader("Content-Length")).isEqualTo(Long.toString(zip.length));
		return zip;
	}

	private static Map<String, byte[]> unzip(byte[] zip, Map<String, ZipEntry> entries) throws IOException {
		Map<String, byte[]> contents = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				contents.put(entry.getName(), in.readAllBytes());
				entries.put(entry.getName(), entry);
			}
		}
		return contents;
	}

	@SuppressWarnings("unused")
	private static List<String> names(Map<String, byte[]> contents) {
		return new ArrayList<>(contents.keySet());
	}

}
