package cn.zhengji.voting.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.voting.Voters.Voter;
import org.springframework.stereotype.Component;

/**
 * The stateless voter credential (issue 13 item 5 c): after {@code /vote/verify} the
 * browser holds {@value #NAME} = {@code voterId.expiry.masked.signature}, the signature
 * an HMAC-SHA256 under a key derived from the platform's index key
 * ({@link PersonalDataCipher#derivedKey}), so every node checks it without the session
 * and without a database read. HttpOnly, SameSite=Strict, Secure on https, path
 * {@code /vote}; valid {@link #LIFETIME}.
 */
@Component
class VoterCookie {

	static final String NAME = "ZJVOTER";

	static final Duration LIFETIME = Duration.ofDays(7);

	private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

	private final SecretKeySpec key;

	private final Clock clock;

	VoterCookie(PersonalDataCipher cipher, Clock clock) {
		this.key = new SecretKeySpec(cipher.derivedKey("voter-cookie"), "HmacSHA256");
		this.clock = clock;
	}

	/** Sets the cookie for the voter. */
	void issue(Voter voter, HttpServletRequest request, HttpServletResponse response) {
		Cookie cookie = new Cookie(NAME, value(voter, clock.instant().plus(LIFETIME)));
		cookie.setPath("/vote");
		cookie.setHttpOnly(true);
		cookie.setSecure(request.isSecure());
		cookie.setMaxAge((int) LIFETIME.toSeconds());
		cookie.setAttribute("SameSite", "Strict");
		response.addCookie(cookie);
	}

	/** The signed value for the voter, valid until the instant. */
	String value(Voter voter, Instant expires) {
		String payload = voter.id() + "." + expires.getEpochSecond() + "." + voter.maskedMobile();
		return payload + "." + sign(payload);
	}

	/** The voter of a valid cookie of the request, or null (none, forged, expired). */
	Voter voter(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		for (Cookie cookie : cookies) {
			if (NAME.equals(cookie.getName())) {
				Voter voter = parse(cookie.getValue());
				if (voter != null) {
					return voter;
				}
			}
		}
		return null;
	}

	Voter parse(String value) {
		if (value == null || value.length() > 200) {
			return null;
		}
		String[] parts = value.split("\\.", -1);
		if (parts.length != 4 || !parts[0].matches("[0-9]{1,18}") || !parts[1].matches("[0-9]{1,12}")
				|| !parts[2].matches("[0-9*]{4,20}")) {
			return null;
		}
		String payload = parts[0] + "." + parts[1] + "." + parts[2];
		if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
				parts[3].getBytes(StandardCharsets.US_ASCII))) {
			return null;
		}
		if (Instant.ofEpochSecond(Long.parseLong(parts[1])).isBefore(clock.instant())) {
			return null;
		}
		return new Voter(Long.parseLong(parts[0]), parts[2]);
	}

	private String sign(String payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return BASE64.encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 failed", ex);
		}
	}

}
