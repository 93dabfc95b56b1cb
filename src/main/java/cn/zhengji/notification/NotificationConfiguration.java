package cn.zhengji.notification;

import java.time.ZoneId;

import cn.zhengji.infrastructure.DisplayTimeZone;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReminderProperties.class)
class NotificationConfiguration {

	/**
	 * Daily; db-scheduler runs it on one node at a time, and the reminder table stops any
	 * repeat.
	 */
	@Bean
	RecurringTask<Void> deadlineReminderTask(DeadlineReminders reminders, ReminderProperties properties,
			DisplayTimeZone displayTimeZone) {
		ZoneId zone = properties.zone() != null ? properties.zone() : displayTimeZone.zone();
		return Tasks.recurring("deadline-reminders", Schedules.daily(zone, properties.time()))
			.execute((instance, context) -> reminders.remind());
	}

}
