package cn.zhengji.organisation;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.OrganisationAdministration.NewOrganisation;
import cn.zhengji.organisation.OrganisationAdministration.OrganisationState;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-ORG-1 Adding many organisations at once from an Excel sheet. One sheet can hold
 * several levels: a row's parent is named in the fourth column and may be the
 * organisation imported into (blank), an organisation already below it, or a row further
 * up the sheet. So a city imports its counties and their grassroots unions in one file.
 *
 * <p>
 * Every row is checked before anything is written; one bad row means nothing is imported
 * and the report lists every problem by its Excel row number. A good file is inserted in
 * one transaction with a CREATED audit event per organisation and one IMPORTED event for
 * the file.
 */
@Service
public class OrganisationImport {

	public static final int MAX_ROWS = 5000;

	static final List<String> HEADER_KEYS = List.of("organisation.import.column.name",
			"organisation.import.column.shortName", "organisation.import.column.kind",
			"organisation.import.column.parent");

	static final String DATA_SHEET = "organisation.import.sheet.data";

	static final String KINDS_SHEET = "organisation.import.sheet.kinds";

	private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	private final Organisations organisations;

	private final OrganisationAdministration administration;

	private final AuditLog audit;

	private final Texts texts;

	OrganisationImport(Organisations organisations, OrganisationAdministration administration, AuditLog audit,
			Texts texts) {
		this.organisations = organisations;
		this.administration = administration;
		this.audit = audit;
		this.texts = texts;
	}

	/**
	 * The .xlsx template for importing below this organisation: the header row on the
	 * first sheet (with a drop-down of kinds in the 类型 column), the kinds that may be
	 * imported on the second.
	 */
	public byte[] template(SignedInUser user, long organisationId) {
		Organisation target = importTarget(user, organisationId);
		Set<OrganisationKind> kinds = importableKinds(target.kind());
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			CellStyle header = headerStyle(workbook);
			Sheet data = workbook.createSheet(texts.text(DATA_SHEET));
			Row headerRow = data.createRow(0);
			List<String> headers = headers();
			for (int i = 0; i < headers.size(); i++) {
				Cell cell = headerRow.createCell(i);
				cell.setCellValue(headers.get(i));
				cell.setCellStyle(header);
				data.setColumnWidth(i, (i == 3 ? 40 : 28) * 256);
			}
			data.createFreezePane(0, 1);

			Sheet kindSheet = workbook.createSheet(texts.text(KINDS_SHEET));
			Row kindHeader = kindSheet.createRow(0);
			kindHeader.createCell(0).setCellValue(texts.text("organisation.import.template.kind"));
			kindHeader.createCell(1).setCellValue(texts.text("organisation.import.template.parents"));
			kindHeader.getCell(0).setCellStyle(header);
			kindHeader.getCell(1).setCellStyle(header);
			kindSheet.setColumnWidth(0, 32 * 256);
			kindSheet.setColumnWidth(1, 60 * 256);
			int r = 1;
			for (OrganisationKind kind : kinds) {
				Row row = kindSheet.createRow(r++);
				row.createCell(0).setCellValue(label(kind));
				row.createCell(1)
					.setCellValue(
							String.join(texts.text("common.listSeparator"), parentKindsOf(kind, target.kind(), kinds)));
			}
			Row note = kindSheet.createRow(r + 1);
			note.createCell(0).setCellValue(texts.text("organisation.import.template.note", target.name()));

			if (!kinds.isEmpty()) {
				DataValidationHelper helper = data.getDataValidationHelper();
				DataValidation validation = helper.createValidation(
						helper.createFormulaListConstraint(
								"'" + texts.text(KINDS_SHEET) + "'!$A$2:$A$" + (kinds.size() + 1)),
						new CellRangeAddressList(1, MAX_ROWS, 2, 2));
				validation.setShowErrorBox(true);
				data.addValidationData(validation);
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Imports the organisations of an uploaded .xlsx below the given one, or nothing.
	 * Writes the organisation rows, a CREATED audit event per row and one IMPORTED event,
	 * all in one transaction; with any problem in the file, writes nothing and reports
	 * every problem.
	 */
	@Transactional
	public ImportReport importChildren(SignedInUser user, long organisationId, InputStream upload, String fileName) {
		Organisation target = importTarget(user, organisationId);
		List<SheetRow> rows;
		try {
			rows = readRows(upload);
		}
		catch (RejectedFile ex) {
			return ImportReport.failed(List.of(new ImportProblem(0, ex.messageKey, ex.arguments)));
		}
		List<ImportProblem> problems = new ArrayList<>();
		List<PlannedRow> plan = validate(target, rows, problems);
		if (!problems.isEmpty()) {
			return ImportReport.failed(problems);
		}
		Map<Integer, Organisation> createdByRow = new HashMap<>();
		Map<OrganisationKind, Integer> counts = new LinkedHashMap<>();
		for (PlannedRow row : plan) {
			Organisation parent = row.parentRow() == null ? row.existingParent() : createdByRow.get(row.parentRow());
			Organisation created;
			try {
				created = administration.insert(parent, new NewOrganisation(row.name(), row.shortName(), row.kind()));
			}
			catch (OrganisationRejected | DataIntegrityViolationException ex) {
				// Someone added the same name between the check and the insert: the
				// transaction is lost anyway.
				throw new ConcurrentImportConflict(row.rowNumber());
			}
			createdByRow.put(row.rowNumber(), created);
			counts.merge(created.kind(), 1, Integer::sum);
			audit.recordChange(AuditAction.CREATED, OrganisationAdministration.AUDIT_TARGET, created.id(),
					created.path(), texts.text("organisation.audit.imported.one", created.name()), null,
					OrganisationState.of(created));
		}
		audit.recordChange(AuditAction.IMPORTED, OrganisationAdministration.AUDIT_TARGET, target.id(), target.path(),
				texts.plain("organisation.audit.imported", plan.size(), target.name()), null,
				Map.of("fileName", String.valueOf(fileName), "rows", plan.size(), "byKind", counts));
		return new ImportReport(List.of(), plan.size(), counts);
	}

	private Organisation importTarget(SignedInUser user, long organisationId) {
		Organisation target = administration.administered(user, organisationId);
		if (!OrganisationPolicy.canAddChildTo(user, target)) {
			throw new NotFoundException("organisation import " + organisationId);
		}
		return target;
	}

	private List<SheetRow> readRows(InputStream upload) {
		BufferedInputStream in = new BufferedInputStream(upload);
		FileMagic magic;
		try {
			magic = FileMagic.valueOf(in);
		}
		catch (IOException ex) {
			throw new RejectedFile("organisation.import.error.notXlsx");
		}
		if (magic == FileMagic.OLE2) {
			throw new RejectedFile("organisation.import.error.oldExcel");
		}
		if (magic != FileMagic.OOXML) {
			throw new RejectedFile("organisation.import.error.notXlsx");
		}
		// POI's ZipSecureFile limits (inflation ratio, entry size) reject zip bombs while
		// opening.
		try (Workbook workbook = new XSSFWorkbook(in)) {
			Sheet sheet = workbook.getSheetAt(0);
			checkHeader(sheet.getRow(0));
			if (sheet.getLastRowNum() > MAX_ROWS && countFilledRows(sheet) > MAX_ROWS) {
				throw new RejectedFile("organisation.import.error.tooManyRows", MAX_ROWS);
			}
			DataFormatter formatter = new DataFormatter(CHINESE);
			List<SheetRow> rows = new ArrayList<>();
			for (int r = 1; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				if (row == null) {
					continue;
				}
				String name = text(formatter, row, 0);
				String shortName = text(formatter, row, 1);
				String kind = text(formatter, row, 2);
				String parent = text(formatter, row, 3);
				if (name == null && shortName == null && kind == null && parent == null) {
					continue;
				}
				rows.add(new SheetRow(r + 1, name, shortName, kind, parent));
			}
			if (rows.size() > MAX_ROWS) {
				throw new RejectedFile("organisation.import.error.tooManyRows", MAX_ROWS);
			}
			if (rows.isEmpty()) {
				throw new RejectedFile("organisation.import.error.empty");
			}
			return rows;
		}
		catch (RejectedFile ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			throw new RejectedFile("organisation.import.error.corrupt");
		}
	}

	private static int countFilledRows(Sheet sheet) {
		return sheet.getPhysicalNumberOfRows() - 1;
	}

	/**
	 * The header row of the template, which an uploaded file must keep (the hint in the
	 * last one may go).
	 */
	List<String> headers() {
		return HEADER_KEYS.stream().map(texts::text).toList();
	}

	private void checkHeader(Row header) {
		DataFormatter formatter = new DataFormatter(CHINESE);
		List<String> headers = headers();
		if (header == null || !headers.get(0).equals(text(formatter, header, 0))
				|| !headers.get(1).equals(text(formatter, header, 1))
				|| !headers.get(2).equals(text(formatter, header, 2)) || !String.valueOf(text(formatter, header, 3))
					.startsWith(texts.text("organisation.import.column.parent.start"))) {
			throw new RejectedFile("organisation.import.error.header");
		}
	}

	private static String text(DataFormatter formatter, Row row, int column) {
		Cell cell = row.getCell(column);
		if (cell == null) {
			return null;
		}
		String value = formatter.formatCellValue(cell).strip();
		return value.isEmpty() ? null : value;
	}

	private List<PlannedRow> validate(Organisation target, List<SheetRow> rows, List<ImportProblem> problems) {
		Map<String, OrganisationKind> kindsByLabel = kindsByLabel();
		List<Organisation> existing = organisations.subtree(target.path());
		Map<String, List<Organisation>> existingByName = new HashMap<>();
		Set<String> existingNamesPerParent = new HashSet<>();
		for (Organisation organisation : existing) {
			existingByName.computeIfAbsent(organisation.name(), n -> new ArrayList<>()).add(organisation);
			existingNamesPerParent.add(organisation.parentId() + "\u0000" + organisation.name());
		}
		Map<String, List<PlannedRow>> rowsByName = new HashMap<>();
		Map<String, Integer> firstRowOfKey = new HashMap<>();
		List<PlannedRow> plan = new ArrayList<>();
		for (SheetRow row : rows) {
			int before = problems.size();
			int n = row.rowNumber();
			if (row.name() == null) {
				problems.add(new ImportProblem(n, "organisation.import.error.nameBlank"));
			}
			else if (row.name().length() > OrganisationAdministration.NAME_MAX_LENGTH) {
				problems.add(new ImportProblem(n, "organisation.import.error.nameTooLong",
						OrganisationAdministration.NAME_MAX_LENGTH));
			}
			if (row.shortName() != null
					&& row.shortName().length() > OrganisationAdministration.SHORT_NAME_MAX_LENGTH) {
				problems.add(new ImportProblem(n, "organisation.import.error.shortNameTooLong",
						OrganisationAdministration.SHORT_NAME_MAX_LENGTH));
			}
			OrganisationKind kind = null;
			if (row.kind() == null) {
				problems.add(new ImportProblem(n, "organisation.import.error.kindBlank"));
			}
			else {
				kind = kindsByLabel.get(normalise(row.kind()));
				if (kind == null) {
					problems.add(new ImportProblem(n, "organisation.import.error.kindUnknown", row.kind()));
				}
			}

			Organisation existingParent = null;
			PlannedRow parentRow = null;
			boolean parentKnown = false;
			if (row.parentName() == null || row.parentName().equals(target.name())) {
				existingParent = target;
				parentKnown = true;
			}
			else {
				List<PlannedRow> fileCandidates = rowsByName.getOrDefault(row.parentName(), List.of());
				List<Organisation> dbCandidates = existingByName.getOrDefault(row.parentName(), List.of());
				if (fileCandidates.size() + dbCandidates.size() == 0) {
					problems.add(new ImportProblem(n, "organisation.import.error.parentNotFound", row.parentName()));
				}
				else if (fileCandidates.size() + dbCandidates.size() > 1) {
					problems.add(new ImportProblem(n, "organisation.import.error.parentAmbiguous", row.parentName()));
				}
				else if (fileCandidates.size() == 1) {
					parentRow = fileCandidates.get(0);
					parentKnown = true;
				}
				else {
					existingParent = dbCandidates.get(0);
					parentKnown = true;
				}
			}
			OrganisationKind parentKind = existingParent != null ? existingParent.kind()
					: parentRow != null ? parentRow.kind() : null;
			String parentLabel = existingParent != null ? existingParent.name() : row.parentName();
			if (kind != null && parentKind != null && !parentKind.allowedChildren().contains(kind)) {
				problems.add(new ImportProblem(n, "organisation.import.error.kindNotAllowed", label(kind), parentLabel,
						label(parentKind)));
			}
			if (row.name() != null && parentKnown) {
				String parentKey = existingParent != null ? "db" + existingParent.id() : "row" + parentRow.rowNumber();
				Integer first = firstRowOfKey.putIfAbsent(parentKey + "\u0000" + row.name(), n);
				if (first != null) {
					problems.add(new ImportProblem(n, "organisation.import.error.duplicateInFile", first));
				}
				else if (existingParent != null
						&& existingNamesPerParent.contains(existingParent.id() + "\u0000" + row.name())) {
					problems.add(new ImportProblem(n, "organisation.import.error.exists", parentLabel));
				}
			}
			PlannedRow planned = new PlannedRow(n, row.name(), row.shortName(), kind, existingParent,
					parentRow == null ? null : parentRow.rowNumber());
			if (row.name() != null) {
				rowsByName.computeIfAbsent(row.name(), k -> new ArrayList<>()).add(planned);
			}
			if (problems.size() == before) {
				plan.add(planned);
			}
		}
		return plan;
	}

	/**
	 * What a cell may say for a kind: its Chinese label (either kind of brackets) or its
	 * code name.
	 */
	private Map<String, OrganisationKind> kindsByLabel() {
		Map<String, OrganisationKind> byLabel = new HashMap<>();
		for (OrganisationKind kind : OrganisationKind.values()) {
			byLabel.put(normalise(label(kind)), kind);
			byLabel.put(normalise(kind.name()), kind);
		}
		return byLabel;
	}

	private static String normalise(String text) {
		return text.replace('(', '（').replace(')', '）').replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
	}

	/** The kinds that can appear somewhere below an organisation of this kind. */
	static Set<OrganisationKind> importableKinds(OrganisationKind targetKind) {
		Set<OrganisationKind> kinds = EnumSet.noneOf(OrganisationKind.class);
		List<OrganisationKind> open = new ArrayList<>(targetKind.allowedChildren());
		while (!open.isEmpty()) {
			OrganisationKind kind = open.remove(open.size() - 1);
			if (kinds.add(kind)) {
				open.addAll(kind.allowedChildren());
			}
		}
		return kinds;
	}

	private List<String> parentKindsOf(OrganisationKind kind, OrganisationKind targetKind,
			Set<OrganisationKind> kinds) {
		List<String> parents = new ArrayList<>();
		if (targetKind.allowedChildren().contains(kind)) {
			parents.add(texts.text("organisation.import.template.current", label(targetKind)));
		}
		for (OrganisationKind candidate : kinds) {
			if (candidate.allowedChildren().contains(kind)) {
				parents.add(label(candidate));
			}
		}
		return parents;
	}

	private String label(OrganisationKind kind) {
		return texts.text("organisation.kind." + kind.name());
	}

	private static CellStyle headerStyle(Workbook workbook) {
		CellStyle style = workbook.createCellStyle();
		Font font = workbook.createFont();
		font.setBold(true);
		style.setFont(font);
		style.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
		style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
		style.setBorderBottom(BorderStyle.THIN);
		return style;
	}

	/**
	 * The outcome of an import: either problems (nothing imported) or the number imported
	 * by kind.
	 *
	 * @param problems every problem found; a row number of 0 concerns the whole file
	 */
	public record ImportReport(List<ImportProblem> problems, int imported, Map<OrganisationKind, Integer> byKind) {

		static ImportReport failed(List<ImportProblem> problems) {
			return new ImportReport(List.copyOf(problems), 0, Map.of());
		}

		public boolean succeeded() {
			return problems.isEmpty();
		}

		/** How many distinct rows are bad. */
		public long badRows() {
			return problems.stream().mapToInt(ImportProblem::rowNumber).filter(r -> r > 0).distinct().count();
		}
	}

	/**
	 * One problem of an uploaded file.
	 *
	 * @param rowNumber the Excel row number (1 = the header row), 0 for the whole file
	 * @param messageKey a key of {@code messages-organisation.properties}
	 */
	public record ImportProblem(int rowNumber, String messageKey, Object... arguments) {
	}

	/**
	 * A concurrent change made a checked file fail while inserting; nothing was imported.
	 */
	public static class ConcurrentImportConflict extends RuntimeException {

		private final int rowNumber;

		ConcurrentImportConflict(int rowNumber) {
			super("row " + rowNumber + " conflicts with a concurrent change");
			this.rowNumber = rowNumber;
		}

		public int rowNumber() {
			return rowNumber;
		}

	}

	private record SheetRow(int rowNumber, String name, String shortName, String kind, String parentName) {
	}

	private record PlannedRow(int rowNumber, String name, String shortName, OrganisationKind kind,
			Organisation existingParent, Integer parentRow) {
	}

	private static final class RejectedFile extends RuntimeException {

		private final String messageKey;

		private final transient Object[] arguments;

		RejectedFile(String messageKey, Object... arguments) {
			super(messageKey, null, false, false);
			this.messageKey = messageKey;
			this.arguments = arguments;
		}

	}

}
