package cn.zhengji.handoff;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Issue 14 item 3: the import of a province's package runs on db-scheduler — one
 * execution across all nodes, a heartbeat while it runs, picked up again elsewhere when
 * its node dies.
 */
@Configuration(proxyBeanMethods = false)
class HandoffConfiguration {

	/**
	 * One execution per import (instance id = its id); a failure is retried after 1, 2, 4
	 * minutes, three times at most.
	 */
	@Bean
	OneTimeTask<Void> handoffImportTask(PackageImports imports) {
		return Tasks.oneTime(PackageImports.TASK)
			.onFailure(new FailureHandler.MaxRetriesFailureHandler<>(4,
					new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofMinutes(1))))
			.execute((instance, context) -> imports.run(Long.parseLong(instance.getId())));
	}

}
