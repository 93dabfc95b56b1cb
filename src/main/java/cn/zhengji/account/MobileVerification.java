package cn.zhengji.account;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 13: a member of the public, who has no account, proves that they hold a mobile
 * number before they vote (voting) or file an objection during a publicity period
 * (publicity). The same one-time codes, limits and refusals as registration
 * ({@link OneTimeCodes}, {@link CodeDelivery}), so that there is one rule for codes.
 */
@Component
public class MobileVerification {

	/**
	 * What the number is proved for; a code sent for one is not accepted for the other.
	 */
	public enum Purpose {

		VOTE(OneTimeCodes.Purpose.VOTE), OBJECTION(OneTimeCodes.Purpose.OBJECTION);

		private final OneTimeCodes.Purpose codePurpose;

		Purpose(OneTimeCodes.Purpose codePurpose) {
			this.codePurpose = codePurpose;
		}

	}

	private final CodeDelivery delivery;

	private final OneTimeCodes codes;

	MobileVerification(CodeDelivery delivery, OneTimeCodes codes) {
		this.delivery = delivery;
		this.codes = codes;
	}

	/**
	 * Sends a code to the number by SMS (a {@code one_time_code} row, hash only).
	 * @param requestedFrom the client's address, for the per-address limit
	 * @throws InvalidAccountInput on field {@code mobile}: malformed number, asked again
	 * too soon, daily limit, too many codes from this address, the provider failed
	 */
	public MobileNumber sendCode(String mobileInput, Purpose purpose, String requestedFrom) {
		MobileNumber mobile = parse(mobileInput);
		delivery.issue(mobile, purpose.codePurpose, requestedFrom, true);
		return mobile;
	}

	/**
	 * Checks the code and uses it up: a code proves a number once.
	 * @return the proved number
	 * @throws InvalidAccountInput on field {@code mobile} (malformed) or {@code code}
	 * (none, expired, wrong with the attempts left, too many attempts, used meanwhile)
	 */
	@Transactional
	public MobileNumber verify(String mobileInput, Purpose purpose, String code) {
		MobileNumber mobile = parse(mobileInput);
		long codeId = codes.verify(mobile, purpose.codePurpose, code == null ? null : code.strip()).acceptedCodeId();
		if (!codes.consume(codeId)) {
			throw new InvalidAccountInput("code", "account.register.code.none");
		}
		return mobile;
	}

	private static MobileNumber parse(String mobileInput) {
		return MobileNumber.parse(mobileInput)
			.orElseThrow(() -> new InvalidAccountInput("mobile", "account.register.mobile.invalid"));
	}

}
