package cn.zhengji.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import cn.zhengji.account.AccountProfile;
import cn.zhengji.account.Accounts;
import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether an account also receives its notices as text messages (opt-in, only with a
 * mobile number).
 */
@Service
@Transactional(readOnly = true)
public class NoticePreferences {

	/** What the settings page shows. */
	public record Settings(boolean sms, String mobileMasked) {

		public boolean canReceiveTexts() {
			return mobileMasked != null;
		}
	}

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final AuditLog audit;

	private final Clock clock;

	private final Texts texts;

	NoticePreferences(JdbcClient jdbc, Accounts accounts, AuditLog audit, Clock clock, Texts texts) {
		this.texts = texts;
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	public Settings settings(SignedInUser user) {
		AccountProfile profile = accounts.profile(user.accountId())
			.orElseThrow(() -> new NotFoundException("account " + user.accountId()));
		return new Settings(textsWanted(user.accountId()), profile.mobileMasked());
	}

	public boolean textsWanted(long accountId) {
		return textsWanted(accountId, false);
	}

	/**
	 * Whether the account wants texts, {@code unlessChosen} when it never switched them
	 * on or off.
	 */
	public boolean textsWanted(long accountId, boolean unlessChosen) {
		return jdbc.sql("select sms from notice_preference where account_id = ?")
			.param(accountId)
			.query(Boolean.class)
			.optional()
			.orElse(unlessChosen);
	}

	/**
	 * Switches text messages on or off; audited.
	 * @throws NotificationChangeRejected when switching on without a mobile number
	 */
	@Transactional
	public void setTexts(SignedInUser user, boolean sms) {
		Settings before = settings(user);
		if (sms && !before.canReceiveTexts()) {
			throw new NotificationChangeRejected("sms", "notice.settings.noMobile");
		}
		jdbc.sql("""
				insert into notice_preference (account_id, sms, updated_at) values (?, ?, ?)
				on conflict (account_id) do update set sms = excluded.sms, updated_at = excluded.updated_at
				""").params(user.accountId(), sms, Instant.now(clock).atOffset(ZoneOffset.UTC)).update();
		audit.recordChange(AuditAction.UPDATED, "notice_preference", user.accountId(), user.organisationPath(),
				texts.text(sms ? "notice.audit.smsOn" : "notice.audit.smsOff"), Map.of("sms", before.sms()),
				Map.of("sms", sms));
	}

}
