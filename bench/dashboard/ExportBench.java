import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import cn.zhengji.infrastructure.spreadsheet.SpreadsheetDownload;

/**
 * Streaming Excel export benchmark (issue 4, item 3): SpreadsheetDownload writing the entries of a
 * campaign (a worklist's columns) from a database cursor (fetch size 1000, as the application does),
 * against reading the same rows from the same cursor without writing them. Memory: the live heap
 * (used after a full GC) halfway through an export of 10 000 rows and of 100 000 rows; constant
 * memory means they are the same. The JVM runs with a small heap (-Xmx96m) so that holding the rows
 * would fail. The output goes to a counting stream (as to a response: nothing is kept).
 * Usage (from bench/dashboard/run): java --source 21 -cp target/classes:... ExportBench.java jdbcUrl campaignCode
 */
public class ExportBench {

	static final String SQL = """
			select e.id, e.title, coalesce(c.short_name, c.name) as category, o.name as organisation, e.state,
			       a.display_name as submitter, e.submitted_at, e.updated_at, p.name as pending_at
			from entry e
			join campaign_category c on c.id = e.category_id
			join organisation o on o.id = e.organisation_id
			join account a on a.id = e.created_by
			left join organisation p on p.id = e.pending_organisation_id
			where e.campaign_id = (select id from campaign where code = ?)
			order by e.organisation_path, e.id
			limit ?
			""";

	static final Map<String, String> STATES = Map.of("DRAFT", "草稿", "SUBMITTED", "审核中", "RETURNED", "已退回",
			"APPROVED", "已通过", "REJECTED", "未通过", "WITHDRAWN", "已撤回");

	static final List<String> HEADERS = List.of("编号", "作品名称", "征集项目", "申报单位", "状态", "申报人", "提交时间", "更新时间",
			"当前审核单位");

	static final class CountingStream extends OutputStream {

		long bytes;

		@Override
		public void write(int b) {
			bytes++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			bytes += len;
		}
	}

	record Result(double seconds, long rows, long bytes, double liveHeapMiB) {
	}

	static double liveHeapMiB() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024.0 / 1024.0;
	}

	static ResultSet cursor(Connection connection, String campaign, int limit) throws Exception {
		PreparedStatement statement = connection.prepareStatement(SQL);
		statement.setFetchSize(1000);
		statement.setString(1, campaign);
		statement.setInt(2, limit);
		return statement.executeQuery();
	}

	static Result read(Connection connection, String campaign, int limit) throws Exception {
		long start = System.nanoTime();
		long rows = 0;
		long checksum = 0;
		try (ResultSet rs = cursor(connection, campaign, limit)) {
			while (rs.next()) {
				rows++;
				checksum += rs.getLong(1) + rs.getString(2).length() + rs.getString(3).length() + rs.getString(4).length()
						+ STATES.get(rs.getString(5)).length() + rs.getString(6).length();
				Timestamp submitted = rs.getTimestamp(7);
				Timestamp updated = rs.getTimestamp(8);
				checksum += (submitted == null ? 0 : 1) + (updated == null ? 0 : 1) + (rs.getString(9) == null ? 0 : 1);
			}
		}
		connection.commit();
		if (checksum == 42) {
			System.out.print("");
		}
		return new Result((System.nanoTime() - start) / 1e9, rows, 0, 0);
	}

	static Result export(Connection connection, String campaign, int limit) throws Exception {
		CountingStream out = new CountingStream();
		double[] live = { 0 };
		long start = System.nanoTime();
		long rows;
		try (ResultSet rs = cursor(connection, campaign, limit)) {
			rows = SpreadsheetDownload.write(out, "作品", HEADERS, java.time.ZoneId.of("Asia/Shanghai"), sheet -> {
				try {
					while (rs.next()) {
						Timestamp submitted = rs.getTimestamp(7);
						Timestamp updated = rs.getTimestamp(8);
						sheet.row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
								STATES.get(rs.getString(5)), rs.getString(6),
								submitted == null ? null : submitted.toInstant(), updated == null ? null : updated.toInstant(),
								rs.getString(9));
						if (sheet.count() == limit / 2) {
							live[0] = liveHeapMiB();
						}
					}
				}
				catch (java.sql.SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
		}
		connection.commit();
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Result(seconds, rows, out.bytes, live[0]);
	}

	public static void main(String[] args) throws Exception {
		String url = args[0];
		String campaign = args[1];
		try (Connection connection = DriverManager.getConnection(url)) {
			// A cursor needs a transaction (as in the application's read-only transaction).
			connection.setAutoCommit(false);
			connection.setReadOnly(true);
			// Warm-up: JIT and the database's caches.
			read(connection, campaign, 100_000);
			export(connection, campaign, 100_000);
			double idle = liveHeapMiB();
			Result small = export(connection, campaign, 10_000);
			Result readBest = null;
			Result exportBest = null;
			for (int run = 0; run < 3; run++) {
				Result r = read(connection, campaign, 100_000);
				readBest = readBest == null || r.seconds() < readBest.seconds() ? r : readBest;
				Result e = export(connection, campaign, 100_000);
				exportBest = exportBest == null || e.seconds() < exportBest.seconds() ? e : exportBest;
			}
			System.out.printf("Excel export (SpreadsheetDownload/fastexcel) from a database cursor, best of 3 runs after a warm-up; -Xmx96m%n");
			System.out.printf("%-52s %8s %9s %8s%n", "", "rows", "seconds", "ratio");
			System.out.printf("%-52s %8d %9.2f %8.2f%n", "reading the rows only (reference)", readBest.rows(),
					readBest.seconds(), 1.0);
			System.out.printf("%-52s %8d %9.2f %8.2f   goal 10 s: %.2f of it; %.1f MB written%n",
					"reading and writing them as .xlsx", exportBest.rows(), exportBest.seconds(),
					exportBest.seconds() / readBest.seconds(), exportBest.seconds() / 10, exportBest.bytes() / 1e6);
			System.out.printf("live heap (used after a full GC): idle %.1f MiB; halfway through 10 000 rows %.1f MiB; "
					+ "halfway through 100 000 rows %.1f MiB (growth %+.1f MiB for 10x the rows)%n", idle,
					small.liveHeapMiB(), exportBest.liveHeapMiB(), exportBest.liveHeapMiB() - small.liveHeapMiB());
		}
	}
}
