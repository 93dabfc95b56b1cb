package cn.zhengji.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OneTimePasswordsTest {

	@Test
	void generatesPasswordsOfFourteenCharactersThatMeetThePolicy() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			String password = OneTimePasswords.generate();
			assertThat(password).hasSize(14);
			assertThat(PasswordPolicy.check(password, "admin", null)).isEmpty();
			assertThat(PasswordPolicy.characterClasses(password)).isEqualTo(4);
			assertThat(password).doesNotContainAnyWhitespaces().doesNotContain("0", "O", "1", "l", "I");
			seen.add(password);
		}
		assertThat(seen).hasSize(2000);
	}

}
