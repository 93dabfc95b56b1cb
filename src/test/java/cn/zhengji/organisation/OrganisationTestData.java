package cn.zhengji.organisation;

import java.time.Instant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.support.TestOrganisations;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test fixtures for the organisation tree: principals of each role at an organisation,
 * uniquely named organisations (made by the shared {@link TestOrganisations}) and .xlsx
 * files.
 */
public final class OrganisationTestData {

	private final TestOrganisations organisations;

	public OrganisationTestData(JdbcClient jdbc, Organisations organisations) {
		this.organisations = new TestOrganisations(jdbc, organisations);
	}

	/** A name no other test uses: the prefix plus a number. */
	public static String unique(String prefix) {
		return TestOrganisations.unique(prefix);
	}

	public Organisation byCode(String code) {
		return organisations.byCode(code);
	}

	/** A new organisation below the parent, named {@code prefix + number}. */
	public Organisation create(Organisation parent, String prefix, OrganisationKind kind) {
		return organisations.create(parent, prefix, kind);
	}

	public static SignedInUser user(Role role, Organisation organisation) {
		long accountId = 900_000 + Long.parseLong(TestOrganisations.unique(""));
		String name = role.name().toLowerCase() + "-" + accountId;
		return new SignedInUser(accountId, name, "测试" + roleLabel(role) + accountId, role, organisation.id(),
				organisation.path(), organisation.name(), "{noop}unused", false, false, true)
			.withSecondFactor(Instant.now());
	}

	public static SignedInUser orgAdmin(Organisation organisation) {
		return user(Role.ORG_ADMIN, organisation);
	}

	public static SignedInUser platformAdmin(Organisation root) {
		return user(Role.PLATFORM_ADMIN, root);
	}

	private static String roleLabel(Role role) {
		return switch (role) {
			case PLATFORM_ADMIN -> "平台管理员";
			case ORG_ADMIN -> "组织管理员";
			case PARTICIPANT -> "职工";
			case EXPERT -> "专家";
			case SECURITY_ADMIN -> "安全管理员";
			case AUDIT_ADMIN -> "审计管理员";
		};
	}

	/** An .xlsx whose first sheet has the given rows (the first row being the header). */
	public static byte[] xlsx(List<List<String>> rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("组织");
			for (int r = 0; r < rows.size(); r++) {
				Row row = sheet.createRow(r);
				List<String> cells = rows.get(r);
				for (int c = 0; c < cells.size(); c++) {
					if (cells.get(c) != null) {
						row.createCell(c).setCellValue(cells.get(c));
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static List<String> header() {
		return List.of("名称", "简称", "类型", "上级组织名称（可空，默认为当前组织）");
	}

}
