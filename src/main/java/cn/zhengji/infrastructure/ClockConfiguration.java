package cn.zhengji.infrastructure;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deadlines, lockouts and expiries read time from this clock, so that tests can set it;
 * times outside any campaign are shown in one configured zone.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	DisplayTimeZone displayTimeZone(@Value("${zhengji.display-time-zone:Asia/Shanghai}") ZoneId zone) {
		return new DisplayTimeZone(zone);
	}

}
