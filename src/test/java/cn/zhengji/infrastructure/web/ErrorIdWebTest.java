package cn.zhengji.infrastructure.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 11 item 10: the error page of an unexpected failure shows an error id that is
 * also in the log, so that a user's report leads to the stack trace.
 */
@ZhengjiTest
@AutoConfigureMockMvc
@Import(ErrorIdWebTest.Failing.class)
@ExtendWith(OutputCaptureExtension.class)
class ErrorIdWebTest {

	private static final Pattern ERROR_ID = Pattern.compile("错误编号：([0-9a-f]{12})");

	@Autowired
	MockMvc mvc;

	@Test
	void theIdOnTheErrorPageIsInTheLog(CapturedOutput output) throws Exception {
		String page = mvc.perform(get("/test/fails").with(user(signedIn())).accept(MediaType.TEXT_HTML))
			.andExpect(status().isInternalServerError())
			.andReturn()
			.getResponse()
			.getContentAsString();

		Matcher id = ERROR_ID.matcher(page);
		assertThat(id.find()).as("error id on the page").isTrue();
		assertThat(output.getAll()).contains("[" + id.group(1) + "]", "IllegalStateException: 测试用的意外错误");
		assertThat(page).doesNotContain("IllegalStateException");
	}

	private static SignedInUser signedIn() {
		return new SignedInUser(-3, "error-id-user", "测试用户", Role.PARTICIPANT, 1, "/1/", "中华全国总工会", null, false, false,
				true);
	}

	@TestConfiguration
	@Controller
	static class Failing {

		@GetMapping("/test/fails")
		String fails() {
			throw new IllegalStateException("测试用的意外错误");
		}

	}

}
