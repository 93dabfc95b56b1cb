package cn.zhengji.campaign.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@ZhengjiTest
@AutoConfigureMockMvc
class CampaignPageWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	UserDetailsService userDetails;

	@Test
	void homeShowsTheDemonstrationCampaignOpenForSubmissionWithItsSevenCategories() throws Exception {
		String html = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(html).contains("【演示】“网聚职工正能量 争做八闽好网民”主题活动");
		assertThat(html).contains("class=\"demo-banner");
		assertThat(html).contains("class=\"badge badge-demo");
		assertThat(html).contains("<span class=\"timeline-flag\">当前阶段</span>");
		assertThat(html)
			.containsPattern("timeline-step is-current\">\\s*<div class=\"timeline-name\">\\s*<span>自评申报</span>");
		assertThat(count(html, "class=\"category-card\"")).isEqualTo(7);
		assertThat(html).contains("网络正能量微视频征集", "八闽职工好网民征集");
		assertThat(html).contains("<img src=\"/qr.png\"");
		assertThat(html).contains("href=\"/campaigns/national-2024\"");
	}

	@Test
	void campaignPageShowsRulesInPlainWordsAllocationAndContact() throws Exception {
		String html = mvc.perform(get("/campaigns/fujian-2024"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("2024年“网聚职工正能量 争做八闽好网民”主题活动", "闽工〔2024〕41号", "福建省总工会、中共福建省委网信办");
		assertThat(html)
			.contains("微视频作品（MP4）：MP4格式；时长30秒至5分钟；分辨率1080P（1920×1080或1080×1920）；画面比例16:9或9:16；无水印；片头字幕须有作品名称");
		assertThat(html).contains("歌曲作品（MP3音频或MP4视频）：MP3或MP4格式；时长一般不超过6分钟；视频分辨率1080P（1920×1080或1080×1920）");
		assertThat(html).contains("特色应用系统情况介绍：不超过3000字；须涵盖需求与方案、产品设计、界面设计、运营推广等方面");
		assertThat(html).contains("佐证图片（选交）：JPG或PNG格式；不少于3张");
		assertThat(html).contains("各设区市、平潭综合实验区总工会各推荐不超过5个");
		assertThat(html).contains("各设区市、平潭综合实验区总工会各推荐1至2个");
		assertThat(count(html, "class=\"category-card\"")).isEqualTo(7);
		assertThat(html).contains("<td class=\"text-end allocation-total\">100</td>");
		assertThat(html).contains("陈俊义", "fjghwl@sina.com");
		assertThat(html).doesNotContain("demo-banner");
	}

	@Test
	void nationalPageShowsSubProjectsWithHostUnitsAndTheAllocationOfThreeThousandEvents() throws Exception {
		String html = mvc.perform(get("/campaigns/national-2024"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("子项目及承办单位", "互联网+工会普惠服务优秀平台征集", "厦门市总工会", "四川省总工会、哔哩哔哩");
		assertThat(count(html, "class=\"category-card\"")).isEqualTo(10);
		assertThat(html).contains("<td class=\"text-end allocation-total\">3000</td>");
		assertThat(html).contains("100,000,000");
	}

	@Test
	void unknownCampaignIsNotFound() throws Exception {
		mvc.perform(get("/campaigns/no-such-campaign")).andExpect(status().isNotFound());
	}

	@Test
	void qrCodeEncodesThePlatformAddress() throws Exception {
		byte[] png = mvc.perform(get("/qr.png"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.IMAGE_PNG))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		var image = ImageIO.read(new ByteArrayInputStream(png));
		var text = new QRCodeReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
			.getText();
		assertThat(text).isEqualTo("https://zhengji.example.cn");
		byte[] fromElsewhere = mvc.perform(get("http://10.0.0.7:8080/qr.png"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(fromElsewhere).isEqualTo(png);
	}

	@Test
	void aConfiguredPlatformAddressGivesTheAdminsNoWarning() throws Exception {
		var admin = new TestAccounts(jdbc, cipher, userDetails).platformAdmin();
		String html = mvc.perform(get("/").with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("<img src=\"/qr.png\"").doesNotContain("qr-address-warning");
	}

	static int count(String html, String fragment) {
		int count = 0;
		for (int at = html.indexOf(fragment); at >= 0; at = html.indexOf(fragment, at + 1)) {
			count++;
		}
		return count;
	}

}
