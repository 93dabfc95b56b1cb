package cn.zhengji.organisation;

import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrganisationPolicyTest {

	final Organisation root = org(1, null, "/1/", OrganisationKind.ALL_CHINA);

	final Organisation fujian = org(14, 1L, "/1/14/", OrganisationKind.PROVINCIAL);

	final Organisation fuzhou = org(40, 14L, "/1/14/40/", OrganisationKind.CITY);

	final Organisation county = org(400, 40L, "/1/14/40/400/", OrganisationKind.COUNTY);

	final Organisation grassroots = org(4000, 400L, "/1/14/40/400/4000/", OrganisationKind.GRASSROOTS);

	final Organisation xiamen = org(41, 14L, "/1/14/41/", OrganisationKind.CITY);

	// Shares the leading digits of fuzhou's id: must not count as inside fuzhou's
	// subtree.
	final Organisation lookalike = org(401, 14L, "/1/14/401/", OrganisationKind.CITY);

	final SignedInUser fuzhouAdmin = OrganisationTestData.orgAdmin(fuzhou);

	@Test
	void orgAdminAdministersItsOwnOrganisationAndDescendantsOnly() {
		assertThat(OrganisationPolicy.canAdminister(fuzhouAdmin, fuzhou)).isTrue();
		assertThat(OrganisationPolicy.canAdminister(fuzhouAdmin, county)).isTrue();
		assertThat(OrganisationPolicy.canAdminister(fuzhouAdmin, grassroots)).isTrue();
		assertThat(OrganisationPolicy.canAdminister(fuzhouAdmin, fujian)).isFalse();
		assertThat(OrganisationPolicy.canAdminister(fuzhouAdmin, xiamen)).isFalse();
		assertThat(OrganisationPolicy.canAdminister(fuzhouAdmin, lookalike)).isFalse();
	}

	@Test
	void orgAdminRenamesDescendantsButNotItsOwnOrganisation() {
		assertThat(OrganisationPolicy.canEdit(fuzhouAdmin, fuzhou)).isFalse();
		assertThat(OrganisationPolicy.canEdit(fuzhouAdmin, county)).isTrue();
		assertThat(OrganisationPolicy.canEdit(fuzhouAdmin, xiamen)).isFalse();
		assertThat(OrganisationPolicy.canEdit(OrganisationTestData.platformAdmin(root), root)).isTrue();
	}

	@Test
	void childrenMayBeAddedOnlyWhereTheKindAdmitsChildren() {
		assertThat(OrganisationPolicy.canAddChildTo(fuzhouAdmin, fuzhou)).isTrue();
		assertThat(OrganisationPolicy.canAddChildTo(fuzhouAdmin, county)).isTrue();
		assertThat(OrganisationPolicy.canAddChildTo(fuzhouAdmin, grassroots)).isFalse();
		assertThat(OrganisationPolicy.canAddChildTo(fuzhouAdmin, xiamen)).isFalse();
	}

	@Test
	void participantsAndExpertsViewOnlyTheirAncestry() {
		SignedInUser worker = OrganisationTestData.user(Role.PARTICIPANT, county);

		assertThat(OrganisationPolicy.canView(worker, root)).isTrue();
		assertThat(OrganisationPolicy.canView(worker, fuzhou)).isTrue();
		assertThat(OrganisationPolicy.canView(worker, county)).isTrue();
		assertThat(OrganisationPolicy.canView(worker, grassroots)).isFalse();
		assertThat(OrganisationPolicy.canView(worker, xiamen)).isFalse();
		assertThat(OrganisationPolicy.canAdminister(worker, county)).isFalse();
		assertThat(OrganisationPolicy.canEdit(worker, grassroots)).isFalse();
	}

	private static Organisation org(long id, Long parentId, String path, OrganisationKind kind) {
		return new Organisation(id, parentId, path, null, "组织" + id, null, kind, 0, false, 0);
	}

}
