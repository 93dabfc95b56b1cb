package cn.zhengji.voting;

import java.time.Clock;

import cn.zhengji.account.MobileNumber;
import cn.zhengji.account.MobileVerification;
import cn.zhengji.account.MobileVerification.Purpose;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 13 item 4: a member of the public becomes a voter by proving a mobile number with
 * a one-time code ({@link MobileVerification}, purpose VOTE); no account. The number is
 * kept encrypted with its blind index, masked form and segment (first 7 digits).
 */
@Service
public class Voters {

	private final MobileVerification verification;

	private final PersonalDataCipher cipher;

	private final JdbcClient jdbc;

	private final Clock clock;

	Voters(MobileVerification verification, PersonalDataCipher cipher, JdbcClient jdbc, Clock clock) {
		this.verification = verification;
		this.cipher = cipher;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Sends a code to the number.
	 * @throws cn.zhengji.account.InvalidAccountInput on field {@code mobile}, with a
	 * Chinese reason
	 */
	public void sendCode(String mobile, String address) {
		verification.sendCode(mobile, Purpose.VOTE, address);
	}

	/**
	 * Checks the code and answers the voter of the number (created on first use).
	 * @throws cn.zhengji.account.InvalidAccountInput on field {@code mobile} or
	 * {@code code}, with a Chinese reason
	 */
	@Transactional
	public Voter verify(String mobile, String code) {
		MobileNumber number = verification.verify(mobile, Purpose.VOTE, code);
		return voter(number);
	}

	/** The voter of a proved number (created on first use). */
	Voter voter(MobileNumber number) {
		byte[] index = cipher.blindIndex(number.value());
		jdbc.sql("""
				insert into voter (mobile_index, mobile_cipher, mobile_masked, mobile_segment, created_at)
				values (?, ?, ?, ?, ?)
				on conflict on constraint voter_mobile_uq do nothing
				""")
			.params(index, cipher.encrypt(number.value()), number.masked(), number.value().substring(0, 7),
					java.sql.Timestamp.from(clock.instant()))
			.update();
		long id = jdbc.sql("select id from voter where mobile_index = ?").param(index).query(Long.class).single();
		return new Voter(id, number.masked());
	}

	/** A proved number: its voter id and masked form. */
	public record Voter(long id, String maskedMobile) implements java.io.Serializable {
	}

}
