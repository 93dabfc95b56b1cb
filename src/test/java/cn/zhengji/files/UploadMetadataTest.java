package cn.zhengji.files;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadMetadataTest {

	@Test
	void pairsAreDecodedFromBase64Utf8() {
		// "filename 作品.mp4", "filetype video/mp4", and a key without value
		assertThat(UploadMetadata.parse("filename 5L2c5ZOBLm1wNA==,filetype dmlkZW8vbXA0,is_confidential"))
			.isEqualTo(Map.of("filename", "作品.mp4", "filetype", "video/mp4", "is_confidential", ""));
	}

	@Test
	void malformedHeadersAreRefusedWith400() {
		for (String header : new String[] { "filename not*base64", "filename a b", "filename /w==", "a YQ==,a YQ==",
				"filename YQ==,,b YQ==" }) {
			assertThatThrownBy(() -> UploadMetadata.parse(header)).as(header)
				.isInstanceOfSatisfying(UploadException.class, ex -> {
					assertThat(ex.status()).isEqualTo(400);
					assertThat(ex.messageKey()).isEqualTo("files.metadata.malformed");
				});
		}
	}

}
