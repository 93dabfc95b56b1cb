package cn.zhengji.playback;

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
 * Issue 13 item 3: the background work of web copies, on db-scheduler: one execution
 * across all nodes (picked with a row lock released before the work starts), a heartbeat
 * while it runs, and a dead execution (its node died) picked up again by another node.
 */
@Configuration(proxyBeanMethods = false)
class PlaybackConfiguration {

	/**
	 * One execution per attachment (instance id = its id). A failure the maker throws
	 * (input/output, before its last attempt) is retried after 1, 2, 4 … minutes.
	 */
	@Bean
	OneTimeTask<Void> makeWebCopyTask(WebCopyMaker maker) {
		return Tasks.oneTime(WebCopyRequests.TASK)
			.onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofMinutes(1)))
			.execute((instance, context) -> maker.make(Long.parseLong(instance.getId())));
	}

	/**
	 * The safety net ({@link WebCopyRequests#sweep}), every
	 * {@code zhengji.playback.sweep}.
	 */
	@Bean
	RecurringTask<Void> sweepWebCopiesTask(WebCopyRequests requests, PlatformTransactionManager transactionManager,
			@Value("${zhengji.playback.sweep:10m}") Duration interval) {
		TransactionTemplate transactions = new TransactionTemplate(transactionManager);
		return Tasks.recurring("sweep-web-copies", FixedDelay.of(interval))
			.execute((instance, context) -> requests.sweep(context.getSchedulerClient(), transactions));
	}

}
