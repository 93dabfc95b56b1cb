package cn.zhengji.similarity;

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
 * Issue 15 item 1: the background work of fingerprints, on db-scheduler: one execution
 * per source across all nodes, a heartbeat while it runs, a dead execution picked up
 * again by another node, retries after 1, 2, 4 … minutes; and the back-fill.
 */
@Configuration(proxyBeanMethods = false)
class SimilarityConfiguration {

	@Bean
	OneTimeTask<Void> fingerprintSourceTask(FingerprintJob job) {
		return Tasks.oneTime(FingerprintRequests.TASK)
			.onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofMinutes(1)))
			.execute((instance, context) -> job.run(Long.parseLong(instance.getId())));
	}

	/**
	 * The back-fill and safety net ({@link FingerprintRequests#sweep}), every
	 * {@code zhengji.similarity.sweep}: fingerprints everything already stored when the
	 * module is deployed.
	 */
	@Bean
	RecurringTask<Void> sweepFingerprintsTask(FingerprintRequests requests,
			PlatformTransactionManager transactionManager,
			@Value("${zhengji.similarity.sweep:10m}") Duration interval) {
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		return Tasks.recurring("sweep-fingerprints", FixedDelay.of(interval))
			.execute((instance, context) -> requests.sweep(context.getSchedulerClient(), transactions));
	}

}
