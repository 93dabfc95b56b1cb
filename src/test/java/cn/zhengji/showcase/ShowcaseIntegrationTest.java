package cn.zhengji.showcase;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.CategoryRules.AttachmentSlot;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.review.RoundResults;
import cn.zhengji.support.QueryCounter;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 13 item 2 through the real database and MVC, signed out: the gallery, its filters
 * and Chinese title search, a work's page, its files with HTTP ranges, the 404s of works
 * and files that are not public, the privacy walk over every public endpoint, and the
 * number of statements a page costs. Works become winners through the real review
 * ({@link ShowcaseScenery}).
 */
@ZhengjiTest
@AutoConfigureMockMvc
class ShowcaseIntegrationTest {

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

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	QueryCounter queries;

	@Value("${zhengji.data-dir}")
	Path dataDir;

	ShowcaseScenery scenery;

	String gallery;

	@BeforeEach
	void scenery() {
		scenery = new ShowcaseScenery(administration, campaigns, results, organisations, accounts, entries, jdbc,
				cipher, dataDir, "");
		gallery = "/showcase/" + scenery.campaign.code();
	}

	@Test
	void theGalleryShowsTheFinalWinnersWithTheirLevelUnitAndPicture() throws Exception {
		String page = body(gallery);
		assertThat(page).contains("劳动者之歌", "奋斗的青春", "工匠精神颂", "一等奖", "二等奖", "共 3 件")
			// NOT_AWARDED works are not public
			.doesNotContain("平凡岗位", "夜班列车")
			// the score image is the card's picture; the video is not shown on a card
			.contains("/showcase/works/" + scenery.works[0] + "/files/" + scenery.scores[0])
			.doesNotContain("投票中</h2>");
		assertThat(body("/showcase")).contains(scenery.campaign.title()).contains(gallery);
		// the campaign's page links its showcase
		assertThat(body("/campaigns/" + scenery.campaign.code())).contains("作品展示").contains("href=\"" + gallery + "\"");
	}

	@Test
	void filtersByCategoryLevelAndCityLevelUnit() throws Exception {
		assertThat(body(gallery + "?level=SECOND")).contains("奋斗的青春").doesNotContain("劳动者之歌", "工匠精神颂");
		// the county's work counts for its city
		assertThat(body(gallery + "?unit=" + scenery.cityA.id())).contains("劳动者之歌", "工匠精神颂").doesNotContain("奋斗的青春");
		assertThat(body(gallery + "?category=song&level=FIRST&unit=" + scenery.cityB.id())).contains("没有符合条件的作品");
		assertThat(body(gallery + "?category=micro-video")).contains("共 0 件");
		// stale or odd filters show the showcase, never an error
		assertThat(body(gallery + "?page=abc&unit=x&level=&q=%25_{}")).contains("共 0 件");
		assertThat(body(gallery + "?page=99")).contains("劳动者之歌");
	}

	@Test
	void searchesTitlesByChineseFragments() throws Exception {
		// one and two characters: contained in the title
		assertThat(body(gallery + "?q=工匠")).contains("工匠精神颂").doesNotContain("劳动者之歌", "奋斗的青春");
		assertThat(body(gallery + "?q=歌")).contains("劳动者之歌").doesNotContain("奋斗的青春");
		// three and more: similar titles too (a typo in one character)
		assertThat(body(gallery + "?q=奋斗青春")).contains("奋斗的青春").doesNotContain("工匠精神颂");
		assertThat(body(gallery + "?q=劳动者之")).contains("劳动者之歌");
	}

	@Test
	void aWorksPageShowsTheWorkItsPlayersShareLinkAndQrCode() throws Exception {
		long work = scenery.works[0];
		String page = body("/showcase/works/" + work);
		assertThat(page).contains("劳动者之歌", "网络正能量歌曲征集", "一等奖", scenery.county.name())
			.contains("<video class=\"showcase-media\" controls playsinline preload=\"metadata\"")
			.contains("src=\"/showcase/works/" + work + "/files/" + scenery.videos[0] + "\"")
			.contains("src=\"/showcase/works/" + work + "/files/" + scenery.scores[0] + "\"")
			.contains("<meta property=\"og:title\" content=\"劳动者之歌\">")
			.contains("property=\"og:image\"")
			.contains("<meta property=\"og:description\" content=\"网络正能量歌曲征集 · 一等奖 · ")
			.contains("/showcase/works/" + work + "/qr.png")
			.contains("data-copy=\"#share-url\"")
			.contains("/js/showcase-")
			// not in voting: no vote panel; scores are not published
			.doesNotContain("hx-get=\"/vote/")
			.doesNotContain("最终得分");
		MockHttpServletResponse qr = mvc.perform(get("/showcase/works/" + work + "/qr.png"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(qr.getContentType()).isEqualTo("image/png");
		assertThat(QrCodeReading.decode(qr.getContentAsByteArray())).endsWith("/showcase/works/" + work);
	}

	@Test
	void theScoreIsShownOnlyWhereTheCampaignPublishesScores() throws Exception {
		jdbc.sql("update campaign set publish_scores = true where id = ?").param(scenery.campaign.id()).update();
		assertThat(body("/showcase/works/" + scenery.works[0])).contains("最终得分").containsPattern("\\d+\\.\\d\\d</dd>");
	}

	@Test
	void filesArePublicWithRangesAndCaching() throws Exception {
		String url = "/showcase/works/" + scenery.works[0] + "/files/" + scenery.videos[0];
		MockHttpServletResponse whole = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse();
		byte[] bytes = whole.getContentAsByteArray();
		assertThat(whole.getContentType()).isEqualTo("video/mp4");
		assertThat(whole.getHeader("Cache-Control")).contains("public").contains("max-age=3600");
		assertThat(whole.getHeader("ETag")).isNotBlank();
		assertThat(whole.getHeader("Last-Modified")).isNotBlank();
		assertThat(whole.getHeader("Accept-Ranges")).isEqualTo("bytes");
		assertThat(whole.getHeader("Content-Disposition")).startsWith("inline")
			.contains("work-" + scenery.videos[0] + ".mp4")
			.doesNotContain("%E7%8E%8B");
		MockHttpServletResponse part = mvc.perform(get(url).header("Range", "bytes=100-199"))
			.andExpect(status().isPartialContent())
			.andReturn()
			.getResponse();
		assertThat(part.getContentAsByteArray()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 100, 200));
		assertThat(part.getHeader("Content-Range")).isEqualTo("bytes 100-199/" + bytes.length);
		mvc.perform(get(url).header("If-None-Match", whole.getHeader("ETag"))).andExpect(status().isNotModified());
	}

	@Test
	void worksAndFilesThatAreNotPublicAre404() throws Exception {
		long notAwarded = scenery.works[3];
		for (String url : List.of("/showcase/works/" + notAwarded, "/showcase/works/" + notAwarded + "/qr.png",
				"/showcase/works/999999999", "/showcase/works/abc", "/showcase/no-such-campaign",
				// a slot the category does not have
				"/showcase/works/" + scenery.works[0] + "/files/" + scenery.strayAttachment,
				// another work's file
				"/showcase/works/" + scenery.works[0] + "/files/" + scenery.videos[1],
				"/showcase/works/" + scenery.works[0] + "/files/999999999")) {
			mvc.perform(get(url)).andExpect(status().isNotFound());
		}
		// a slot the category marks internal (as fujian-2024 marks 其他佐证材料)
		jdbc.sql("""
				update campaign_category set rules = jsonb_set(rules, '{attachments,1,internal}', 'true')
				where id = ?
				""").param(scenery.song.id()).update();
		assertThat(campaigns.findCategory(scenery.song.id()).orElseThrow().rules().attachments())
			.extracting(AttachmentSlot::key, AttachmentSlot::internal)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("work", false),
					org.assertj.core.groups.Tuple.tuple("score", true));
		mvc.perform(get("/showcase/works/" + scenery.works[0] + "/files/" + scenery.scores[0]))
			.andExpect(status().isNotFound());
		assertThat(body("/showcase/works/" + scenery.works[0])).doesNotContain("/files/" + scenery.scores[0]);
		assertThat(body(gallery)).doesNotContain("/files/" + scenery.scores[0]);
		// the campaign data carry the flag from the definition file
		assertThat(campaigns.categories(campaigns.getByCode("fujian-2024"))
			.stream()
			.flatMap((category) -> category.rules().attachments().stream())
			.filter((slot) -> slot.label().equals("其他佐证材料"))).extracting(AttachmentSlot::internal)
			.containsExactly(true);
	}

	@Test
	void nothingPersonalInAnyPublicResponse() throws Exception {
		String mobile = scenery.submitter.mobile();
		List<String> forbidden = List.of(ShowcaseScenery.SUBMITTER_NAME, mobile, mobile.substring(0, 3) + "****",
				ShowcaseScenery.NOMINEE_NAME, ShowcaseScenery.ID_NUMBER, "3501**", ShowcaseScenery.NOMINATION_TEXT,
				ShowcaseScenery.OPINION_TEXT, "隐私网名", "隐私单位职务", "隐私个人简介", "13900001111", "王小明", "作品原名",
				"%E7%8E%8B%E5%B0%8F%E6%98%8E");
		List<String> urls = new ArrayList<>(List.of("/showcase", gallery, gallery + "?q=劳动",
				gallery + "?unit=" + scenery.cityA.id(), "/campaigns/" + scenery.campaign.code()));
		for (int w = 0; w < 3; w++) {
			long work = scenery.works[w];
			urls.add("/showcase/works/" + work);
			urls.add("/showcase/works/" + work + "/qr.png");
			urls.add("/showcase/works/" + work + "/files/" + scenery.videos[w]);
			urls.add("/showcase/works/" + work + "/files/" + scenery.scores[w]);
		}
		urls.add("/showcase/works/" + scenery.works[3]);
		for (String url : urls) {
			MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
			StringBuilder everything = new StringBuilder();
			response.getHeaderNames()
				.forEach((name) -> everything.append(name)
					.append(": ")
					.append(String.join(",", response.getHeaders(name)))
					.append('\n'));
			everything.append(new String(response.getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8));
			for (String value : forbidden) {
				assertThat(everything.toString()).as(url + " must not show " + value).doesNotContain(value);
			}
		}
	}

	@Test
	void aPageCostsAFewStatementsWhateverTheNumberOfWorks() throws Exception {
		QueryCounter.Statements galleryStatements = queries
			.statementsOf(() -> mvc.perform(get(gallery)).andExpect(status().isOk()));
		assertThat(galleryStatements.count()).as(galleryStatements.toString()).isLessThanOrEqualTo(10);
		QueryCounter.Statements workStatements = queries
			.statementsOf(() -> mvc.perform(get("/showcase/works/" + scenery.works[0])).andExpect(status().isOk()));
		assertThat(workStatements.count()).as(workStatements.toString()).isLessThanOrEqualTo(14);
	}

	private String body(String url) throws Exception {
		return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

}
