package cn.zhengji.publicity;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PublicityConfiguration {

	/**
	 * Every 10 minutes, on one node at a time (db-scheduler): ends the publicity periods
	 * whose last day is over ({@link Publicities#finaliseDue}); a list's row lock keeps a
	 * late second run from finalising twice.
	 */
	@Bean
	RecurringTask<Void> publicityFinaliseTask(Publicities publicities) {
		return Tasks.recurring("publicity-finalise", Schedules.fixedDelay(Duration.ofMinutes(10)))
			.execute((instance, context) -> publicities.finaliseDue());
	}

}
