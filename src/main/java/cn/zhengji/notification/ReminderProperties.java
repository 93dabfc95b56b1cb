package cn.zhengji.notification;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadline reminders ({@code zhengji.reminders.*}).
 *
 * @param daysBefore how many days before the last day of a phase the admins with waiting
 * entries are reminded, e.g. 3 and 1
 * @param time when the daily job runs
 * @param zone the time zone of {@code time}; by default the platform's display time zone
 */
@ConfigurationProperties("zhengji.reminders")
record ReminderProperties(@DefaultValue( {
		"3", "1" }) List<Integer> daysBefore, @DefaultValue("08:30") LocalTime time, ZoneId zone){
}
