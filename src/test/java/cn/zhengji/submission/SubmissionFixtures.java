package cn.zhengji.submission;

import java.util.Locale;
import java.util.UUID;

import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestOrganisations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The scenery of submission tests: uniquely named accounts and organisations written
 * directly (the database is shared by all test classes), principals exactly as signing in
 * makes them, and a closed copy of the 2024 Fujian campaign. The demo campaign
 * {@code demo-fujian} accepts works today.
 */
public final class SubmissionFixtures {

	public static final String OPEN_CAMPAIGN = "demo-fujian";

	private final TestOrganisations organisations;

	private final TestAccounts accounts;

	public SubmissionFixtures(JdbcClient jdbc, Organisations organisations, UserDetailsService userDetails,
			PersonalDataCipher cipher) {
		this.organisations = new TestOrganisations(jdbc, organisations);
		this.accounts = new TestAccounts(jdbc, cipher, userDetails);
	}

	public Organisation organisation(String code) {
		return organisations.byCode(code);
	}

	public Organisation newOrganisation(Organisation parent, String prefix, OrganisationKind kind) {
		return organisations.create(parent, prefix, kind);
	}

	/** A grassroots union below 福州 with a fresh name. */
	public Organisation grassroots() {
		return organisations.create(organisations.byCode("fj-fuzhou"), "作品测试公司工会", OrganisationKind.GRASSROOTS);
	}

	/**
	 * A participant of the given kind (WORKER, UNION_CADRE, SOCIAL_UNION_WORKER) at the
	 * organisation.
	 */
	public SignedInUser participant(String kind, Organisation organisation) {
		return accounts.signedIn(accounts.participant(organisation)
			.participantKind(kind)
			.displayName(TestOrganisations.unique("作品测试职工"))
			.create());
	}

	public SignedInUser worker() {
		return participant("WORKER", grassroots());
	}

	/** An organisation admin of the organisation. */
	public SignedInUser admin(Organisation organisation) {
		String username = "works-" + Role.ORG_ADMIN.name().toLowerCase(Locale.ROOT) + TestOrganisations.unique("");
		return accounts
			.signedIn(accounts.admin(organisation).username(username).displayName("作品测试管理员" + username).create())
			.withPasswordChanged();
	}

	public SignedInUser platformAdmin() {
		return accounts.platformAdmin();
	}

	/** A copy of fujian-2024 moved to 2020: its submission deadline has passed. */
	public String closedCampaign(CampaignAdministration administration) {
		String code = "works-closed-" + UUID.randomUUID().toString().substring(0, 8);
		administration.copy(platformAdmin(), "fujian-2024", code, "作品测试已截止活动", 2020);
		return code;
	}

}
