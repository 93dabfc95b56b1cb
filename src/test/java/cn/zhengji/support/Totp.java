package cn.zhengji.support;

import java.time.Instant;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/**
 * What an authenticator app shows for a secret at a given time (RFC 6238: SHA-1, 6
 * digits, 30 s), for tests that pass the second factor as a person would.
 */
public final class Totp {

	/** The TOTP secret the demonstration admins and expert are enrolled with. */
	public static final String DEMO_SECRET = "ZHENGJIDEMOTOTPZHENGJIDEMOTOTPAB";

	private Totp() {
	}

	public static long step(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), 30);
	}

	public static String code(String secret, Instant at) {
		return codeAtStep(secret, step(at));
	}

	public static String codeAtStep(String secret, long step) {
		try {
			return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret.replace(" ", ""), step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
