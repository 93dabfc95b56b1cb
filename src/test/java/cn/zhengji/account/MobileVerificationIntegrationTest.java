package cn.zhengji.account;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 13: the public's proof of a mobile number (voters, objectors) uses the one-time
 * codes of registration: a code proves a number once and only for its purpose.
 */
@AccountTestContext
class MobileVerificationIntegrationTest {

	@Autowired
	MobileVerification verification;

	@Autowired
	RecordingSmsGateway sms;

	@Test
	void aCodeProvesTheNumberOnceAndOnlyForItsPurpose() {
		String mobile = "139" + String.format("%08d", (System.nanoTime() / 1000) % 100_000_000);
		verification.sendCode(mobile, MobileVerification.Purpose.VOTE, "198.51.100.7");
		String code = sms.lastCodeTo(mobile);
		assertThat(sms.sentTo(mobile).getLast().text()).contains("网络投票");

		assertThatThrownBy(() -> verification.verify(mobile, MobileVerification.Purpose.OBJECTION, code))
			.isInstanceOfSatisfying(InvalidAccountInput.class,
					ex -> assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly("code"));
		assertThat(verification.verify(" " + mobile + " ", MobileVerification.Purpose.VOTE, code).value())
			.isEqualTo(mobile);
		assertThatThrownBy(() -> verification.verify(mobile, MobileVerification.Purpose.VOTE, code))
			.isInstanceOf(InvalidAccountInput.class);
	}

	@Test
	void aMalformedNumberIsRefusedOnItsField() {
		assertThatThrownBy(() -> verification.sendCode("12345", MobileVerification.Purpose.OBJECTION, "198.51.100.8"))
			.isInstanceOfSatisfying(InvalidAccountInput.class,
					ex -> assertThat(ex.problems()).extracting(FieldProblem::field).containsExactly("mobile"));
	}

}
