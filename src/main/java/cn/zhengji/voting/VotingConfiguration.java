package cn.zhengji.voting;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The voting module's limits and its clean-up job (db-scheduler: one node at a time). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(VotingLimits.class)
class VotingConfiguration {

	@Bean
	RecurringTask<Void> purgeVoteCounters(Ballots ballots, Challenges challenges) {
		return Tasks.recurring("purge-vote-counters", FixedDelay.of(Duration.ofMinutes(10)))
			.execute((instance, context) -> {
				ballots.purgeCounters();
				challenges.purge();
			});
	}

}
