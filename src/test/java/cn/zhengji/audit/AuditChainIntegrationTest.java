package cn.zhengji.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.zhengji.audit.AuditChainVerification.BrokenLink;
import cn.zhengji.audit.AuditChainVerification.Fault;
import cn.zhengji.support.ZhengjiTest;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R-X-3 (issue 11) The audit log is one chain of HMAC-SM3 links: changing, removing or
 * inserting a row directly in the database (as the owner of the tables could) is found,
 * and the verification names the first row where the chain breaks. Each test puts the
 * database back as it found it, because the chain is shared by every test of this JVM.
 */
@ZhengjiTest
class AuditChainIntegrationTest {

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditChainVerification verification;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Flyway flyway;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aRowChangedWithSqlIsNamedAsTheFirstBrokenLink() {
		List<Long> written = write("篡改", 3);
		assertThat(verification.verify().firstBroken()).isEmpty();
		long tampered = written.get(1);
		String original = jdbc.sql("select summary from audit_event where id = ?")
			.param(tampered)
			.query(String.class)
			.single();
		try {
			owner().sql("update audit_event set summary = '已批准' where id = ?").param(tampered).update();

			AuditChainVerification.Report report = verification.verify();

			assertThat(report.firstBroken()).contains(new BrokenLink(tampered, seq(tampered), Fault.ALTERED));
		}
		finally {
			owner().sql("update audit_event set summary = ? where id = ?").params(original, tampered).update();
		}
		assertThat(verification.verify().firstBroken()).isEmpty();
	}

	@Test
	void aRowWhoseMacWasReplacedWithoutTheKeyIsFound() {
		List<Long> written = write("连改", 3);
		long tampered = written.get(1);
		byte[] mac = jdbc.sql("select mac from audit_event where id = ?").param(tampered).query(byte[].class).single();
		try {
			// Without the key a new MAC can only be guessed.
			owner().sql("update audit_event set mac = sha256(mac) where id = ?").param(tampered).update();

			assertThat(verification.verify().firstBroken())
				.contains(new BrokenLink(tampered, seq(tampered), Fault.ALTERED));
		}
		finally {
			owner().sql("update audit_event set mac = ? where id = ?").params(mac, tampered).update();
		}
	}

	@Test
	void aDeletedRowIsFoundAtTheRowAfterIt() {
		List<Long> written = write("删除", 3);
		long deleted = written.get(1);
		long next = written.get(2);
		owner().sql("create table if not exists removed_audit_event as table audit_event with no data").update();
		try {
			owner().sql("insert into removed_audit_event select * from audit_event where id = ?")
				.param(deleted)
				.update();
			owner().sql("delete from audit_event where id = ?").param(deleted).update();

			assertThat(verification.verify().firstBroken())
				.contains(new BrokenLink(next, seq(next), Fault.MISSING_BEFORE));
		}
		finally {
			owner()
				.sql("insert into audit_event overriding system value select * from removed_audit_event where id = ?")
				.param(deleted)
				.update();
			owner().sql("delete from removed_audit_event").update();
		}
		assertThat(verification.verify().firstBroken()).isEmpty();
	}

	@Test
	void writersInManyTransactionsAtOnceFormOneChainWithoutGaps() throws Exception {
		long before = verification.verify().intact();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<List<Long>>> writers = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				String name = "并发" + i;
				writers.add(pool.submit(() -> write(name, 8)));
			}
			for (Future<List<Long>> writer : writers) {
				writer.get();
			}
		}
		finally {
			pool.shutdown();
		}

		AuditChainVerification.Report report = verification.verify();
		assertThat(report.firstBroken()).isEmpty();
		assertThat(report.intact()).isGreaterThanOrEqualTo(before + 48);
		assertThat(jdbc
			.sql("select max(chain_seq) - min(chain_seq) + 1 = count(*) from audit_event "
					+ "where chain_seq is not null")
			.query(Boolean.class)
			.single()).isTrue();
	}

	private List<Long> write(String name, int count) {
		String actor = name + System.nanoTime();
		for (int i = 0; i < count; i++) {
			int n = i;
			transactions.executeWithoutResult(status -> auditLog.recordFor(null, actor, AuditAction.UPDATED,
					"organisation", n, "/1/", "第" + n + "次修改"));
		}
		return jdbc.sql("select id from audit_event where actor_name = ? order by chain_seq")
			.param(actor)
			.query(Long.class)
			.list();
	}

	private long seq(long id) {
		return jdbc.sql("select chain_seq from audit_event where id = ?").param(id).query(Long.class).single();
	}

	/** Only the schema owner can change audit rows: the application's role cannot. */
	private JdbcClient owner() {
		return JdbcClient.create(flyway.getConfiguration().getDataSource());
	}

}
