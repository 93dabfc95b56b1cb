package cn.zhengji.account;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admins and experts, created without a mobile number, register one to receive notices by
 * text message, proved with a one-time code like a participant's at registration
 * ({@link CodeDelivery}, same limits). Stored as every mobile number is: SM4 ciphertext,
 * blind index (unique over all accounts), masked copy. A participant's number is the one
 * they sign in with and is not changed here.
 */
@Service
public class NoticeMobile {

	private final CodeDelivery delivery;

	private final OneTimeCodes codes;

	private final AccountRecords records;

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Texts texts;

	NoticeMobile(CodeDelivery delivery, OneTimeCodes codes, AccountRecords records, JdbcClient jdbc,
			PersonalDataCipher cipher, AuditLog audit, TransactionTemplate transactions, Texts texts) {
		this.delivery = delivery;
		this.codes = codes;
		this.records = records;
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.audit = audit;
		this.transactions = transactions;
		this.texts = texts;
	}

	/** Whether the actor may register a number here: anyone but a participant. */
	public static boolean mayRegister(SignedInUser actor) {
		return actor.role() != Role.PARTICIPANT;
	}

	/**
	 * Sends a code to the number. Writes a {@code one_time_code} row (hash only) and
	 * sends one SMS.
	 * @throws NotFoundException for a participant
	 * @throws InvalidAccountInput on field {@code mobile}: malformed, held by another
	 * account, or one of the limits of codes
	 */
	public MobileNumber sendCode(SignedInUser actor, String mobileInput, String requestedFrom) {
		MobileNumber mobile = parse(actor, mobileInput);
		delivery.issue(mobile, OneTimeCodes.Purpose.MOBILE_CHANGE, requestedFrom, true);
		return mobile;
	}

	/**
	 * Stores the number once the code checks out. In one transaction: marks the code
	 * used, writes {@code mobile_hmac}, {@code mobile_cipher}, {@code mobile_masked}, and
	 * records an audit event UPDATED (masked number only).
	 * @throws InvalidAccountInput the code missing, wrong, expired or used up, or the
	 * number taken meanwhile; nothing is stored
	 */
	public MobileNumber confirm(SignedInUser actor, String mobileInput, String code) {
		MobileNumber mobile = parse(actor, mobileInput);
		if (code == null || !code.matches("\\d{6}")) {
			throw new InvalidAccountInput("code", "account.register.code.format");
		}
		long codeId = codes.verify(mobile, OneTimeCodes.Purpose.MOBILE_CHANGE, code).acceptedCodeId();
		try {
			transactions.executeWithoutResult(status -> {
				if (!codes.consume(codeId)) {
					throw new InvalidAccountInput("code", "account.register.code.none");
				}
				AccountSnapshot before = records.getSnapshot(actor.accountId());
				jdbc.sql("""
						update account set mobile_hmac = :hmac, mobile_cipher = :cipher, mobile_masked = :masked,
						    version = version + 1
						where id = :id
						""")
					.param("hmac", cipher.blindIndex(mobile.value()))
					.param("cipher", cipher.encrypt(mobile.value()))
					.param("masked", mobile.masked())
					.param("id", actor.accountId())
					.update();
				audit.recordChange(AuditAction.UPDATED, "account", actor.accountId(), actor.organisationPath(),
						texts.text("account.audit.noticeMobile", mobile.masked()), before,
						records.getSnapshot(actor.accountId()));
			});
		}
		catch (DuplicateKeyException ex) {
			if (AccountRecords.violates(ex, "account_mobile_uq")) {
				throw new InvalidAccountInput("mobile", "account.mobile.taken");
			}
			throw ex;
		}
		return mobile;
	}

	private MobileNumber parse(SignedInUser actor, String mobileInput) {
		if (!mayRegister(actor)) {
			throw new NotFoundException("notice mobile");
		}
		MobileNumber mobile = MobileNumber.parse(mobileInput)
			.orElseThrow(() -> new InvalidAccountInput("mobile", "account.register.mobile.invalid"));
		if (records.idByMobile(mobile).filter(holder -> holder != actor.accountId()).isPresent()) {
			throw new InvalidAccountInput("mobile", "account.mobile.taken");
		}
		return mobile;
	}

}
