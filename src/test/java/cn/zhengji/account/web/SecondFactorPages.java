package cn.zhengji.account.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;

import cn.zhengji.support.Totp;
import cn.zhengji.account.SessionCookies;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 11 item 4: passing the second factor through its pages in a MockMvc session, as
 * an account holder with an authenticator app would.
 */
public final class SecondFactorPages {

	private SecondFactorPages() {
	}

	/** Enrols the session's account; the secret it scanned. */
	public static String enrol(MockMvc mvc, SessionCookies session, Instant now) throws Exception {
		String secret = SecondFactorWebTest.secretOn(mvc.perform(get("/account/second-factor/enrol").with(session))
			.andReturn()
			.getResponse()
			.getContentAsString());
		mvc.perform(
				post("/account/second-factor/enrol").with(session).with(csrf()).param("code", Totp.code(secret, now)))
			.andExpect(status().isOk());
		return secret;
	}

}
