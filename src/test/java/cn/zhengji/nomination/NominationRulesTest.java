package cn.zhengji.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;

import cn.zhengji.infrastructure.text.CharacterCount;
import org.junit.jupiter.api.Test;

import cn.zhengji.nomination.InvalidResidentIdNumberException.Reason;

class NominationRulesTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-09-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));

	@Test
	void countsEveryCharacterAsOneAndLineBreaksAsNone() {
		assertThat(CharacterCount.of("八闽好网民")).isEqualTo(5);
		assertThat(CharacterCount.of("5G网络，AI。")).isEqualTo(8);
		assertThat(CharacterCount.of("第一段\r\n第二段\n")).isEqualTo(6);
		// A character outside the BMP (two UTF-16 units) is one character.
		assertThat(CharacterCount.of("𠮷野家")).isEqualTo(3);
		assertThat(CharacterCount.of(null)).isZero();
		assertThat(CharacterCount.of(SheetSamples.chinese(1500, 7))).isEqualTo(NominationRules.REASONS_MAX_CHARACTERS);
	}

	@Test
	void acceptsAnIdNumberBornInTheGivenMonth() {
		String number = ResidentIdNumberTest.withCheckDigit("35010219880229123");

		assertThat(ResidentIdNumber.parse(number, CLOCK).bornIn(YearMonth.of(1988, 2))).isTrue();
	}

	@Test
	void rejectsAnIdNumberBornInAnotherMonthThanTheForm() {
		String number = ResidentIdNumberTest.withCheckDigit("35010219880229123");

		assertThat(ResidentIdNumber.parse(number, CLOCK).bornIn(YearMonth.of(1988, 3))).isFalse();
		assertThat(ResidentIdNumber.parse(number, CLOCK).bornIn(null)).isFalse();
	}

	@Test
	void reportsAnInvalidNumberBeforeComparingMonths() {
		assertThatThrownBy(() -> ResidentIdNumber.parse("35010219880229123", CLOCK)).isInstanceOfSatisfying(
				InvalidResidentIdNumberException.class, e -> assertThat(e.reason()).isEqualTo(Reason.FORMAT));
	}

}
