package cn.zhengji.audit;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The audit module's jobs; db-scheduler runs each on one node at a time. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

	@Bean
	RecurringTask<Void> purgeExpiredAuditEvents(AuditRetention retention) {
		return Tasks.recurring("purge-expired-audit-events", FixedDelay.of(Duration.ofHours(24)))
			.execute((instance, context) -> retention.purge());
	}

	@Bean
	RecurringTask<Void> writeDeniedRequestCounts(DeniedRequestLog deniedRequests) {
		return Tasks.recurring("write-denied-request-counts", FixedDelay.of(Duration.ofMinutes(1)))
			.execute((instance, context) -> deniedRequests.flush());
	}

}
