package cn.zhengji.account;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisations;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Uniquely named accounts for tests, since the database is shared by every test of the
 * JVM.
 */
public class AccountFixtures {

	public static final String PASSWORD = "Fixture#2026";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final AccountRecords records;

	private final PasswordEncoder passwordEncoder;

	private final Organisations organisations;

	private final AccountUserDetailsService userDetails;

	private volatile String passwordHash;

	AccountFixtures(AccountRecords records, PasswordEncoder passwordEncoder, Organisations organisations,
			AccountUserDetailsService userDetails) {
		this.records = records;
		this.passwordEncoder = passwordEncoder;
		this.organisations = organisations;
		this.userDetails = userDetails;
	}

	public record Fixture(long id, String login, String mobile) {
	}

	public Fixture orgAdmin(String organisationCode) {
		return staff(Role.ORG_ADMIN, organisationCode);
	}

	public Fixture expert(String organisationCode) {
		return staff(Role.EXPERT, organisationCode);
	}

	public Fixture staff(Role role, String organisationCode) {
		String username = uniqueUsername(role.name().toLowerCase(Locale.ROOT).replace('_', '-'));
		long id = records.insert(new NewAccount(username, null, "测试" + username, hash(), role, null,
				organisations.getByCode(organisationCode).id(), false, false, null));
		return new Fixture(id, username, null);
	}

	public Fixture participant(String organisationCode) {
		String mobile = uniqueMobile();
		long id = records.insert(
				new NewAccount(null, new MobileNumber(mobile), "测试职工" + mobile.substring(7), hash(), Role.PARTICIPANT,
						ParticipantKind.WORKER, organisations.getByCode(organisationCode).id(), false, false, null));
		return new Fixture(id, mobile, mobile);
	}

	/** The principal exactly as a sign-in would produce it. */
	public SignedInUser signedIn(Fixture fixture) {
		return signedIn(fixture.login());
	}

	public SignedInUser signedIn(String login) {
		return userDetails.loadUserByUsername(login).withSecondFactor(Instant.now());
	}

	public static String uniqueUsername(String prefix) {
		return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQUENCE.incrementAndGet();
	}

	/** 1 9x xxxx xxxx: never one of the demo numbers (138…). */
	public static String uniqueMobile() {
		return "19" + (1 + ThreadLocalRandom.current().nextInt(9))
				+ "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
	}

	private String hash() {
		if (passwordHash == null) {
			passwordHash = passwordEncoder.encode(PASSWORD);
		}
		return passwordHash;
	}

}
