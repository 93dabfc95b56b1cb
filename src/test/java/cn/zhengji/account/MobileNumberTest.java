package cn.zhengji.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MobileNumberTest {

	@Test
	void recognisesMainlandMobileNumbersIgnoringSpacesAndDashes() {
		assertThat(MobileNumber.parse("13800000001")).contains(new MobileNumber("13800000001"));
		assertThat(MobileNumber.parse("138 0000-0001")).contains(new MobileNumber("13800000001"));
		assertThat(MobileNumber.parse("12800000001")).isEmpty();
		assertThat(MobileNumber.parse("1380000000")).isEmpty();
		assertThat(MobileNumber.parse("admin")).isEmpty();
		assertThat(MobileNumber.parse(null)).isEmpty();
	}

	@Test
	void masksTheMiddleFourDigits() {
		assertThat(new MobileNumber("13812341234").masked()).isEqualTo("138****1234");
		assertThat(new MobileNumber("13812341234").toString()).isEqualTo("138****1234");
	}

}
