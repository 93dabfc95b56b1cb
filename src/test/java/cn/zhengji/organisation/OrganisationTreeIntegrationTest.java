package cn.zhengji.organisation;

import java.util.List;

import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@ZhengjiTest
class OrganisationTreeIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	OrganisationTestData data;

	Organisation fuzhou;

	@BeforeEach
	void setUp() {
		data = new OrganisationTestData(jdbc, organisations);
		fuzhou = data.byCode("fj-fuzhou");
	}

	@Test
	void seededTreeHasPathsOfIdsFromTheRoot() {
		Organisation root = data.byCode("acftu");
		Organisation fujian = data.byCode("fj");

		assertThat(root.path()).isEqualTo("/" + root.id() + "/");
		assertThat(fujian.path()).isEqualTo("/" + root.id() + "/" + fujian.id() + "/");
		assertThat(fuzhou.path()).isEqualTo(fujian.path() + fuzhou.id() + "/");
		assertThat(fuzhou.depth()).isEqualTo(2);
	}

	@Test
	void fujianHasPlacesForEverySubmitterTheNoticeAddresses() {
		// 闽工〔2024〕41号 is addressed to the cities and 平潭, 省直机关工会, 各省级产业（系统）工会 and
		// 省总工会直属企业工会; 附件4 names them as recommending units.
		Organisation fujian = data.byCode("fj");
		assertThat(organisations.children(fujian.id())).filteredOn(unit -> unit.code() != null)
			.extracting(Organisation::kind)
			.contains(OrganisationKind.CITY, OrganisationKind.PROVINCIAL_ORGAN, OrganisationKind.PROVINCIAL_INDUSTRY,
					OrganisationKind.DIRECT_ENTERPRISE);
		assertThat(data.byCode("fj-industry").kind()).isEqualTo(OrganisationKind.PROVINCIAL_INDUSTRY);
		assertThat(data.byCode("fj-industry").name()).isEqualTo("省级产业（系统）工会");
		assertThat(data.byCode("fj-direct-enterprise").kind()).isEqualTo(OrganisationKind.DIRECT_ENTERPRISE);
		assertThat(data.byCode("fj-direct-enterprise").name()).isEqualTo("省总工会直属企业工会");
	}

	@Test
	void triggerSetsPathOfANewOrganisationFromItsParent() {
		Organisation county = data.create(fuzhou, "路径区总工会", OrganisationKind.COUNTY);
		Organisation unit = data.create(county, "路径公司工会", OrganisationKind.GRASSROOTS);

		assertThat(county.path()).isEqualTo(fuzhou.path() + county.id() + "/");
		assertThat(unit.path()).isEqualTo(fuzhou.path() + county.id() + "/" + unit.id() + "/");
		assertThat(unit.depth()).isEqualTo(4);
		assertThat(unit.pathIds()).containsExactly(data.byCode("acftu").id(), data.byCode("fj").id(), fuzhou.id(),
				county.id(), unit.id());
	}

	@Test
	void subtreeIsTheOrganisationAndEverythingBelowInTreeOrder() {
		Organisation county = data.create(fuzhou, "子树区总工会", OrganisationKind.COUNTY);
		Organisation first = data.create(county, "子树甲工会", OrganisationKind.GRASSROOTS);
		Organisation second = data.create(county, "子树乙工会", OrganisationKind.GRASSROOTS);
		Organisation below = data.create(data.byCode("fj-xiamen"), "子树外区总工会", OrganisationKind.COUNTY);

		List<Organisation> subtree = organisations.subtree(county.path());

		assertThat(subtree).extracting(Organisation::id).containsExactly(county.id(), first.id(), second.id());
		assertThat(organisations.subtree(fuzhou.path())).extracting(Organisation::id)
			.contains(fuzhou.id(), county.id(), first.id())
			.doesNotContain(below.id(), data.byCode("fj-xiamen").id(), data.byCode("fj").id());
	}

	@Test
	void aPathPrefixDoesNotMatchAnOrganisationWhoseIdMerelyStartsWithTheSameDigits() {
		// "/1/14/" must not match "/1/140/": the trailing slash is part of the prefix.
		Organisation county = data.create(fuzhou, "前缀区总工会", OrganisationKind.COUNTY);

		assertThat(organisations.subtree(county.path())).extracting(Organisation::id).containsExactly(county.id());
	}

	@Test
	void adminsSeeTheirSubtreeAndOthersTheirAncestry() {
		Organisation county = data.create(fuzhou, "可见区总工会", OrganisationKind.COUNTY);
		Organisation unit = data.create(county, "可见公司工会", OrganisationKind.GRASSROOTS);

		assertThat(organisations.visibleTo(OrganisationTestData.orgAdmin(county))).extracting(Organisation::id)
			.containsExactly(county.id(), unit.id());
		assertThat(organisations.visibleTo(OrganisationTestData.user(Role.PARTICIPANT, unit)))
			.extracting(Organisation::code, Organisation::name)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("acftu", "中华全国总工会"),
					org.assertj.core.groups.Tuple.tuple("fj", "福建省总工会"),
					org.assertj.core.groups.Tuple.tuple("fj-fuzhou", "福州市总工会"),
					org.assertj.core.groups.Tuple.tuple(null, county.name()),
					org.assertj.core.groups.Tuple.tuple(null, unit.name()));
		assertThat(organisations.findVisible(OrganisationTestData.user(Role.EXPERT, unit), county.id())).isPresent();
		assertThat(organisations.findVisible(OrganisationTestData.user(Role.EXPERT, county), unit.id())).isEmpty();
	}

}
