package cn.zhengji.infrastructure.backup;

import java.nio.file.Path;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command-line mode of {@link Backup} ({@code bin/backup <folder>},
 * {@code bin/restore <folder>}): started with {@code zhengji.backup.to} or
 * {@code zhengji.restore.from}, the platform does that one thing as the schema owner and
 * exits (status 0 when done).
 */
@Component
@ConditionalOnExpression("'${zhengji.backup.to:}' != '' or '${zhengji.restore.from:}' != ''")
class BackupCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BackupCommand.class);

	private final Backup backup;

	private final String backupTo;

	private final String restoreFrom;

	private final ConfigurableApplicationContext context;

	BackupCommand(Flyway flyway, @Value("${zhengji.data-dir:./data}") Path dataDir,
			@Value("${zhengji.backup.to:}") String backupTo, @Value("${zhengji.restore.from:}") String restoreFrom,
			ConfigurableApplicationContext context) {
		// Flyway's connection is the schema owner's, who may read and replace every row.
		this.backup = new Backup(flyway.getConfiguration().getDataSource(), dataDir.resolve("files"));
		this.backupTo = backupTo;
		this.restoreFrom = restoreFrom;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		int status = 0;
		try {
			if (!backupTo.isBlank()) {
				backup.backupTo(Path.of(backupTo));
				log.warn("Backup written to {} (database and files, checksums in {})", backupTo, Backup.SUMS);
			}
			else {
				backup.restoreFrom(Path.of(restoreFrom));
				log.warn("Restored database and files from {}; checksums compared", restoreFrom);
			}
		}
		catch (RuntimeException ex) {
			log.error("{}", ex.getMessage(), ex);
			status = 1;
		}
		int exitStatus = status;
		System.exit(SpringApplication.exit(context, () -> exitStatus));
	}

}
