package cn.zhengji.handoff;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.sql.DataSource;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.campaign.CampaignAdministration;
import cn.zhengji.campaign.Campaigns;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.support.SceneryRows;
import cn.zhengji.support.TestAccounts;
import cn.zhengji.support.TestOrganisations;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The national side of a hand-off test: a fresh copy of national-2024 (so that the
 * imports of one test never meet another's), an admin of its host (中华全国总工会), the packages
 * as that admin's completed uploads, one more db-scheduler node polling often for the
 * import task, and ZIP surgery for tampered packages.
 */
final class HandoffImportScenery {

	final Campaign national;

	final Organisation host;

	final Organisation province;

	final SignedInUser nationalAdmin;

	private final JdbcClient jdbc;

	private final Path dataDir;

	private final Scheduler node;

	HandoffImportScenery(CampaignAdministration administration, Campaigns campaigns, TestOrganisations organisations,
			TestAccounts accounts, JdbcClient jdbc, Path dataDir, DataSource dataSource, OneTimeTask<Void> importTask) {
		this.jdbc = jdbc;
		this.dataDir = dataDir;
		String code = "national-" + UUID.randomUUID().toString().substring(0, 8);
		administration.copy(accounts.platformAdmin(), "national-2024", code, "全国导入测试活动", 2020);
		national = campaigns.getByCode(code);
		host = organisations.byCode("acftu");
		province = organisations.byCode("fj");
		nationalAdmin = accounts.signedIn(accounts.admin(host).create()).withPasswordChanged();
		node = Scheduler.create(dataSource, importTask)
			.schedulerName(new SchedulerName.Fixed("handoff-import-test-" + code))
			.pollingInterval(Duration.ofMillis(200))
			.threads(1)
			.build();
		node.start();
	}

	void stop() {
		node.stop();
	}

	/** The package as the national admin's completed upload. */
	UUID uploaded(String fileName, byte[] zip) {
		return SceneryRows.storedFile(jdbc, dataDir, nationalAdmin.accountId(), fileName, zip);
	}

	/** Waits for the import to finish (DONE or REFUSED) and returns its state. */
	String awaitFinished(long importId) throws InterruptedException {
		Instant until = Instant.now().plusSeconds(60);
		while (Instant.now().isBefore(until)) {
			String state = jdbc.sql("select state from handoff_import where id = ?")
				.param(importId)
				.query(String.class)
				.single();
			if (state.equals("DONE") || state.equals("REFUSED")) {
				return state;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("import " + importId + " not finished in 60 s");
	}

	long entries() {
		return jdbc.sql("select count(*) from entry where campaign_id = ?")
			.param(national.id())
			.query(Long.class)
			.single();
	}

	/** The ZIP with each entry's bytes as {@code change} gives them (null: left out). */
	static byte[] rewritten(byte[] zip, Function<Map.Entry<String, byte[]>, byte[]> change) throws IOException {
		Map<String, byte[]> contents = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				contents.put(entry.getName(), in.readAllBytes());
			}
		}
		ByteArrayOutputStream result = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(result, StandardCharsets.UTF_8)) {
			for (Map.Entry<String, byte[]> entry : contents.entrySet()) {
				byte[] bytes = change.apply(entry);
				if (bytes != null) {
					out.putNextEntry(new ZipEntry(entry.getKey()));
					out.write(bytes);
					out.closeEntry();
				}
			}
		}
		return result.toByteArray();
	}

	static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> contents = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				contents.put(entry.getName(), in.readAllBytes());
			}
		}
		return contents;
	}

}
