package cn.zhengji.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code --zhengji.audit.verify-chain=true}: checks the audit chain, prints the result
 * and exits with 0 (intact) or 3 (broken), for a cron job or an auditor without a
 * browser. {@code bin/verify-audit} runs it without the web server.
 */
@Component
@ConditionalOnProperty("zhengji.audit.verify-chain")
class AuditChainCommand implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AuditChainCommand.class);

	static final int BROKEN = 3;

	private final AuditChainVerification verification;

	private final ConfigurableApplicationContext context;

	AuditChainCommand(AuditChainVerification verification, ConfigurableApplicationContext context) {
		this.verification = verification;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		AuditChainVerification.Report report = verification.verify();
		report.firstBroken()
			.ifPresentOrElse(
					broken -> log.error(
							"AUDIT CHAIN BROKEN at event id {} (chain position {}): {}; {} links before it are intact",
							broken.eventId(), broken.chainSeq(), broken.fault(), report.intact()),
					() -> log.info("Audit chain intact: {} links checked{}", report.intact(),
							report.purgedUpTo().map(seq -> ", starting after purged link " + seq).orElse("")));
		if (report.unchained() > 0) {
			log.warn("{} audit events are outside the chain (written before it began, or inserted by hand)",
					report.unchained());
		}
		int code = report.isIntact() ? 0 : BROKEN;
		System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
	}

}
