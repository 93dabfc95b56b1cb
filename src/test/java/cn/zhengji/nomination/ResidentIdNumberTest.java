package cn.zhengji.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import cn.zhengji.nomination.InvalidResidentIdNumberException.Reason;

/**
 * Every number here is made up: 17 chosen digits and a check character computed below,
 * independently of the code.
 */
class ResidentIdNumberTest {

	/** 2024-09-01 10:00 in Fuzhou. */
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-09-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

	/**
	 * ISO 7064 MOD 11-2 written from the standard: weights 2^(17-i) mod 11, check = (12 -
	 * sum mod 11) mod 11.
	 */
	static String withCheckDigit(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * (int) (Math.pow(2, 17 - i) % 11);
		}
		return first17 + "10X98765432".charAt(sum % 11);
	}

	private static String wrongCheckDigit(String first17) {
		char right = withCheckDigit(first17).charAt(17);
		return first17 + (right == '0' ? '1' : '0');
	}

	private static ResidentIdNumber parse(String text) {
		return ResidentIdNumber.parse(text, CLOCK);
	}

	@Test
	void acceptsTheWorkedExamplesOfTheStandard() {
		assertThat(ResidentIdNumber.parse("11010519491231002X").birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
	}

	@Test
	void readsTheBirthDateSexAndRegion() {
		ResidentIdNumber number = parse(withCheckDigit("35010219880229123"));

		assertThat(number.birthDate()).isEqualTo(LocalDate.of(1988, 2, 29));
		assertThat(number.sex()).isEqualTo(ResidentIdNumber.Sex.MALE);
		assertThat(number.value()).startsWith("350102");
		assertThat(parse(withCheckDigit("35010219880229124")).sex()).isEqualTo(ResidentIdNumber.Sex.FEMALE);
	}

	@Test
	void acceptsLowerCaseXAndStoresUpperCase() {
		String upper = firstWithCheckDigitX();
		ResidentIdNumber number = parse(upper.toLowerCase());

		assertThat(number.value()).isEqualTo(upper).endsWith("X");
		assertThat(number).isEqualTo(parse(upper)).hasSameHashCodeAs(parse(upper));
	}

	@Test
	void ignoresSurroundingBlanks() {
		String value = withCheckDigit("35010219900101123");
		assertThat(parse("  " + value + " ").value()).isEqualTo(value);
	}

	@Test
	void masksAllButTheFirstSixAndTheLastFour() {
		String value = withCheckDigit("35010219900101123");
		ResidentIdNumber number = parse(value);

		assertThat(number.masked()).isEqualTo("350102********123" + value.charAt(17)).hasSize(18);
		assertThat(number.toString()).isEqualTo(number.masked()).doesNotContain("19900101");
	}

	@Test
	void masksAsInTheRequirement() {
		// The last four characters fixed to 1234: choose a birth date for which the check
		// character is 4.
		String found = null;
		for (LocalDate day = LocalDate.of(1990, 1, 1); found == null && day.getYear() < 1991; day = day.plusDays(1)) {
			String candidate = withCheckDigit("350102" + day.toString().replace("-", "") + "123");
			if (candidate.endsWith("1234")) {
				found = candidate;
			}
		}
		assertThat(found).isNotNull();
		assertThat(parse(found).masked()).isEqualTo("350102********1234");
	}

	@Test
	void comparesByValue() {
		assertThat(parse(withCheckDigit("35010219900101123"))).isNotEqualTo(parse(withCheckDigit("35010219900101125")));
	}

	@Test
	void bornInComparesTheMonthOfTheBirthDate() {
		ResidentIdNumber number = parse(withCheckDigit("35010219880229123"));

		assertThat(number.bornIn(YearMonth.of(1988, 2))).isTrue();
		assertThat(number.bornIn(YearMonth.of(1988, 3))).isFalse();
		assertThat(number.bornIn(YearMonth.of(1989, 2))).isFalse();
		assertThat(number.bornIn(null)).isFalse();
	}

	@Test
	void rejectsEmptyText() {
		assertRejected(null, Reason.FORMAT, "请填写身份证号码。");
		assertRejected("   ", Reason.FORMAT, "请填写身份证号码。");
	}

	@Test
	void rejectsAWrongLength() {
		assertRejected("35010219900101123", Reason.FORMAT, "身份证号码应为18位，现为17位。");
		assertRejected(withCheckDigit("35010219900101123") + "1", Reason.FORMAT, "身份证号码应为18位，现为19位。");
		// 15-digit numbers of the first generation are no longer valid documents.
		assertRejected("350102900101123", Reason.FORMAT, "身份证号码应为18位，现为15位。");
	}

	@Test
	void rejectsLettersAndNonAsciiDigits() {
		assertRejected("3501021990010112A4", Reason.FORMAT, "身份证号码应为17位数字加1位数字或X。");
		assertRejected("35010219900101123Y", Reason.FORMAT, "身份证号码应为17位数字加1位数字或X。");
		assertRejected("X50102199001011234", Reason.FORMAT, "身份证号码应为17位数字加1位数字或X。");
		// Full-width digits are digits to Character.isDigit, but not in an ID number.
		assertRejected("３50102199001011234", Reason.FORMAT, "身份证号码应为17位数字加1位数字或X。");
	}

	@Test
	void rejectsRegionsThatAreNoProvince() {
		assertRejected(withCheckDigit("00010219900101123"), Reason.REGION, "身份证号码前两位“00”不是有效的省级行政区划代码。");
		assertRejected(withCheckDigit("10010219900101123"), Reason.REGION, "身份证号码前两位“10”不是有效的省级行政区划代码。");
		assertRejected(withCheckDigit("66010219900101123"), Reason.REGION, "身份证号码前两位“66”不是有效的省级行政区划代码。");
		assertRejected(withCheckDigit("84010219900101123"), Reason.REGION, "身份证号码前两位“84”不是有效的省级行政区划代码。");
		assertRejected(withCheckDigit("99010219900101123"), Reason.REGION, "身份证号码前两位“99”不是有效的省级行政区划代码。");
	}

	@Test
	void acceptsEveryProvinceLevelCodeIncludingHongKongMacaoAndTaiwan() {
		for (String province : new String[] { "11", "35", "65", "71", "81", "82", "83" }) {
			assertThat(parse(withCheckDigit(province + "010219900101123")).value()).startsWith(province);
		}
	}

	@Test
	void rejectsDatesThatDoNotExist() {
		assertRejected(withCheckDigit("35010219890229123"), Reason.BIRTH_DATE, "身份证号码中的出生日期“19890229”不是有效日期。");
		// 1900 is not a leap year (divisible by 100), 2000 is (divisible by 400).
		assertRejected(withCheckDigit("35010219000229123"), Reason.BIRTH_DATE, "身份证号码中的出生日期“19000229”不是有效日期。");
		assertThat(parse(withCheckDigit("35010220000229123")).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
		assertRejected(withCheckDigit("35010219901301123"), Reason.BIRTH_DATE, "身份证号码中的出生日期“19901301”不是有效日期。");
		assertRejected(withCheckDigit("35010219900001123"), Reason.BIRTH_DATE, "身份证号码中的出生日期“19900001”不是有效日期。");
		assertRejected(withCheckDigit("35010219900431123"), Reason.BIRTH_DATE, "身份证号码中的出生日期“19900431”不是有效日期。");
		assertRejected(withCheckDigit("35010219900100123"), Reason.BIRTH_DATE, "身份证号码中的出生日期“19900100”不是有效日期。");
	}

	@Test
	void acceptsTodayAndRejectsTomorrowInShanghai() {
		assertThat(parse(withCheckDigit("35010220240901123")).birthDate()).isEqualTo(LocalDate.of(2024, 9, 1));
		assertRejected(withCheckDigit("35010220240902123"), Reason.BIRTH_DATE, "身份证号码中的出生日期“20240902”晚于今天。");
		// At 2024-08-31T17:00Z it is already 1 September in Shanghai.
		Clock lateEveningUtc = Clock.fixed(Instant.parse("2024-08-31T17:00:00Z"), ZoneId.of("UTC"));
		assertThat(ResidentIdNumber.parse(withCheckDigit("35010220240901123"), lateEveningUtc).birthDate())
			.isEqualTo(LocalDate.of(2024, 9, 1));
	}

	@Test
	void acceptsThe1stOfJanuary1900AndRejectsEarlierDates() {
		assertThat(parse(withCheckDigit("35010219000101123")).birthDate()).isEqualTo(LocalDate.of(1900, 1, 1));
		assertRejected(withCheckDigit("35010218991231123"), Reason.BIRTH_DATE, "身份证号码中的出生日期“18991231”早于1900年。");
	}

	@Test
	void rejectsAWrongCheckDigit() {
		assertRejected(wrongCheckDigit("35010219900101123"), Reason.CHECK_DIGIT, "身份证号码校验码不正确，请核对每一位数字。");
		// Two digits swapped: the weighted sum catches it.
		String right = withCheckDigit("35010219900101123");
		String swapped = right.substring(0, 14) + right.charAt(15) + right.charAt(14) + right.substring(16);
		assertRejected(swapped, Reason.CHECK_DIGIT, "身份证号码校验码不正确，请核对每一位数字。");
	}

	@Test
	void aDigitWhereXBelongsIsACheckDigitError() {
		String x = firstWithCheckDigitX();
		assertRejected(x.substring(0, 17) + "0", Reason.CHECK_DIGIT, "身份证号码校验码不正确，请核对每一位数字。");
	}

	@Test
	void exposesTheMessageCodeForTheForm() {
		assertThatThrownBy(() -> parse("35010219900101123"))
			.isInstanceOfSatisfying(InvalidResidentIdNumberException.class, e -> {
				assertThat(e.messageCode()).isEqualTo("nomination.id-number.length");
				assertThat(e.arguments()).containsExactly(17);
			});
	}

	@Test
	void theSystemClockOverloadAcceptsAValidNumber() {
		assertThat(ResidentIdNumber.parse(withCheckDigit("35010219900101123")).birthDate())
			.isEqualTo(LocalDate.of(1990, 1, 1));
	}

	private static String firstWithCheckDigitX() {
		for (int d = 0; d <= 999; d++) {
			String candidate = withCheckDigit("35010219900101" + String.format("%03d", d));
			if (candidate.endsWith("X")) {
				return candidate;
			}
		}
		throw new AssertionError("no number with check character X");
	}

	private static void assertRejected(String text, Reason reason, String message) {
		assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(InvalidResidentIdNumberException.class, e -> {
			assertThat(e.reason()).isEqualTo(reason);
			assertThat(e.getMessage()).isEqualTo(message);
		});
	}

}
