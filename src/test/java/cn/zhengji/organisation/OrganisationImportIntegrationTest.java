package cn.zhengji.organisation;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.OrganisationImport.ImportProblem;
import cn.zhengji.organisation.OrganisationImport.ImportReport;
import cn.zhengji.support.ZhengjiTest;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@ZhengjiTest
class OrganisationImportIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Organisations organisations;

	@Autowired
	OrganisationImport excelImport;

	@Autowired
	MessageSource messages;

	OrganisationTestData data;

	Organisation fuzhou;

	SignedInUser fuzhouAdmin;

	@BeforeEach
	void setUp() {
		data = new OrganisationTestData(jdbc, organisations);
		fuzhou = data.byCode("fj-fuzhou");
		fuzhouAdmin = OrganisationTestData.orgAdmin(fuzhou);
		OrganisationAdministrationIntegrationTest.signIn(fuzhouAdmin);
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void importsCountiesAndTheirGrassrootsUnitsWithTheRightParentsInOneSheet() {
		Organisation existingCounty = data.create(fuzhou, "已有区总工会", OrganisationKind.COUNTY);
		String countyA = OrganisationTestData.unique("导入甲区总工会");
		String countyB = OrganisationTestData.unique("导入乙区总工会");
		byte[] file = OrganisationTestData
			.xlsx(List.of(OrganisationTestData.header(), row(countyA, "甲区", "县（市、区）总工会", null),
					row(countyB, null, "县(市、区)总工会", ""), row("甲区一号公司工会", null, "基层工会", countyA),
					row("甲区二号公司工会", "二号", "基层工会", countyA), row("乙区公司工会", null, "GRASSROOTS", countyB),
					row("已有区新公司工会", null, "基层工会", existingCounty.name()), row("市直公司工会", null, "基层工会", fuzhou.name())));
		long eventsBefore = count("select count(*) from audit_event");

		ImportReport report = excelImport.importChildren(fuzhouAdmin, fuzhou.id(), new ByteArrayInputStream(file),
				"组织.xlsx");

		assertThat(report.problems()).isEmpty();
		assertThat(report.imported()).isEqualTo(7);
		assertThat(report.byKind())
			.containsExactlyInAnyOrderEntriesOf(Map.of(OrganisationKind.COUNTY, 2, OrganisationKind.GRASSROOTS, 5));
		Organisation a = childNamed(fuzhou, countyA);
		Organisation b = childNamed(fuzhou, countyB);
		assertThat(a.kind()).isEqualTo(OrganisationKind.COUNTY);
		assertThat(a.shortName()).isEqualTo("甲区");
		Organisation unitOne = childNamed(a, "甲区一号公司工会");
		Organisation unitTwo = childNamed(a, "甲区二号公司工会");
		assertThat(organisations.children(a.id()))
			.extracting(Organisation::name, Organisation::shortName, Organisation::kind, Organisation::path)
			.containsExactly(tuple("甲区一号公司工会", null, OrganisationKind.GRASSROOTS, a.path() + unitOne.id() + "/"),
					tuple("甲区二号公司工会", "二号", OrganisationKind.GRASSROOTS, a.path() + unitTwo.id() + "/"));
		assertThat(organisations.children(b.id())).extracting(Organisation::name).containsExactly("乙区公司工会");
		assertThat(organisations.children(existingCounty.id())).extracting(Organisation::name)
			.containsExactly("已有区新公司工会");
		assertThat(childNamed(fuzhou, "市直公司工会").kind()).isEqualTo(OrganisationKind.GRASSROOTS);
		assertThat(count("select count(*) from audit_event") - eventsBefore).isEqualTo(8);
		assertThat(count(
				"select count(*) from audit_event where action = 'IMPORTED' and target_type = 'organisation' and target_id = '"
						+ fuzhou.id() + "' and after_state ->> 'rows' = '7'"))
			.isEqualTo(1);
	}

	@Test
	void aFileWithThreeBadRowsOutOfTenReportsExactlyThoseRowsAndImportsNothing() {
		Organisation existingCounty = data.create(fuzhou, "重复区总工会", OrganisationKind.COUNTY);
		String county = OrganisationTestData.unique("十行区总工会");
		List<List<String>> rows = new ArrayList<>();
		rows.add(OrganisationTestData.header());
		rows.add(row(county, null, "县（市、区）总工会", null)); // row 2
		for (int i = 1; i <= 6; i++) {
			rows.add(row(county + "公司" + i + "工会", null, "基层工会", county)); // rows 3..8
		}
		rows.add(row(existingCounty.name(), null, "县（市、区）总工会", null)); // row 9: exists
																		// already
		rows.add(row(county + "公司9工会", null, "街道工会", county)); // row 10: unknown kind
		rows.add(row(county + "公司10工会", null, "基层工会", "不存在的区总工会")); // row 11: parent not
																	// found
		int organisationsBefore = count("select count(*) from organisation");
		long eventsBefore = count("select count(*) from audit_event");

		ImportReport report = excelImport.importChildren(fuzhouAdmin, fuzhou.id(),
				new ByteArrayInputStream(OrganisationTestData.xlsx(rows)), "十行.xlsx");

		assertThat(report.succeeded()).isFalse();
		assertThat(report.imported()).isZero();
		assertThat(report.badRows()).isEqualTo(3);
		assertThat(report.problems()).extracting(ImportProblem::rowNumber, this::text)
			.containsExactly(tuple(9, "“福州市总工会”下已有同名组织"), tuple(10, "类型“街道工会”无法识别，请从模板的下拉列表中选择"),
					tuple(11, "上级组织“不存在的区总工会”不存在：须为当前组织下已有的组织或表中位于上方的行"));
		assertThat(count("select count(*) from organisation")).isEqualTo(organisationsBefore);
		assertThat(count("select count(*) from audit_event")).isEqualTo(eventsBefore);
	}

	@Test
	void reportsEveryKindOfRowProblem() {
		String county = OrganisationTestData.unique("检查区总工会");
		byte[] file = OrganisationTestData
			.xlsx(List.of(OrganisationTestData.header(), row(county, null, "县（市、区）总工会", null), // 2
																								// fine
					row(null, "无名", "基层工会", null), // 3
					row("长".repeat(101), null, "基层工会", null), // 4
					row(county + "工会甲", null, null, county), // 5
					row(county + "下级区", null, "县（市、区）总工会", county), // 6 a county below a
																	// county
					row(county, null, "县（市、区）总工会", null), // 7 duplicate of row 2
					row("省级工会" + county, null, "省级总工会", null))); // 8 not below a city

		ImportReport report = excelImport.importChildren(fuzhouAdmin, fuzhou.id(), new ByteArrayInputStream(file),
				"x.xlsx");

		assertThat(report.problems()).extracting(ImportProblem::rowNumber, this::text)
			.containsExactly(tuple(3, "名称为空"), tuple(4, "名称超过 100 个字"), tuple(5, "类型为空"),
					tuple(6, "“" + county + "”（县（市、区）总工会）下不能添加“县（市、区）总工会”"), tuple(7, "与第 2 行重复（同一上级组织下名称相同）"),
					tuple(8, "“福州市总工会”（设区市总工会）下不能添加“省级总工会”"));
	}

	@Test
	void aFileThatIsNotAnXlsxIsRefusedWithAMessageAndNothingIsWritten() {
		int organisationsBefore = count("select count(*) from organisation");

		ImportReport text = excelImport.importChildren(fuzhouAdmin, fuzhou.id(),
				new ByteArrayInputStream("名称,简称,类型\n某工会,,基层工会\n".getBytes(StandardCharsets.UTF_8)), "a.csv");
		ImportReport corruptZip = excelImport.importChildren(fuzhouAdmin, fuzhou.id(),
				new ByteArrayInputStream(new byte[] { 'P', 'K', 3, 4, 0, 0, 0, 0, 1, 2, 3 }), "b.xlsx");
		ImportReport oldExcel = excelImport.importChildren(fuzhouAdmin, fuzhou.id(),
				new ByteArrayInputStream(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1,
						(byte) 0xB1, 0x1A, (byte) 0xE1 }),
				"c.xls");

		assertThat(text.problems()).extracting(ImportProblem::rowNumber, this::text)
			.containsExactly(tuple(0, "文件不是 Excel（.xlsx）文件，请使用下载的模板填写后上传"));
		assertThat(corruptZip.problems()).extracting(this::text).containsExactly("文件已损坏或无法读取，请使用下载的模板重新填写");
		assertThat(oldExcel.problems()).extracting(this::text).containsExactly("不支持旧版 Excel（.xls）文件，请另存为 .xlsx 格式后上传");
		assertThat(count("select count(*) from organisation")).isEqualTo(organisationsBefore);
	}

	@Test
	void aSheetWithTheWrongHeaderOrTooManyRowsIsRefused() {
		byte[] wrongHeader = OrganisationTestData
			.xlsx(List.of(List.of("单位", "简称", "类型"), row("某工会", null, "基层工会", null)));
		List<List<String>> many = new ArrayList<>();
		many.add(OrganisationTestData.header());
		for (int i = 0; i <= OrganisationImport.MAX_ROWS; i++) {
			many.add(row("批量工会" + i, null, "基层工会", null));
		}

		assertThat(excelImport.importChildren(fuzhouAdmin, fuzhou.id(), new ByteArrayInputStream(wrongHeader), "h.xlsx")
			.problems()).extracting(this::text).containsExactly("表头不正确：第一行应为“名称、简称、类型、上级组织名称”，请使用下载的模板");
		assertThat(excelImport
			.importChildren(fuzhouAdmin, fuzhou.id(), new ByteArrayInputStream(OrganisationTestData.xlsx(many)),
					"m.xlsx")
			.problems()).extracting(this::text).containsExactly("文件行数过多：一次最多导入 5000 行");
	}

	@Test
	void templateIsAnXlsxWithTheHeadersAndTheKindsThatMayBeImported() throws Exception {
		byte[] template = excelImport.template(fuzhouAdmin, fuzhou.id());

		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
			Sheet data = workbook.getSheetAt(0);
			Row header = data.getRow(0);
			assertThat(data.getSheetName()).isEqualTo("组织");
			assertThat(List.of(header.getCell(0).getStringCellValue(), header.getCell(1).getStringCellValue(),
					header.getCell(2).getStringCellValue(), header.getCell(3).getStringCellValue()))
				.containsExactly("名称", "简称", "类型", "上级组织名称（可空，默认为当前组织）");
			assertThat(data.getLastRowNum()).isZero();
			Sheet kinds = workbook.getSheetAt(1);
			assertThat(kinds.getSheetName()).isEqualTo("类型");
			assertThat(List.of(kinds.getRow(1).getCell(0).getStringCellValue(),
					kinds.getRow(2).getCell(0).getStringCellValue()))
				.containsExactly("县（市、区）总工会", "基层工会");
			assertThat(kinds.getRow(2).getCell(1).getStringCellValue()).isEqualTo("设区市总工会（当前组织）、县（市、区）总工会");
			assertThat(data.getDataValidations()).hasSize(1);
		}
	}

	private String text(ImportProblem problem) {
		return messages.getMessage(problem.messageKey(), problem.arguments(), java.util.Locale.SIMPLIFIED_CHINESE);
	}

	private Organisation childNamed(Organisation parent, String name) {
		return organisations.children(parent.id())
			.stream()
			.filter(o -> o.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no child " + name + " below " + parent.name()));
	}

	private int count(String sql) {
		return jdbc.sql(sql).query(Integer.class).single();
	}

	private static List<String> row(String name, String shortName, String kind, String parent) {
		return Arrays.asList(name, shortName, kind, parent);
	}

}
