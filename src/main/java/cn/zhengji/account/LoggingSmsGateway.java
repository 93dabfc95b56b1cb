package cn.zhengji.account;

import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Fallback;
import org.springframework.stereotype.Component;

/**
 * The development gateway: nothing is sent, the message goes to the log so that a
 * developer can register without an SMS contract. Any other {@link SmsGateway} bean takes
 * precedence.
 */
@Component
@Fallback
class LoggingSmsGateway implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

	@Override
	public void send(String mobile, String text) {
		log.warn("Development SMS gateway (nothing sent) to {}: {}", PersonalDataCipher.maskMobile(mobile), text);
	}

}
