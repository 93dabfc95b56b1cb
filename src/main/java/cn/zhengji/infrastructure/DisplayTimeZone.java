package cn.zhengji.infrastructure;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The time zone in which the platform shows times that belong to no campaign (the audit
 * log, sign-in lockouts, lists and exports across campaigns):
 * {@code zhengji.display-time-zone}, by default Asia/Shanghai. A page or export about one
 * campaign shows its times in that campaign's own zone ({@code Campaign.timeZone()})
 * instead.
 */
public record DisplayTimeZone(ZoneId zone) {

	/**
	 * For templates: {@code ${#temporals.format(@displayTimeZone.at(instant), 'yyyy-MM-dd
	 * HH:mm')}}.
	 */
	public ZonedDateTime at(Instant instant) {
		return instant.atZone(zone);
	}
}
