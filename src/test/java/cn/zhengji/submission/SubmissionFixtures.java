package cn.zhengji.submission;

import java.util.Locale;
import java.util.UUID;

import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.infrastructure.privacy.PersonalDataCipher;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.OrganisationTestData;
import cn.zhengji.organisation.Organisations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The scenery of submission tests: uniquely named accounts and organisations written directly (the
 * database is shared by all test classes), principals exactly as signing in makes them, and a
 * closed copy of the 2024 Fujian campaign. The demo campaign {@code demo-fujian} accepts works today.
 */
public final class SubmissionFixtures {

	public static final String OPEN_CAMPAIGN = "demo-fujian";

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final UserDetailsService userDetails;

	private final PersonalDataCipher cipher;

	private final OrganisationTestData data;

	public SubmissionFixtures(JdbcClient jdbc, Organisations organisations, UserDetailsService userDetails,
			PersonalDataCipher cipher) {
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.userDetails = userDetails;
		this.cipher = cipher;
		this.data = new OrganisationTestData(jdbc, organisations);
	}

	public Organisation organisation(String code) {
		return data.byCode(code);
	}

	public Organisation newOrganisation(Organisation parent, String prefix, OrganisationKind kind) {
		return data.create(parent, prefix, kind);
	}

	/** A grassroots union below 福州 with a fresh name. */
	public Organisation grassroots() {
		return data.create(data.byCode("fj-fuzhou"), "作品测试公司工会", OrganisationKind.GRASSROOTS);
	}

	/** A participant of the given kind (WORKER, UNION_CADRE, SOCIAL_UNION_WORKER) at the organisation. */
	public SignedInUser participant(String kind, Organisation organisation) {
		String unique = OrganisationTestData.unique("");
		String mobile = "196" + "%08d".formatted(Long.parseLong(unique) % 100_000_000);
		jdbc.sql("""
				insert into account (mobile_hmac, mobile_cipher, mobile_masked, display_name, password_hash, role,
				    participant_kind, organisation_id)
				values (?, ?, ?, ?, '{noop}unused', 'PARTICIPANT', ?, ?)
				""").params(cipher.blindIndex(mobile), cipher.encrypt(mobile), PersonalDataCipher.maskMobile(mobile),
				"作品测试职工" + unique, kind, organisation.id()).update();
		return (SignedInUser) userDetails.loadUserByUsername(mobile);
	}

	public SignedInUser worker() {
		return participant("WORKER", grassroots());
	}

	/** An organisation admin of the organisation. */
	public SignedInUser admin(Organisation organisation) {
		String username = "works-" + Role.ORG_ADMIN.name().toLowerCase(Locale.ROOT) + OrganisationTestData.unique("");
		jdbc.sql("""
				insert into account (username, display_name, password_hash, role, organisation_id)
				values (?, ?, '{noop}unused', 'ORG_ADMIN', ?)
				""").params(username, "作品测试管理员" + username, organisation.id()).update();
		return ((SignedInUser) userDetails.loadUserByUsername(username)).withPasswordChanged();
	}

	public SignedInUser platformAdmin() {
		return ((SignedInUser) userDetails.loadUserByUsername("admin")).withPasswordChanged();
	}

	/** A copy of fujian-2024 moved to 2020: its submission deadline has passed. */
	public String closedCampaign(CampaignAdministration administration) {
		String code = "works-closed-" + UUID.randomUUID().toString().substring(0, 8);
		administration.copy(platformAdmin(), "fujian-2024", code, "作品测试已截止活动", 2020);
		return code;
	}
}
