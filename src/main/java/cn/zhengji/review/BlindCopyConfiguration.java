package cn.zhengji.review;

import java.time.Duration;
import java.util.UUID;

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
 * Issue 12 item 4: the background work of blind copies, on db-scheduler (one execution
 * across all nodes, picked with a row lock that is released before the work starts).
 */
@Configuration(proxyBeanMethods = false)
class BlindCopyConfiguration {

	/**
	 * One execution per source file (instance id = the stored file's id). A failure the
	 * maker throws (input/output, before its last attempt) is retried after 1, 2, 4 …
	 * minutes; a node that dies during the work leaves a dead execution that db-scheduler
	 * revives.
	 */
	@Bean
	OneTimeTask<Void> makeBlindCopyTask(BlindCopyMaker maker) {
		return Tasks.oneTime(BlindCopyRequests.TASK)
			.onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofMinutes(1)))
			.execute((instance, context) -> maker.make(UUID.fromString(instance.getId())));
	}

	/**
	 * The safety net ({@link BlindCopyRequests#sweep}), every
	 * {@code zhengji.review.blind-copy-sweep}.
	 */
	@Bean
	RecurringTask<Void> sweepBlindCopiesTask(BlindCopyRequests requests, PlatformTransactionManager transactionManager,
			@Value("${zhengji.review.blind-copy-sweep:10m}") Duration interval) {
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		return Tasks.recurring("sweep-blind-copies", FixedDelay.of(interval))
			.execute((instance, context) -> requests.sweep(context.getSchedulerClient(), transactions));
	}

}
