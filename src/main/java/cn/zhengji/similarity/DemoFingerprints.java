package cn.zhengji.similarity;

import cn.zhengji.campaign.Campaigns;
import cn.zhengji.organisation.SeedOrder;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 15, demonstration only: once the demonstration works exist (their runners come
 * first), asks for their fingerprints at once through the back-fill
 * ({@link FingerprintRequests#sweep}), so that the demo's flagged pair (the re-encoded
 * copy of a winner in {@code demo-fujian}) is flagged a few seconds after the start
 * rather than at the back-fill's next run. The real job does the work; nothing about
 * matches is seeded.
 */
@Component
@Order(SeedOrder.ACCOUNTS + 40)
class DemoFingerprints implements ApplicationRunner {

	private final Campaigns campaigns;

	private final FingerprintRequests requests;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final TransactionTemplate transactions;

	DemoFingerprints(Campaigns campaigns, FingerprintRequests requests, ObjectProvider<SchedulerClient> scheduler,
			TransactionTemplate transactions) {
		this.campaigns = campaigns;
		this.requests = requests;
		this.scheduler = scheduler;
		this.transactions = transactions;
	}

	@Override
	public void run(ApplicationArguments args) {
		SchedulerClient client = scheduler.getIfAvailable();
		if (campaigns.demoEnabled() && client != null) {
			requests.sweep(client, transactions);
		}
	}

}
