package cn.zhengji.organisation.web;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;

import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.OrganisationTestData;
import cn.zhengji.support.Spreadsheets;
import cn.zhengji.organisation.Organisations;
import cn.zhengji.support.ZhengjiTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** R-ORG-2 A 福州 city admin sees and acts on its own subtree only. */
@ZhengjiTest
@AutoConfigureMockMvc
class OrganisationScopingWebTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	OrganisationTestData data;

	Organisation fuzhou;

	Organisation xiamen;

	SignedInUser fuzhouAdmin;

	@BeforeEach
	void setUp() {
		data = new OrganisationTestData(jdbc, organisations);
		fuzhou = data.byCode("fj-fuzhou");
		xiamen = data.byCode("fj-xiamen");
		fuzhouAdmin = OrganisationTestData.orgAdmin(fuzhou);
	}

	@Test
	void cityAdminSeesItsOwnOrganisationAsTheRootOfItsTree() throws Exception {
		Organisation county = data.create(fuzhou, "树区总工会", OrganisationKind.COUNTY);

		String page = mvc.perform(get("/admin/organisations").with(user(fuzhouAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(main(page)).contains("福州市总工会", county.name(), "演示区总工会（福州）", "设区市总工会", "县（市、区）总工会", "演示")
			.doesNotContain("厦门市总工会", "福建省总工会", "中华全国总工会", "演示区总工会（厦门）");
	}

	@Test
	void exportsAnAdministeredOrganisationWithItsWholeSubtreeInTreeOrder() throws Exception {
		Organisation county = data.create(fuzhou, "导出区总工会", OrganisationKind.COUNTY);
		Organisation company = data.create(county, "导出公司工会", OrganisationKind.GRASSROOTS);

		byte[] xlsx = mvc.perform(get("/admin/organisations/{id}/export.xlsx", county.id()).with(user(fuzhouAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();

		assertThat(Spreadsheets.rows(xlsx)).containsExactly(List.of("名称", "简称", "代码", "类型", "上级组织", "层级"),
				List.of(county.name(), "", "", "县（市、区）总工会", "福州市总工会", "0"),
				List.of(company.name(), "", "", "基层工会", county.name(), "1"));
		mvc.perform(get("/admin/organisations/{id}/export.xlsx", xiamen.id()).with(user(fuzhouAdmin)))
			.andExpect(status().isNotFound());
		assertThat(jdbc.sql("""
				select summary || '|' || (after_state ->> 'rows') || '|' || (after_state ->> 'completed') || '|'
				    || organisation_path
				from audit_event where action = 'EXPORTED' and target_type = 'organisation-list'
				  and (after_state -> 'filter' ->> 'organisation')::bigint in (?, ?) and actor_id = ?
				""").params(county.id(), xiamen.id(), fuzhouAdmin.accountId()).query(String.class).list())
			.containsExactly("导出组织机构-" + county.name() + "（2行）|2|true|" + county.path());
	}

	@Test
	void expandingANodeLoadsItsChildrenAsAFragment() throws Exception {
		Organisation demoCounty = data.byCode("demo-county");

		String fragment = mvc
			.perform(get("/admin/organisations/{id}/children", demoCounty.id()).header("HX-Request", "true")
				.with(user(fuzhouAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(fragment).contains("演示科技有限公司工会", "演示制造集团工会", "基层工会").doesNotContain("<html");
	}

	@Test
	void everythingOutsideTheSubtreeIsNotFound() throws Exception {
		Organisation xiamenCounty = data.create(xiamen, "厦门某区总工会", OrganisationKind.COUNTY);
		Organisation province = data.byCode("fj");
		for (Organisation outside : List.of(xiamen, xiamenCounty, province, data.byCode("acftu"))) {
			for (String url : List.of("/admin/organisations/{id}", "/admin/organisations/{id}/children",
					"/admin/organisations/{id}/children/new", "/admin/organisations/{id}/edit",
					"/admin/organisations/{id}/import", "/admin/organisations/{id}/import/template")) {
				String body = mvc.perform(get(url, outside.id()).with(user(fuzhouAdmin)))
					.andExpect(status().isNotFound())
					.andReturn()
					.getResponse()
					.getContentAsString();
				assertThat(main(body)).doesNotContain(outside.name());
			}
		}
		mvc.perform(post("/admin/organisations/{id}/children/new", xiamen.id()).with(user(fuzhouAdmin))
			.with(csrf())
			.param("name", OrganisationTestData.unique("越权区"))
			.param("kind", "COUNTY")).andExpect(status().isNotFound());
		assertThat(organisations.children(xiamen.id())).extracting(Organisation::name).doesNotContain("越权区");
	}

	@Test
	void detailShowsBreadcrumbChildrenAndActions() throws Exception {
		Organisation county = data.create(fuzhou, "详情区总工会", OrganisationKind.COUNTY);
		data.create(county, "详情公司工会", OrganisationKind.GRASSROOTS);

		String page = mvc.perform(get("/admin/organisations/{id}", county.id()).with(user(fuzhouAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains(county.name(), "福州", "福建", "详情公司工会", "添加下级组织", "Excel 批量导入", "修改名称")
			.contains("href=\"/admin/organisations/" + fuzhou.id() + "\"")
			.doesNotContain("href=\"/admin/organisations/" + data.byCode("fj").id() + "\"");
		String own = mvc.perform(get("/admin/organisations/{id}", fuzhou.id()).with(user(fuzhouAdmin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(own).contains("添加下级组织", "本组织的名称由上级组织的管理员修改。")
			.doesNotContain("/admin/organisations/" + fuzhou.id() + "/edit");
	}

	@Test
	void cityAdminAddsACountyUnderItsCity() throws Exception {
		String name = OrganisationTestData.unique("晋安区总工会");

		mvc.perform(post("/admin/organisations/{id}/children/new", fuzhou.id()).with(user(fuzhouAdmin))
			.with(csrf())
			.param("name", "  " + name + " ")
			.param("shortName", "晋安")
			.param("kind", "COUNTY"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/organisations/" + fuzhou.id()))
			.andExpect(flash().attribute("flashSuccess", "已添加：" + name));

		Organisation created = organisations.children(fuzhou.id())
			.stream()
			.filter(o -> o.name().equals(name))
			.findFirst()
			.orElseThrow();
		assertThat(created.shortName()).isEqualTo("晋安");
		assertThat(created.kind()).isEqualTo(OrganisationKind.COUNTY);
	}

	@Test
	void formErrorsAreShownInChineseAndNothingIsWritten() throws Exception {
		Organisation county = data.create(fuzhou, "表单重名区总工会", OrganisationKind.COUNTY);
		int before = organisations.children(fuzhou.id()).size();

		String duplicate = mvc
			.perform(post("/admin/organisations/{id}/children/new", fuzhou.id()).with(user(fuzhouAdmin))
				.with(csrf())
				.param("name", county.name())
				.param("kind", "COUNTY"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String blank = mvc
			.perform(post("/admin/organisations/{id}/children/new", fuzhou.id()).with(user(fuzhouAdmin))
				.with(csrf())
				.param("name", "   ")
				.param("kind", "PROVINCIAL"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String badKind = mvc
			.perform(post("/admin/organisations/{id}/children/new", fuzhou.id()).with(user(fuzhouAdmin))
				.with(csrf())
				.param("name", OrganisationTestData.unique("怪类型"))
				.param("kind", "NO_SUCH_KIND"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(duplicate).contains("同一上级组织下已有同名组织");
		assertThat(blank).contains("请填写名称", "该类型的组织不能添加在这里");
		assertThat(badKind).contains("请选择有效的类型");
		assertThat(organisations.children(fuzhou.id())).hasSize(before);
	}

	@Test
	void renamingADescendantWorksAndAStaleFormIsAConflictPage() throws Exception {
		Organisation county = data.create(fuzhou, "改名区总工会", OrganisationKind.COUNTY);
		String newName = OrganisationTestData.unique("新名区总工会");

		mvc.perform(get("/admin/organisations/{id}/edit", county.id()).with(user(fuzhouAdmin)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(county.name())));
		mvc.perform(post("/admin/organisations/{id}/edit", county.id()).with(user(fuzhouAdmin))
			.with(csrf())
			.param("name", newName)
			.param("version", String.valueOf(county.version())))
			.andExpect(status().isFound())
			.andExpect(flash().attribute("flashSuccess", "已保存：" + newName));
		mvc.perform(post("/admin/organisations/{id}/edit", county.id()).with(user(fuzhouAdmin))
			.with(csrf())
			.param("name", newName + "又改")
			.param("version", String.valueOf(county.version())))
			.andExpect(status().isConflict())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("内容已被他人修改")));

		assertThat(organisations.findById(county.id()).orElseThrow().name()).isEqualTo(newName);
		mvc.perform(post("/admin/organisations/{id}/edit", fuzhou.id()).with(user(fuzhouAdmin))
			.with(csrf())
			.param("name", "福州")
			.param("version", String.valueOf(fuzhou.version()))).andExpect(status().isNotFound());
	}

	@Test
	void deletingALeafReturnsToItsParentAndARefusalIsAFlashMessage() throws Exception {
		Organisation county = data.create(fuzhou, "网页删除区总工会", OrganisationKind.COUNTY);
		Organisation unit = data.create(county, "网页删除公司工会", OrganisationKind.GRASSROOTS);

		mvc.perform(post("/admin/organisations/{id}/delete", county.id()).with(user(fuzhouAdmin)).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/organisations/" + county.id()))
			.andExpect(flash().attribute("flashError", "该组织还有下级组织，不能删除"));
		mvc.perform(post("/admin/organisations/{id}/delete", unit.id()).with(user(fuzhouAdmin)).with(csrf()))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/admin/organisations/" + county.id()))
			.andExpect(flash().attribute("flashSuccess", "已删除：" + unit.name()));
		mvc.perform(post("/admin/organisations/{id}/delete", xiamen.id()).with(user(fuzhouAdmin)).with(csrf()))
			.andExpect(status().isNotFound());

		assertThat(organisations.children(county.id())).isEmpty();
	}

	@Test
	void templateDownloadIsAValidXlsxWithTheHeaders() throws Exception {
		MvcResult result = mvc
			.perform(get("/admin/organisations/{id}/import/template", fuzhou.id()).with(user(fuzhouAdmin)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type",
					"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
			.andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment;")))
			.andReturn();

		try (XSSFWorkbook workbook = new XSSFWorkbook(
				new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
			var header = workbook.getSheetAt(0).getRow(0);
			assertThat(Arrays.asList(header.getCell(0).getStringCellValue(), header.getCell(1).getStringCellValue(),
					header.getCell(2).getStringCellValue(), header.getCell(3).getStringCellValue()))
				.containsExactly("名称", "简称", "类型", "上级组织名称（可空，默认为当前组织）");
		}
	}

	@Test
	void importPageReportsSuccessOrEveryProblem() throws Exception {
		String county = OrganisationTestData.unique("上传区总工会");
		byte[] good = OrganisationTestData.xlsx(List.of(OrganisationTestData.header(),
				Arrays.asList(county, null, "县（市、区）总工会", null), Arrays.asList(county + "某公司工会", null, "基层工会", county)));

		String success = mvc
			.perform(multipart("/admin/organisations/{id}/import", fuzhou.id())
				.file(new MockMultipartFile("file", "组织.xlsx", OrganisationController.XLSX.toString(), good))
				.with(user(fuzhouAdmin))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String notExcel = mvc
			.perform(multipart("/admin/organisations/{id}/import", fuzhou.id())
				.file(new MockMultipartFile("file", "组织.xlsx", "text/plain", "名称,类型".getBytes()))
				.with(user(fuzhouAdmin))
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String noFile = mvc
			.perform(multipart("/admin/organisations/{id}/import", fuzhou.id()).with(user(fuzhouAdmin)).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(success).contains("导入成功：共添加 2 个组织。", "县（市、区）总工会：1", "基层工会：1");
		assertThat(notExcel).contains("未导入任何数据", "文件不是 Excel（.xlsx）文件");
		assertThat(noFile).contains("请选择要上传的 Excel 文件");
	}

	@Test
	void apiListsTheSubtreeOfAnAdminAndTheAncestryOfAParticipant() throws Exception {
		Organisation county = data.create(fuzhou, "接口区总工会", OrganisationKind.COUNTY);
		SignedInUser worker = OrganisationTestData.user(Role.PARTICIPANT, county);

		mvc.perform(get("/api/v1/organisations").with(user(fuzhouAdmin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(fuzhou.id()))
			.andExpect(jsonPath("$[0].code").value("fj-fuzhou"))
			.andExpect(jsonPath("$[0].kind").value("CITY"))
			.andExpect(jsonPath("$[0].depth").value(2))
			.andExpect(jsonPath("$[?(@.name == '厦门市总工会')]").isEmpty())
			.andExpect(jsonPath("$[?(@.id == " + county.id() + ")].parentId")
				.value(org.hamcrest.Matchers.contains((int) fuzhou.id())));
		mvc.perform(get("/api/v1/organisations").with(user(worker)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].name")
				.value(org.hamcrest.Matchers.contains("中华全国总工会", "福建省总工会", "福州市总工会", county.name())));
		mvc.perform(get("/api/v1/organisations/{id}", xiamen.id()).with(user(fuzhouAdmin)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404))
			.andExpect(jsonPath("$.detail").value("未找到该资源"));
		mvc.perform(get("/api/v1/organisations/{id}", county.id()).with(user(fuzhouAdmin)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.name").value(county.name()))
			.andExpect(jsonPath("$.shortName").isEmpty())
			.andExpect(jsonPath("$.depth").value(3));
	}

	/** The page's own content, without the frame (whose footer names the province). */
	static String main(String page) {
		return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
	}

}
