package cn.zhengji.organisation;

import java.util.List;
import java.util.Optional;

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
		return jdbc.sql("select " + COLUMNS + " from organisation where path like :prefix || '%' order by path")
			.param("prefix", pathPrefix)
			.query(ROW)
			.list();
	}

	/** The chain from the root down to (and including) the given organisation. */
	public List<Organisation> ancestry(Organisation organisation) {
		List<Long> ids = java.util.Arrays.stream(organisation.path().split("/"))
			.filter(s -> !s.isEmpty())
			.map(Long::valueOf)
			.toList();
		return jdbc.sql("select " + COLUMNS + " from organisation where id in (:ids) order by length(path)")
			.param("ids", ids)
			.query(ROW)
			.list();
	}
}
