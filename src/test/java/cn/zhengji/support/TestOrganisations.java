package cn.zhengji.support;

import java.util.concurrent.atomic.AtomicLong;

import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;
import cn.zhengji.organisation.Organisations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Organisations as scenery: the seeded ones by code, and new ones with names no other
 * test uses (one database is shared by every test class of the JVM). New organisations
 * are written directly, bypassing the administration service and its audit on purpose.
 */
public final class TestOrganisations {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

	private final JdbcClient jdbc;

	private final Organisations organisations;

	public TestOrganisations(JdbcClient jdbc, Organisations organisations) {
		this.jdbc = jdbc;
		this.organisations = organisations;
	}

	/** A name no other test uses: the prefix plus a number. */
	public static String unique(String prefix) {
		return prefix + SEQUENCE.incrementAndGet();
	}

	public Organisation byCode(String code) {
		return organisations.getByCode(code);
	}

	/** A new organisation below the parent, named {@code prefix + number}. */
	public Organisation create(Organisation parent, String prefix, OrganisationKind kind) {
		long id = jdbc.sql("insert into organisation (parent_id, name, kind) values (?, ?, ?) returning id")
			.params(parent.id(), unique(prefix), kind.name())
			.query(Long.class)
			.single();
		return organisations.findById(id).orElseThrow();
	}

}
