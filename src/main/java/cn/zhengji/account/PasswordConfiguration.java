package cn.zhengji.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class PasswordConfiguration {

	/**
	 * Argon2id rather than BCrypt: it is memory-hard (16 MiB per hash here), so a stolen
	 * table costs an attacker memory as well as time per guess, which GPUs do not have
	 * cheaply; it has no 72-byte input limit; and BouncyCastle, which we already ship for
	 * SM3/SM4, provides it. About 50 ms per hash on one core, which sign-in and
	 * registration can afford.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
	}

}
