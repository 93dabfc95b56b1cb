package cn.zhengji.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

class PasswordPolicyTest {

	private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	PasswordPolicyTest() {
		messages.setBasename("messages-account");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
	}

	private List<String> problems(String password, String username, String mobile) {
		return PasswordPolicy.check(password, username, mobile)
			.stream()
			.map(v -> messages.getMessage(v.messageCode(), null, Locale.SIMPLIFIED_CHINESE))
			.toList();
	}

	@Test
	void acceptsPasswordsOfThreeClassesThatAreHardToGuess() {
		assertThat(problems("Fujian#Net2026", "zhangsan", "13812341234")).isEmpty();
		assertThat(problems("Demo#2026zj", null, null)).isEmpty();
		assertThat(problems("Zhengji@2026", null, null)).isEmpty();
	}

	/** Issue 11 item 6: the probe set these for admins. */
	@Test
	void refusesCommonPasswordsAndTheirVariations() {
		for (String common : List.of("P@ssw0rd", "Password1", "Qwerty123!", "Admin@123", "1qaz@WSX", "Abcd1234!")) {
			assertThat(problems(common, "demo-city", null)).as(common)
				.containsExactly("密码过于常见或容易猜到，请换一个更难猜的密码（例如几个不相关的词加数字和符号）。");
		}
	}

	@Test
	void generatedOneTimePasswordsPassThePolicy() {
		for (int i = 0; i < 50; i++) {
			assertThat(problems(OneTimePasswords.generate(), "demo-city", null)).isEmpty();
		}
	}

	@Test
	void refusesShorterThanEightCharacters() {
		assertThat(problems("Ab1!xyz", null, null)).containsExactly("密码至少需要8个字符。");
	}

	@Test
	void refusesFewerThanThreeCharacterClasses() {
		assertThat(problems("abcdefgh12", null, null)).containsExactly("密码须包含大写字母、小写字母、数字、符号中的至少3类。");
		assertThat(problems("ABCDEFGHIJ", null, null)).containsExactly("密码须包含大写字母、小写字母、数字、符号中的至少3类。");
	}

	@Test
	void countsChineseAndOtherCharactersAsSymbols() {
		assertThat(PasswordPolicy.characterClasses("ab12工会")).isEqualTo(3);
		assertThat(PasswordPolicy.characterClasses("ab 12")).isEqualTo(2);
	}

	@Test
	void refusesThePasswordEqualToOrContainingTheUsernameIgnoringCase() {
		assertThat(problems("ZhangSan#2026", "zhangsan", null)).containsExactly("密码不能包含用户名。");
		assertThat(problems("Zhang.San1", "zhang.san1", null)).containsExactly("密码不能包含用户名。");
	}

	@Test
	void refusesThePasswordContainingTheMobileNumber() {
		assertThat(problems("Ab13812341234", null, "13812341234")).containsExactly("密码不能包含手机号。");
	}

	@Test
	void refusesOverlongPasswords() {
		assertThat(problems("Ab1!" + "x".repeat(61), null, null)).containsExactly("密码不能超过64个字符。");
	}

	@Test
	void reportsEveryBrokenRuleAtOnce() {
		assertThat(problems("admin", "admin", null)).containsExactly("密码至少需要8个字符。", "密码须包含大写字母、小写字母、数字、符号中的至少3类。",
				"密码不能包含用户名。");
		assertThat(problems(null, null, null)).containsExactly("密码至少需要8个字符。", "密码须包含大写字母、小写字母、数字、符号中的至少3类。");
	}

}
