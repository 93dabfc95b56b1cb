package cn.zhengji.publicity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.zhengji.account.AccountProfile;
import cn.zhengji.account.Accounts;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.campaign.ReviewRound;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Issue 13, demonstration only: the finished demonstration campaign
 * ({@code demo-results}, reviewed by review's DemoResults, which runs before) in public.
 * The micro-video round's awards were published for a period that has ended (today−12 …
 * today−6: published through {@link Publicities#publish}, the period then moved back in
 * this module's own row) and finalised, so that they are AWARD_FINAL and in the showcase;
 * the song round's awards are in publicity today−2 … today+5 (IN_PUBLICITY, the objection
 * form open at /results). A round published already is left as it is, so a restart
 * changes nothing.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class DemoPublicity implements ApplicationRunner {

	private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DemoPublicity.class);

	static final String CAMPAIGN = "demo-results";

	static final String ADMIN = "demo-province";

	private final Campaigns campaigns;

	private final Accounts accounts;

	private final Publicities publicities;

	private final PublicityRecords records;

	private final Texts texts;

	private final Clock clock;

	DemoPublicity(Campaigns campaigns, Accounts accounts, Publicities publicities, PublicityRecords records,
			Texts texts, Clock clock) {
		this.campaigns = campaigns;
		this.accounts = accounts;
		this.publicities = publicities;
		this.records = records;
		this.texts = texts;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		Optional<Campaign> demo = campaigns.findByCode(CAMPAIGN).filter(Campaign::demo);
		Optional<AccountProfile> admin = accounts.profiles(accounts.enabledIdsWithRole(Role.ORG_ADMIN))
			.stream()
			.filter((profile) -> profile.demo() && ADMIN.equals(profile.username()))
			.findFirst();
		if (!campaigns.demoEnabled() || demo.isEmpty() || admin.isEmpty()) {
			return;
		}
		SignedInUser actor = actor(admin.get());
		LocalDate today = LocalDate.ofInstant(clock.instant(), demo.get().timeZone());
		lastRound(demo.get(), "micro-video").ifPresent((round) -> {
			if (!records.publishedFor(round.id())) {
				long id = publish(actor, demo.get(), round, today, today);
				if (id > 0) {
					publicities.movePeriod(id, today.minusDays(12), today.minusDays(6));
				}
			}
		});
		lastRound(demo.get(), "song").ifPresent((round) -> {
			if (!records.publishedFor(round.id())) {
				publish(actor, demo.get(), round, today.minusDays(2), today.plusDays(5));
			}
		});
		publicities.finaliseDue();
	}

	/**
	 * Publishes the round's awards; a round whose works are no longer AWARDED (changed by
	 * hand) is left out with a log line rather than stopping the start.
	 */
	private long publish(SignedInUser actor, Campaign campaign, ReviewRound round, LocalDate startsOn,
			LocalDate endsOn) {
		String category = campaigns.findCategory(round.categoryId()).orElseThrow().name();
		try {
			return publicities.publish(actor, campaign.code(), round.id(),
					new PublicityInput(texts.plain("publicity.demo.title", campaign.title(), category), startsOn,
							endsOn, texts.plain("publicity.admin.defaultNotice")));
		}
		catch (PublicityChangeRejected ex) {
			LOG.warn("Demonstration publicity of round {} not published: {}", round.id(), ex.getMessage());
			return -1;
		}
	}

	private Optional<ReviewRound> lastRound(Campaign campaign, String categoryCode) {
		return campaigns.category(campaign, categoryCode)
			.map((category) -> campaigns.reviewRounds(category.id()))
			.filter((rounds) -> !rounds.isEmpty())
			.map(List::getLast);
	}

	/** The province admin as the actor of the demonstration's steps (no session). */
	private static SignedInUser actor(AccountProfile admin) {
		return new SignedInUser(admin.id(), admin.username(), admin.displayName(), admin.role(), admin.organisationId(),
				admin.organisationPath(), admin.organisationName(), "", false, false, true);
	}

}
