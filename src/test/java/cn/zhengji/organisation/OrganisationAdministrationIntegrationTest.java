package cn.zhengji.organisation;

import java.util.Map;

import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.OrganisationAdministration.NewOrganisation;
import cn.zhengji.support.ZhengjiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ZhengjiTest
class OrganisationAdministrationIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	OrganisationAdministration administration;

	@Autowired
	ObjectMapper json;

	OrganisationTestData data;

	Organisation fuzhou;

	SignedInUser fuzhouAdmin;

	@BeforeEach
	void setUp() {
		data = new OrganisationTestData(jdbc, organisations);
		fuzhou = data.byCode("fj-fuzhou");
		fuzhouAdmin = OrganisationTestData.orgAdmin(fuzhou);
		signIn(fuzhouAdmin);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void addsAChildWithItsPathAndAnAuditEventHoldingTheNewState() {
		String name = OrganisationTestData.unique("鼓楼区总工会");

		Organisation created = administration.addChild(fuzhouAdmin, fuzhou.id(),
				new NewOrganisation(name, "鼓楼", OrganisationKind.COUNTY));

		Map<String, Object> row = jdbc.sql("""
				select parent_id, path, code, name, short_name, kind, demo, version from organisation where id = ?
				""").param(created.id()).query().singleRow();
		assertThat(row).containsEntry("parent_id", fuzhou.id())
			.containsEntry("path", fuzhou.path() + created.id() + "/")
			.containsEntry("code", null)
			.containsEntry("name", name)
			.containsEntry("short_name", "鼓楼")
			.containsEntry("kind", "COUNTY")
			.containsEntry("demo", false)
			.containsEntry("version", 0);

		Map<String, Object> event = jdbc.sql("""
				select actor_id, actor_name, action, target_type, target_id, organisation_path, summary,
				       before_state::text as before_state, after_state::text as after_state
				from audit_event where target_type = 'organisation' and target_id = ?
				""").param(String.valueOf(created.id())).query().singleRow();
		assertThat(event).containsEntry("actor_id", fuzhouAdmin.accountId())
			.containsEntry("actor_name", fuzhouAdmin.displayName())
			.containsEntry("action", "CREATED")
			.containsEntry("organisation_path", created.path())
			.containsEntry("summary", "新增组织：" + name)
			.containsEntry("before_state", null);
		JsonNode after = json.readTree((String) event.get("after_state"));
		assertThat(after.get("id").asLong()).isEqualTo(created.id());
		assertThat(after.get("parentId").asLong()).isEqualTo(fuzhou.id());
		assertThat(after.get("name").asString()).isEqualTo(name);
		assertThat(after.get("shortName").asString()).isEqualTo("鼓楼");
		assertThat(after.get("kind").asString()).isEqualTo("COUNTY");
		assertThat(after.get("demo").asBoolean()).isFalse();
	}

	@Test
	void childOfADemoOrganisationIsDemoToo() {
		Organisation demoCounty = data.byCode("demo-county");

		Organisation created = administration.addChild(fuzhouAdmin, demoCounty.id(),
				new NewOrganisation(OrganisationTestData.unique("演示新工会"), null, OrganisationKind.GRASSROOTS));

		assertThat(created.demo()).isTrue();
	}

	@Test
	void rejectsADuplicateNameUnderTheSameParentAndWritesNothing() {
		Organisation county = data.create(fuzhou, "重名区总工会", OrganisationKind.COUNTY);
		int organisationsBefore = count("select count(*) from organisation");
		int eventsBefore = count("select count(*) from audit_event");

		assertThatThrownBy(() -> administration.addChild(fuzhouAdmin, fuzhou.id(),
				new NewOrganisation(county.name(), null, OrganisationKind.COUNTY)))
			.isInstanceOfSatisfying(OrganisationRejected.class, ex -> {
				assertThat(ex.field()).isEqualTo("name");
				assertThat(ex.messageCode()).isEqualTo("organisation.error.nameTaken");
			});

		assertThat(count("select count(*) from organisation")).isEqualTo(organisationsBefore);
		assertThat(count("select count(*) from audit_event")).isEqualTo(eventsBefore);
	}

	@Test
	void theSameNameUnderAnotherParentIsFine() {
		Organisation county = data.create(fuzhou, "同名区总工会", OrganisationKind.COUNTY);
		Organisation xiamen = data.byCode("fj-xiamen");

		Organisation created = administration.addChild(OrganisationTestData.orgAdmin(xiamen), xiamen.id(),
				new NewOrganisation(county.name(), null, OrganisationKind.COUNTY));

		assertThat(created.parentId()).isEqualTo(xiamen.id());
	}

	@Test
	void rejectsAKindThatMayNotStandBelowTheParent() {
		assertThatThrownBy(() -> administration.addChild(fuzhouAdmin, fuzhou.id(),
				new NewOrganisation(OrganisationTestData.unique("错层工会"), null, OrganisationKind.PROVINCIAL)))
			.isInstanceOfSatisfying(OrganisationRejected.class,
					ex -> assertThat(ex.messageCode()).isEqualTo("organisation.error.kindNotAllowed"));
	}

	@Test
	void anOrgAdminCannotAddOutsideItsSubtree() {
		Organisation xiamen = data.byCode("fj-xiamen");

		assertThatThrownBy(() -> administration.addChild(fuzhouAdmin, xiamen.id(),
				new NewOrganisation(OrganisationTestData.unique("越权区总工会"), null, OrganisationKind.COUNTY)))
			.isInstanceOf(NotFoundException.class);
	}

	@Test
	void renamesWithBeforeAndAfterStatesAndANewVersion() {
		Organisation county = data.create(fuzhou, "改名前区总工会", OrganisationKind.COUNTY);
		String newName = OrganisationTestData.unique("改名后区总工会");

		Organisation renamed = administration.rename(fuzhouAdmin, county.id(), county.version(), newName, "改名后");

		assertThat(renamed.name()).isEqualTo(newName);
		assertThat(renamed.shortName()).isEqualTo("改名后");
		assertThat(renamed.version()).isEqualTo(county.version() + 1);
		Map<String, Object> event = jdbc.sql("""
				select before_state ->> 'name' as before_name, after_state ->> 'name' as after_name
				from audit_event where action = 'UPDATED' and target_type = 'organisation' and target_id = ?
				""").param(String.valueOf(county.id())).query().singleRow();
		assertThat(event).containsEntry("before_name", county.name()).containsEntry("after_name", newName);
	}

	@Test
	void aStaleVersionIsALostUpdateAndChangesNothing() {
		Organisation county = data.create(fuzhou, "并发区总工会", OrganisationKind.COUNTY);
		administration.rename(fuzhouAdmin, county.id(), county.version(), county.name() + "甲", null);

		assertThatThrownBy(
				() -> administration.rename(fuzhouAdmin, county.id(), county.version(), county.name() + "乙", null))
			.isInstanceOf(OptimisticLockingFailureException.class);

		assertThat(organisations.findById(county.id()).orElseThrow().name()).isEqualTo(county.name() + "甲");
	}

	@Test
	void anOrgAdminCannotRenameItsOwnOrganisation() {
		assertThatThrownBy(() -> administration.rename(fuzhouAdmin, fuzhou.id(), fuzhou.version(), "福州市总工会（新）", null))
			.isInstanceOf(NotFoundException.class);
		assertThat(organisations.findById(fuzhou.id()).orElseThrow().name()).isEqualTo("福州市总工会");
	}

	@Test
	void deletesALeafAnAdminAddedWithTheStateBeforeInTheAuditLog() {
		Organisation county = data.create(fuzhou, "删除区总工会", OrganisationKind.COUNTY);

		administration.delete(fuzhouAdmin, county.id());

		assertThat(organisations.findById(county.id())).isEmpty();
		Map<String, Object> event = jdbc.sql("""
				select actor_id, organisation_path, before_state ->> 'name' as before_name, after_state
				from audit_event where action = 'DELETED' and target_type = 'organisation' and target_id = ?
				""").param(String.valueOf(county.id())).query().singleRow();
		assertThat(event).containsEntry("actor_id", fuzhouAdmin.accountId())
			.containsEntry("organisation_path", county.path())
			.containsEntry("before_name", county.name())
			.containsEntry("after_state", null);
	}

	@Test
	void refusesToDeleteWhatHasChildrenAccountsOrWasSeeded() {
		Organisation county = data.create(fuzhou, "有下级区总工会", OrganisationKind.COUNTY);
		Organisation unit = data.create(county, "有账号公司工会", OrganisationKind.GRASSROOTS);
		jdbc.sql("""
				insert into account (username, display_name, password_hash, role, participant_kind, organisation_id)
				values (?, '删除测试职工', '{noop}x', 'PARTICIPANT', 'WORKER', ?)
				""").params(OrganisationTestData.unique("delete-test-"), unit.id()).update();
		SignedInUser platformAdmin = OrganisationTestData.platformAdmin(data.byCode("acftu"));
		int eventsBefore = count("select count(*) from audit_event");

		assertThatThrownBy(() -> administration.delete(fuzhouAdmin, county.id())).isInstanceOfSatisfying(
				OrganisationRejected.class,
				ex -> assertThat(ex.messageCode()).isEqualTo("organisation.error.hasChildren"));
		assertThatThrownBy(() -> administration.delete(fuzhouAdmin, unit.id())).isInstanceOfSatisfying(
				OrganisationRejected.class, ex -> assertThat(ex.messageCode()).isEqualTo("organisation.error.inUse"));
		signIn(platformAdmin);
		assertThatThrownBy(() -> administration.delete(platformAdmin, data.byCode("fj-xiamen").id()))
			.isInstanceOfSatisfying(OrganisationRejected.class,
					ex -> assertThat(ex.messageCode()).isEqualTo("organisation.error.deleteSeeded"));
		assertThatThrownBy(() -> administration.delete(fuzhouAdmin, fuzhou.id())).isInstanceOf(NotFoundException.class);

		assertThat(organisations.findById(county.id())).isPresent();
		assertThat(organisations.findById(unit.id())).isPresent();
		assertThat(count("select count(*) from audit_event")).isEqualTo(eventsBefore);
	}

	private int count(String sql) {
		return jdbc.sql(sql).query(Integer.class).single();
	}

	static void signIn(SignedInUser user) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
	}

}
