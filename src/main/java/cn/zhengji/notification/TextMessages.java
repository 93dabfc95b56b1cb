package cn.zhengji.notification;

import cn.zhengji.account.Accounts;
import cn.zhengji.account.SmsGateway;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the text messages of stored notices to the recipients who opted in (or, for the
 * kinds texted unless switched off, did not opt out). Runs after the change committed: a
 * text never announces a change that was rolled back, and a slow or failing SMS provider
 * can neither hold the change's locks nor undo it (a failure is logged, the in-app notice
 * stays).
 */
@Component
class TextMessages {

	private static final Logger log = LoggerFactory.getLogger(TextMessages.class);

	private final NoticePreferences preferences;

	private final Accounts accounts;

	private final SmsGateway gateway;

	TextMessages(NoticePreferences preferences, Accounts accounts, SmsGateway gateway) {
		this.preferences = preferences;
		this.accounts = accounts;
		this.gateway = gateway;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void send(TextMessagesDue due) {
		for (NewNotice notice : due.notices()) {
			if (notice.textMessage() == null
					|| !preferences.textsWanted(notice.accountId(), notice.kind().textedUnlessSwitchedOff())) {
				continue;
			}
			accounts.mobileForTextMessages(notice.accountId()).ifPresent(mobile -> {
				try {
					gateway.send(mobile, notice.textMessage());
				}
				catch (RuntimeException ex) {
					log.warn("Text message to {} failed (the notice in the app is kept): {}",
							PersonalDataCipher.maskMobile(mobile), ex.toString());
				}
			});
		}
	}

}
