package cn.zhengji.notification;

import java.time.Instant;
import java.time.ZoneOffset;

import cn.zhengji.account.AccountFixtures;
import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.OrganisationTestData;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.submission.EntryState;
import cn.zhengji.submission.EntryTransitioned;
import cn.zhengji.submission.EntryTransitioned.Step;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scenery of notification tests, written directly: fresh organisations (so that no admin of
 * another test is among the recipients), accounts with or without a mobile number, entries. The
 * behaviour under test (listeners, services, pages) runs for real.
 */
public class NotificationFixtures {

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final PersonalDataCipher cipher;

	private final UserDetailsService userDetails;

	private final OrganisationTestData data;

	public NotificationFixtures(JdbcClient jdbc, Organisations organisations, PersonalDataCipher cipher,
			UserDetailsService userDetails) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.cipher = cipher;
		this.userDetails = userDetails;
		this.data = new OrganisationTestData(jdbc, organisations);
	}

	/** An account and what its holder types to sign in; {@code mobile} is null without a number. */
	public record Person(long id, String login, String mobile, String displayName) {
	}

	public Organisation organisation(Organisation parent, String prefix, OrganisationKind kind) {
		return data.create(parent, prefix, kind);
	}

	public Organisation byCode(String code) {
		return organisations.getByCode(code);
	}

	/** An organisation admin with a mobile number (so that it may opt in to text messages). */
	public Person admin(Organisation organisation) {
		return insert("ORG_ADMIN", null, organisation, true, true);
	}

	public Person adminWithoutMobile(Organisation organisation) {
		return insert("ORG_ADMIN", null, organisation, false, true);
	}

	public Person disabledAdmin(Organisation organisation) {
		return insert("ORG_ADMIN", null, organisation, true, false);
	}

	public Person participant(Organisation organisation) {
		return insert("PARTICIPANT", "WORKER", organisation, true, true);
	}

	private Person insert(String role, String participantKind, Organisation organisation, boolean withMobile,
			boolean enabled) {
		String unique = OrganisationTestData.unique("");
		String mobile = withMobile ? AccountFixtures.uniqueMobile() : null;
		String username = role.equals("PARTICIPANT") ? null : "notice-" + role.toLowerCase().replace('_', '-') + unique
				+ "-" + Long.toString(System.nanoTime() % 1_000_000, 36);
		String displayName = (role.equals("PARTICIPANT") ? "消息职工" : "消息管理员") + unique;
		long id = jdbc.sql("""
				insert into account (username, mobile_hmac, mobile_cipher, mobile_masked, display_name, password_hash,
				    role, participant_kind, organisation_id, enabled)
				values (?, ?, ?, ?, ?, '{noop}unused', ?, ?, ?, ?) returning id
				""").params(username, mobile == null ? null : cipher.blindIndex(mobile),
				mobile == null ? null : cipher.encrypt(mobile),
				mobile == null ? null : PersonalDataCipher.maskMobile(mobile), displayName, role, participantKind,
				organisation.id(), enabled)
			.query(Long.class)
			.single();
		return new Person(id, username != null ? username : mobile, mobile, displayName);
	}

	/** The principal exactly as signing in would produce it. */
	public SignedInUser signedIn(Person person) {
		return (SignedInUser) userDetails.loadUserByUsername(person.login());
	}

	/** A draft entry of the campaign's first category, written directly. */
	public long entry(Campaign campaign, Campaigns campaigns, Organisation organisation, Long ownerAccountId,
			long createdBy, String title) {
		long categoryId = campaigns.categories(campaign).getFirst().id();
		return jdbc.sql("""
				insert into entry (campaign_id, category_id, created_by, submitter_kind, owner_key, single_per_owner,
				    organisation_id, organisation_path, title, state, created_at, updated_at)
				values (?, ?, ?, ?, ?, false, ?, ?, ?, 'DRAFT', now(), now()) returning id
				""").params(campaign.id(), categoryId, createdBy, ownerAccountId == null ? "UNION_ORGANISATION" : "WORKER",
				ownerAccountId == null ? "organisation:" + organisation.id() : "account:" + ownerAccountId,
				organisation.id(), organisation.path(), title)
			.query(Long.class)
			.single();
	}

	/** Puts an entry in the queue of an organisation, as the approval chain does. */
	public void waitAt(long entryId, Organisation pending) {
		jdbc.sql("""
				update entry set state = 'SUBMITTED', submitted_at = now(), pending_organisation_id = ?,
				    pending_since = now() where id = ?
				""").params(pending.id(), entryId).update();
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
