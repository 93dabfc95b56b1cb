package cn.zhengji.notification;

import java.time.Instant;
import java.time.ZoneOffset;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.EntryState;
import cn.zhengji.submission.EntryTransitioned;
import cn.zhengji.submission.EntryTransitioned.Step;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestAccounts.TestAccount;
import cn.zhengji.support.TestEntries;
import cn.zhengji.support.TestOrganisations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scenery of notification tests, written directly: fresh organisations (so that no
 * admin of another test is among the recipients), accounts with or without a mobile
 * number, entries. The behaviour under test (listeners, services, pages) runs for real.
 */
public class NotificationFixtures {

	private final TestOrganisations organisations;

	private final TestAccounts accounts;

	private final TestEntries entries;

	public NotificationFixtures(JdbcClient jdbc, Organisations organisations, PersonalDataCipher cipher,
			UserDetailsService userDetails) {
		this.organisations = new TestOrganisations(jdbc, organisations);
		this.accounts = new TestAccounts(jdbc, cipher, userDetails);
		this.entries = new TestEntries(jdbc);
	}

	/**
	 * An account and what its holder types to sign in; {@code mobile} is null without a
	 * number.
	 */
	public record Person(long id, String login, String mobile, String displayName) {
	}

	public Organisation organisation(Organisation parent, String prefix, OrganisationKind kind) {
		return organisations.create(parent, prefix, kind);
	}

	public Organisation byCode(String code) {
		return organisations.byCode(code);
	}

	/**
	 * An organisation admin with a mobile number (so that it may opt in to text
	 * messages).
	 */
	public Person admin(Organisation organisation) {
		return person(staff(organisation).withMobile());
	}

	public Person adminWithoutMobile(Organisation organisation) {
		return person(staff(organisation));
	}

	public Person disabledAdmin(Organisation organisation) {
		return person(staff(organisation).withMobile().disabled());
	}

	public Person participant(Organisation organisation) {
		return person(accounts.participant(organisation).displayName(TestOrganisations.unique("消息职工")));
	}

	private TestAccounts.Builder staff(Organisation organisation) {
		return accounts.admin(organisation)
			.username(TestOrganisations.unique("notice-org-admin") + "-"
					+ Long.toString(System.nanoTime() % 1_000_000, 36))
			.displayName(TestOrganisations.unique("消息管理员"));
	}

	private static Person person(TestAccounts.Builder builder) {
		TestAccount account = builder.create();
		return new Person(account.id(), account.login(), account.mobile(), account.displayName());
	}

	/** The principal exactly as signing in would produce it. */
	public SignedInUser signedIn(Person person) {
		return accounts.signedIn(person.login());
	}

	/** A draft entry of the campaign's first category, written directly. */
	public long entry(Campaign campaign, Campaigns campaigns, Organisation organisation, Long ownerAccountId,
			long createdBy, String title) {
		return entries.draft(campaign, campaigns.categories(campaign).getFirst().id(), organisation, ownerAccountId,
				createdBy, title);
	}

	/** Puts an entry in the queue of an organisation, as the approval chain does. */
	public void waitAt(long entryId, Organisation pending) {
		entries.waitAt(entryId, pending);
	}

	/** Publishes the event inside a transaction, as every entry change does. */
	public static void publish(TransactionTemplate transactions, ApplicationEventPublisher events,
			EntryTransitioned event) {
		transactions.executeWithoutResult(status -> events.publishEvent(event));
	}

	public static EntryTransitioned event(long entryId, Campaign campaign, String title, EntryState from, EntryState to,
			Step step, Long level, Long next, Long owner, long organisationId, long actorId, String actorName,
			String remark) {
		return new EntryTransitioned(entryId, campaign.id(), 0L, title, from, to, step, level, next, owner,
				organisationId, actorId, actorName, remark, Instant.now().atOffset(ZoneOffset.UTC).toInstant());
	}

}
