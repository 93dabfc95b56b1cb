package cn.zhengji.account;

import java.time.Clock;
import java.util.OptionalLong;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.secret.DefaultSecretGenerator;

/**
 * RFC 6238 codes (SHA-1, 6 digits, 30 s) as every authenticator app computes them, from
 * dev.samstevens.totp. Unlike the library's verifier this answers which time step a code
 * belongs to, so that an accepted step can be refused the second time (replay).
 */
final class TotpCodes {

	static final int PERIOD_SECONDS = 30;

	static final int DIGITS = 6;

	/**
	 * One step either side of now: a phone clock half a minute off still works; older
	 * codes do not.
	 */
	private static final int ALLOWED_DRIFT_STEPS = 1;

	private final DefaultCodeGenerator generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, DIGITS);

	private final Clock clock;

	TotpCodes(Clock clock) {
		this.clock = clock;
	}

	static String newSecret() {
		return new DefaultSecretGenerator(32).generate();
	}

	long currentStep() {
		return Math.floorDiv(clock.millis() / 1000, PERIOD_SECONDS);
	}

	/** The time step within the allowed drift whose code this is, if any. */
	OptionalLong matchingStep(String secret, String code) {
		if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
			return OptionalLong.empty();
		}
		long now = currentStep();
		for (long step = now - ALLOWED_DRIFT_STEPS; step <= now + ALLOWED_DRIFT_STEPS; step++) {
			if (java.security.MessageDigest.isEqual(codeAt(secret, step).getBytes(), code.getBytes())) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	String codeAt(String secret, long step) {
		try {
			return generator.generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException("TOTP code generation failed", ex);
		}
	}

}
