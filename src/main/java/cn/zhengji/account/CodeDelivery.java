package cn.zhengji.account;

import cn.zhengji.infrastructure.Texts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Issues a one-time code within {@link OneTimeCodes}' limits and sends it by SMS: the one
 * way registration, password reset and a new mobile number get their codes, so that the
 * limits and the wording of their refusals are the same for all three.
 */
@Component
class CodeDelivery {

	private static final Logger log = LoggerFactory.getLogger(CodeDelivery.class);

	private final OneTimeCodes codes;

	private final SmsGateway sms;

	private final Texts texts;

	CodeDelivery(OneTimeCodes codes, SmsGateway sms, Texts texts) {
		this.codes = codes;
		this.sms = sms;
		this.texts = texts;
	}

	/**
	 * Writes a {@code one_time_code} row (hash only) and, when {@code deliver}, sends one
	 * SMS. A code that is not delivered still counts against the limits, so that the
	 * limits answer alike whether or not a number is registered.
	 * @throws InvalidAccountInput on field {@code mobile}: asked again too soon, daily
	 * limit, too many codes from this address, the provider failed
	 */
	void issue(MobileNumber mobile, OneTimeCodes.Purpose purpose, String requestedFrom, boolean deliver) {
		String code = codes.issue(mobile, purpose, requestedFrom);
		if (!deliver) {
			return;
		}
		try {
			sms.send(mobile.value(),
					texts.plain("account.sms.code." + purpose.name(), code, OneTimeCodes.VALIDITY.toMinutes()));
		}
		catch (RuntimeException ex) {
			// The provider is down or refused: say so rather than fail the page. The code
			// row stays, so the resend interval still protects the number from a burst of
			// retries.
			log.warn("SMS to {} failed: {}", mobile.masked(), ex.toString());
			throw new InvalidAccountInput("mobile", "account.register.sms.failed");
		}
	}

}
