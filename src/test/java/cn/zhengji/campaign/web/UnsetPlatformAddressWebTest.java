package cn.zhengji.campaign.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A production start (no demonstration data) without {@code ZHENGJI_BASE_URL}: the QR
 * code points at the address the request came in on, and the admins see a warning saying
 * so next to it. (Same properties as {@link CampaignDemoDisabledWebTest}: one context.)
 */
@ZhengjiTest
@AutoConfigureMockMvc
@TestPropertySource(properties = { "zhengji.demo.enabled=false", "zhengji.base-url=" })
class UnsetPlatformAddressWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PersonalDataCipher cipher;

	@Autowired
	UserDetailsService userDetails;

	@Test
	void theQrCodePointsAtTheAddressTheRequestCameInOn() throws Exception {
		assertThat(qrText("http://zhengji.example.org/qr.png")).isEqualTo("http://zhengji.example.org");
		assertThat(qrText("https://sbpt.fjzgh.org.cn:443/qr.png")).isEqualTo("https://sbpt.fjzgh.org.cn");
	}

	@Test
	void theHomePageWarnsThePlatformAdminNextToTheQrCode() throws Exception {
		var admin = new TestAccounts(jdbc, cipher, userDetails).platformAdmin();
		String html = mvc.perform(get("http://zhengji.example.org/").with(user(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("id=\"qr-address-warning\"")
			.contains("ZHENGJI_BASE_URL")
			.contains("http://zhengji.example.org");
	}

	@Test
	void theVisitorsSeeTheQrCodeWithoutTheWarning() throws Exception {
		String html = mvc.perform(get("http://zhengji.example.org/"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(html).contains("<img src=\"/qr.png\"").doesNotContain("qr-address-warning");
	}

	String qrText(String url) throws Exception {
		byte[] png = mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
		var image = ImageIO.read(new ByteArrayInputStream(png));
		return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
			.getText();
	}

}
