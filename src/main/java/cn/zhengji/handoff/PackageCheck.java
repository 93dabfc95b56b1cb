package cn.zhengji.handoff;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import cn.zhengji.campaign.Category;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.organisation.Organisation;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Issue 14 item 3: checks a province's package (as {@link PackageWriter} writes it)
 * against its manifest before anything is imported: one manifest
 * {@code <sub-project>/<sub-project>推荐清单.xlsx} with the expected header, the sub-project
 * one of the campaign's categories, the province a unit right below the campaign's host
 * named in every work's unit chain, and every file the manifest lists present with its
 * size and SHA-256 (read and hashed here, one buffer, no copy), and no file it does not
 * list. Every problem found is reported, in Chinese, not only the first. Reads the ZIP
 * through its central directory ({@link ZipFile}): no temporary copy.
 */
@Component
class PackageCheck {

	/** At most this many problems are listed; the rest are counted. */
	static final int MAX_PROBLEMS = 30;

	/** The largest manifest read (a manifest of thousands of rows is far smaller). */
	static final long MAX_MANIFEST = 20L * 1024 * 1024;

	private static final Pattern SHA256 = Pattern.compile("^[0-9a-f]{64}$");

	private static final String CHAIN_SEPARATOR = " / ";

	/**
	 * A file of a work as the manifest lists it; size and SHA-256 null for a generated
	 * form.
	 */
	record ListedFile(String path, String fileName, Long size, String sha256) {
	}

	/** A work as the manifest describes it. */
	record ListedWork(int number, String title, String author, String unitChain, String category, String award,
			String note, List<ListedFile> files) {

		/**
		 * The work's identity across exports: its title, unit chain and its files'
		 * checksums (a re-export with more works keeps the key of each work).
		 */
		String key(long provinceId) {
			TreeSet<String> sums = new TreeSet<>();
			for (ListedFile file : files) {
				sums.add(file.sha256() == null ? file.fileName() : file.sha256());
			}
			return provinceId + ":" + sha256(
					(title + "\n" + unitChain + "\n" + String.join("\n", sums)).getBytes(StandardCharsets.UTF_8));
		}

	}

	/** The outcome: problems, or the package's sub-project, province and works. */
	record Checked(List<String> problems, Category subProject, Organisation province, String manifestSha256,
			List<ListedWork> works) {

		boolean passed() {
			return problems.isEmpty();
		}

	}

	private final Texts texts;

	PackageCheck(Texts texts) {
		this.texts = texts;
	}

	/**
	 * @param subProjects the campaign's categories
	 * @param provinces the units right below the campaign's host
	 */
	Checked check(java.nio.file.Path zipPath, List<Category> subProjects, List<Organisation> provinces) {
		Problems problems = new Problems();
		try (ZipFile zip = new ZipFile(zipPath.toFile(), StandardCharsets.UTF_8)) {
			return check(zip, subProjects, provinces, problems);
		}
		catch (IOException | IllegalArgumentException ex) {
			problems.add("handoff.import.problem.notZip");
			return new Checked(problems.list(), null, null, null, List.of());
		}
	}

	private Checked check(ZipFile zip, List<Category> subProjects, List<Organisation> provinces, Problems problems)
			throws IOException {
		Map<String, ZipEntry> files = new LinkedHashMap<>();
		List<String> manifests = new ArrayList<>();
		Enumeration<? extends ZipEntry> entries = zip.entries();
		while (entries.hasMoreElements()) {
			ZipEntry entry = entries.nextElement();
			if (entry.isDirectory()) {
				continue;
			}
			if (isManifest(entry.getName())) {
				manifests.add(entry.getName());
			}
			else {
				files.put(entry.getName(), entry);
			}
		}
		if (manifests.size() != 1) {
			problems.add(
					manifests.isEmpty() ? "handoff.import.problem.noManifest" : "handoff.import.problem.manyManifests",
					String.join(texts.plain("common.listSeparator"), manifests));
			return new Checked(problems.list(), null, null, null, List.of());
		}
		String manifestName = manifests.get(0);
		String root = manifestName.substring(0, manifestName.indexOf('/'));
		Category subProject = subProjects.stream()
			.filter(category -> root.equals(PackageNames.safe(Handoffs.subProjectName(category)))
					|| root.equals(PackageNames.safe(category.name())))
			.findFirst()
			.orElse(null);
		if (subProject == null) {
			problems.add("handoff.import.problem.subProject", root);
		}
		ZipEntry manifestEntry = zip.getEntry(manifestName);
		if (manifestEntry.getSize() > MAX_MANIFEST) {
			problems.add("handoff.import.problem.manifestUnreadable", manifestName);
			return new Checked(problems.list(), subProject, null, null, List.of());
		}
		byte[] manifest;
		try (InputStream in = zip.getInputStream(manifestEntry)) {
			manifest = in.readNBytes((int) MAX_MANIFEST + 1);
		}
		List<List<String>> rows;
		try {
			if (manifest.length > MAX_MANIFEST) {
				throw new IOException("manifest too large");
			}
			rows = rows(manifest);
		}
		catch (IOException | RuntimeException ex) {
			problems.add("handoff.import.problem.manifestUnreadable", manifestName);
			return new Checked(problems.list(), subProject, null, null, List.of());
		}
		List<String> expected = headers();
		if (rows.isEmpty() || !rows.get(0).subList(0, Math.min(rows.get(0).size(), expected.size())).equals(expected)) {
			problems.add("handoff.import.problem.header", String.join(texts.plain("common.listSeparator"), expected));
			return new Checked(problems.list(), subProject, null, null, List.of());
		}
		List<ListedWork> works = works(rows, root, problems);
		Organisation province = province(works, provinces, problems);
		Set<String> listed = new LinkedHashSet<>();
		for (ListedWork work : works) {
			for (ListedFile file : work.files()) {
				if (!listed.add(file.path())) {
					problems.add("handoff.import.problem.listedTwice", file.path());
					continue;
				}
				ZipEntry entry = files.get(file.path());
				if (entry == null) {
					problems.add("handoff.import.problem.missing", file.path());
					continue;
				}
				if (file.sha256() == null) {
					continue;
				}
				Hashed hashed;
				try {
					hashed = hash(zip, entry);
				}
				catch (IOException ex) {
					// a damaged entry (bad compressed data): it is not the listed file
					problems.add("handoff.import.problem.sha256", file.path());
					continue;
				}
				if (hashed.size() != file.size()) {
					problems.add("handoff.import.problem.size", file.path(), file.size(), hashed.size());
				}
				else if (!hashed.sha256().equals(file.sha256())) {
					problems.add("handoff.import.problem.sha256", file.path());
				}
			}
		}
		for (String name : files.keySet()) {
			if (!listed.contains(name)) {
				problems.add("handoff.import.problem.extra", name);
			}
		}
		return new Checked(problems.list(), subProject, province, sha256(manifest), works);
	}

	/**
	 * Whether the name is {@code <root>/<root>推荐清单.xlsx}, as {@link Manifest} names it.
	 */
	private boolean isManifest(String name) {
		int slash = name.indexOf('/');
		return slash > 0 && name.indexOf('/', slash + 1) < 0
				&& name.substring(slash + 1).equals(texts.plain("handoff.manifest.fileName", name.substring(0, slash)));
	}

	private List<String> headers() {
		return List.of(texts.plain("handoff.manifest.number"), texts.plain("handoff.manifest.title"),
				texts.plain("handoff.manifest.author"), texts.plain("handoff.manifest.chain"),
				texts.plain("handoff.manifest.category"), texts.plain("handoff.manifest.award"),
				texts.plain("handoff.manifest.note"), texts.plain("handoff.manifest.file"),
				texts.plain("handoff.manifest.size"), texts.plain("handoff.manifest.sha256"));
	}

	/** The manifest's rows as text (row 1 the header); numbers without exponent. */
	static List<List<String>> rows(byte[] xlsx) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheetAt(0);
			DataFormatter formatter = new DataFormatter();
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < 10; c++) {
					Cell cell = row == null ? null : row.getCell(c);
					if (cell == null) {
						cells.add("");
					}
					else if (cell.getCellType() == CellType.NUMERIC) {
						cells.add(BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString());
					}
					else {
						cells.add(formatter.formatCellValue(cell).strip());
					}
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	private List<ListedWork> works(List<List<String>> rows, String root, Problems problems) {
		Map<Integer, ListedWork> works = new LinkedHashMap<>();
		for (int r = 1; r < rows.size(); r++) {
			List<String> cells = rows.get(r);
			if (cells.stream().allMatch(String::isEmpty)) {
				continue;
			}
			int line = r + 1;
			Integer number = positive(cells.get(0));
			if (number == null) {
				problems.add("handoff.import.problem.number", line, cells.get(0));
				continue;
			}
			if (cells.get(1).isEmpty() || cells.get(3).isEmpty()) {
				problems.add("handoff.import.problem.incomplete", line);
				continue;
			}
			ListedWork work = works.computeIfAbsent(number, n -> new ListedWork(n, cells.get(1), cells.get(2),
					cells.get(3), cells.get(4), cells.get(5), cells.get(6), new ArrayList<>()));
			if (!work.title().equals(cells.get(1)) || !work.unitChain().equals(cells.get(3))) {
				problems.add("handoff.import.problem.inconsistent", line, number);
				continue;
			}
			String file = cells.get(7);
			if (file.isEmpty()) {
				continue;
			}
			String fileName = file.substring(file.lastIndexOf('/') + 1);
			if (!file.contains("/") || file.startsWith("/") || file.contains("..") || fileName.isEmpty()) {
				problems.add("handoff.import.problem.path", line, file);
				continue;
			}
			String size = cells.get(8);
			String sha256 = cells.get(9).toLowerCase(java.util.Locale.ROOT);
			if (size.isEmpty() && sha256.isEmpty()) {
				work.files().add(new ListedFile(root + "/" + file, fileName, null, null));
				continue;
			}
			Long bytes = size.matches("\\d{1,18}") ? Long.valueOf(size) : null;
			if (bytes == null || !SHA256.matcher(sha256).matches()) {
				problems.add("handoff.import.problem.checksum", line, file);
				continue;
			}
			work.files().add(new ListedFile(root + "/" + file, fileName, bytes, sha256));
		}
		if (works.isEmpty()) {
			problems.add("handoff.import.problem.noWorks");
		}
		return new ArrayList<>(works.values());
	}

	private Organisation province(List<ListedWork> works, List<Organisation> provinces, Problems problems) {
		Organisation found = null;
		for (ListedWork work : works) {
			String[] chain = work.unitChain().split(Pattern.quote(CHAIN_SEPARATOR));
			Organisation province = null;
			for (String unit : chain) {
				province = provinces.stream()
					.filter(candidate -> candidate.name().equals(unit.strip()))
					.findFirst()
					.orElse(null);
				if (province != null) {
					break;
				}
			}
			if (province == null) {
				problems.add("handoff.import.problem.province", work.number(), work.unitChain());
			}
			else if (found != null && found.id() != province.id()) {
				problems.add("handoff.import.problem.twoProvinces", found.name(), province.name());
			}
			else {
				found = province;
			}
		}
		return found;
	}

	private static Integer positive(String text) {
		return text.matches("[1-9]\\d{0,5}") ? Integer.valueOf(text) : null;
	}

	record Hashed(long size, String sha256) {
	}

	/** Reads the entry once, counting and hashing it. */
	static Hashed hash(ZipFile zip, ZipEntry entry) throws IOException {
		MessageDigest digest = newSha256();
		long size = 0;
		byte[] buffer = new byte[256 * 1024];
		try (InputStream in = zip.getInputStream(entry)) {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				digest.update(buffer, 0, read);
				size += read;
			}
		}
		return new Hashed(size, HexFormat.of().formatHex(digest.digest()));
	}

	static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(newSha256().digest(bytes));
	}

	private static MessageDigest newSha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The problems found, in Chinese, at most {@link #MAX_PROBLEMS} of them. */
	private final class Problems {

		private final List<String> list = new ArrayList<>();

		private int more;

		void add(String code, Object... arguments) {
			if (list.size() < MAX_PROBLEMS) {
				list.add(texts.plain(code, arguments));
			}
			else {
				more++;
			}
		}

		List<String> list() {
			List<String> all = new ArrayList<>(list);
			if (more > 0) {
				all.add(texts.plain("handoff.import.problem.more", more));
			}
			return all;
		}

	}

}
