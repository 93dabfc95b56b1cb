package cn.zhengji.files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6266 / RFC 8187: the UTF-8 name in filename*, an ASCII stand-in in filename. */
class ContentDispositionTest {

	@Test
	void chineseNameIsPercentEncodedUtf8WithAnAsciiStandIn() {
		assertThat(StoredFiles.contentDisposition(false, "工会之歌.mp3"))
			.isEqualTo("attachment; filename=\"____.mp3\"; filename*=UTF-8''%E5%B7%A5%E4%BC%9A%E4%B9%8B%E6%AD%8C.mp3");
	}

	@Test
	void quotesBackslashesPercentAndSpacesCannotBreakTheHeader() {
		assertThat(StoredFiles.contentDisposition(true, "a\"b%20 c;d.jpg"))
			.isEqualTo("inline; filename=\"a_b_20 c;d.jpg\"; filename*=UTF-8''a%22b%2520%20c%3Bd.jpg");
	}

}
