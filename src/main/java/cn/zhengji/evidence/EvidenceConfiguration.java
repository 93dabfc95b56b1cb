package cn.zhengji.evidence;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15 item 3: the background work of the evidence frames on db-scheduler, as
 * playback's web copies: one execution across all nodes, a heartbeat while it runs, a
 * dead execution picked up again by another node, retries after 1, 2, 4 … minutes.
 */
@Configuration(proxyBeanMethods = false)
class EvidenceConfiguration {

	@Bean
	OneTimeTask<Void> makeVideoEvidenceTask(EvidenceMaker maker) {
		return Tasks.oneTime(EvidenceRequests.TASK)
			.onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofMinutes(1)))
			.execute((instance, context) -> maker.make(Long.parseLong(instance.getId())));
	}

	/** Schedules again what is still open, every {@code zhengji.evidence.sweep}. */
	@Bean
	RecurringTask<Void> sweepVideoEvidenceTask(EvidenceRequests requests, PlatformTransactionManager transactionManager,
			@Value("${zhengji.evidence.sweep:10m}") Duration interval) {
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		return Tasks.recurring("sweep-video-evidence", FixedDelay.of(interval))
			.execute((instance, context) -> requests.sweep(context.getSchedulerClient(), transactions));
	}

}
