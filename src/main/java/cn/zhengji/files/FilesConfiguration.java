package cn.zhengji.files;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UploadProperties.class)
class FilesConfiguration {

	@Bean
	FileStorage fileStorage(@Value("${zhengji.data-dir:./data}") Path dataDir) throws IOException {
		LocalFileStorage storage = new LocalFileStorage(dataDir.resolve("files"));
		storage.restrictPermissions();
		return storage;
	}

	/** Runs on one node at a time (db-scheduler picks the task with a row lock). */
	@Bean
	RecurringTask<Void> removeExpiredUploads(UploadExpiry expiry, UploadProperties properties) {
		return Tasks.recurring("remove-expired-uploads", FixedDelay.of(properties.expiryCheckInterval()))
			.execute((instance, context) -> expiry.removeExpired());
	}

	/**
	 * Issue 11 item 9: every stored file re-hashed once per
	 * {@code zhengji.files.scrub-every}, by runs every
	 * {@code zhengji.files.scrub-interval}; on one node at a time.
	 */
	@Bean
	RecurringTask<Void> scrubStoredFiles(FileScrub scrub,
			@Value("${zhengji.files.scrub-interval:10m}") Duration interval) {
		return Tasks.recurring("scrub-stored-files", FixedDelay.of(interval))
			.execute((instance, context) -> scrub.run());
	}

	/** One per node: the running digests are a shortcut of this node's memory. */
	@Bean
	RunningDigests runningDigests() {
		return new RunningDigests();
	}

}
