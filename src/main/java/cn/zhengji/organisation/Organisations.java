package cn.zhengji.organisation;

import java.util.List;
import java.util.Optional;

import cn.zhengji.infrastructure.database.Subtree;
import cn.zhengji.infrastructure.security.SignedInUser;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the organisation tree: the module's query API for other modules. */
@Service
@Transactional(readOnly = true)
public class Organisations {

	static final String COLUMNS = "id, parent_id, path, code, name, short_name, kind, sort_order, demo, version";

	static final RowMapper<Organisation> ROW = (rs, n) -> new Organisation(rs.getLong("id"),
			rs.getObject("parent_id", Long.class), rs.getString("path"), rs.getString("code"), rs.getString("name"),
			rs.getString("short_name"), OrganisationKind.valueOf(rs.getString("kind")), rs.getInt("sort_order"),
			rs.getBoolean("demo"), rs.getInt("version"));

	private final JdbcClient jdbc;

	Organisations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Organisation> findById(long id) {
		return jdbc.sql("select " + COLUMNS + " from organisation where id = ?").param(id).query(ROW).optional();
	}

	public Optional<Organisation> findByCode(String code) {
		return jdbc.sql("select " + COLUMNS + " from organisation where code = ?").param(code).query(ROW).optional();
	}

	public Organisation getByCode(String code) {
		return findByCode(code).orElseThrow(() -> new IllegalStateException("No organisation with code " + code));
	}

	public List<Organisation> children(long parentId) {
		return jdbc.sql("select " + COLUMNS + " from organisation where parent_id = ? order by sort_order, id")
			.param(parentId)
			.query(ROW)
			.list();
	}

	/** The organisation with this path prefix and everything below it, in tree order. */
	public List<Organisation> subtree(String pathPrefix) {
		return jdbc
			.sql("select " + COLUMNS + " from organisation where " + Subtree.sql("path", "prefix") + " order by path")
			.param("prefix", new Subtree(pathPrefix).pattern())
			.query(ROW)
			.list();
	}

	/** The organisations with these ids, by id, in one query; unknown ids are missing. */
	public java.util.Map<Long, Organisation> byIds(java.util.Collection<Long> ids) {
		java.util.Map<Long, Organisation> found = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		jdbc.sql("select " + COLUMNS + " from organisation where id in (:ids)")
			.param("ids", ids)
			.query(ROW)
			.list()
			.forEach((organisation) -> found.put(organisation.id(), organisation));
		return found;
	}

	/** The chain from the root down to (and including) the given organisation. */
	public List<Organisation> ancestry(Organisation organisation) {
		return jdbc.sql("select " + COLUMNS + " from organisation where id in (:ids) order by length(path)")
			.param("ids", organisation.pathIds())
			.query(ROW)
			.list();
	}

	/** The root of the tree (中华全国总工会), where pickers start. */
	public Organisation root() {
		return jdbc.sql("select " + COLUMNS + " from organisation where parent_id is null").query(ROW).single();
	}

	/**
	 * The organisations the user may look up: an admin its whole subtree, anyone else the
	 * chain from the root down to its own organisation (what it needs to show where it
	 * belongs). Decided by {@link OrganisationPolicy#canView}, in tree order.
	 */
	public List<Organisation> visibleTo(SignedInUser user) {
		if (user.isAdmin()) {
			return subtree(user.adminScope());
		}
		return findById(user.organisationId()).map(this::ancestry).orElse(List.of());
	}

	/**
	 * One organisation if the user may look it up ({@link OrganisationPolicy#canView}).
	 */
	public Optional<Organisation> findVisible(SignedInUser user, long id) {
		return findById(id).filter(organisation -> OrganisationPolicy.canView(user, organisation));
	}

}
