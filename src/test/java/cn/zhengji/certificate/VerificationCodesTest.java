package cn.zhengji.certificate;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verification codes: 12 base32 characters, no repeats in 100 000 draws, typed forms read
 * back.
 */
class VerificationCodesTest {

	@Test
	void drawsTwelveBase32CharactersWithoutRepeats() {
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			String code = VerificationCodes.next();
			assertThat(code).matches("[A-Z2-7]{12}");
			codes.add(code);
		}
		assertThat(codes).hasSize(100_000);
	}

	@Test
	void readsATypedCodeInAnyCaseWithSpacesAndHyphens() {
		assertThat(VerificationCodes.normalise(" abcd-efgh-2345 ")).contains("ABCDEFGH2345");
		assertThat(VerificationCodes.normalise("ABCD EFGH 2345")).contains("ABCDEFGH2345");
		assertThat(VerificationCodes.normalise("ABCDEFGH234")).isEmpty();
		assertThat(VerificationCodes.normalise("ABCDEFGH2341")).as("1 is not base32").isEmpty();
		assertThat(VerificationCodes.normalise(null)).isEmpty();
	}

}
