package cn.zhengji.organisation;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.zhengji.infrastructure.database.Subtree;
import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.spreadsheet.SpreadsheetDownload;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.infrastructure.web.NotVisibleException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-ORG-1/2 What admins do to the tree: look at their subtree, add children, rename.
 * Every method takes the acting user and answers "not found" for anything outside what
 * {@link OrganisationPolicy} lets it see or do; every change is audited in its own
 * transaction.
 */
@Service
@Transactional(readOnly = true)
public class OrganisationAdministration {

	/** Audit target type of organisation events. */
	public static final String AUDIT_TARGET = "organisation";

	public static final int NAME_MAX_LENGTH = 100;

	public static final int SHORT_NAME_MAX_LENGTH = 50;

	private final JdbcClient jdbc;

	private final Organisations organisations;

	private final AuditLog audit;

	private final Texts texts;

	OrganisationAdministration(JdbcClient jdbc, Organisations organisations, AuditLog audit, Texts texts) {
		this.texts = texts;
		this.jdbc = jdbc;
		this.organisations = organisations;
		this.audit = audit;
	}

	/** The organisation if the user administers it; otherwise "not found". */
	public Organisation administered(SignedInUser user, long id) {
		return NotVisibleException.visible(organisations.findById(id),
				organisation -> OrganisationPolicy.canAdminister(user, organisation), AUDIT_TARGET, id);
	}

	/**
	 * An organisation the user may edit (strictly below its own); its own is not found,
	 * one outside its subtree is refused.
	 */
	private Organisation editable(SignedInUser user, long id) {
		Organisation organisation = administered(user, id);
		if (!OrganisationPolicy.canEdit(user, organisation)) {
			throw new NotFoundException("organisation " + id);
		}
		return organisation;
	}

	/** The columns of {@link #exportSubtree}, in order. */
	public static final List<String> EXPORT_COLUMNS = List.of("organisation.export.column.name",
			"organisation.export.column.shortName", "organisation.export.column.code",
			"organisation.export.column.kind", "organisation.export.column.parent", "organisation.export.column.depth");

	/**
	 * R-X-2 An administered organisation and everything below it, in tree order, as
	 * spreadsheet rows.
	 * @param kindLabel the Chinese name of a kind
	 */
	@Transactional(readOnly = true)
	public void exportSubtree(SignedInUser user, long id, Function<OrganisationKind, String> kindLabel,
			SpreadsheetDownload.Rows sheet) {
		Organisation top = administered(user, id);
		Map<Long, String> names = new HashMap<>();
		for (Organisation organisation : organisations.subtree(top.path())) {
			names.put(organisation.id(), organisation.name());
			sheet.row(organisation.name(), organisation.shortName(), organisation.code(),
					kindLabel.apply(organisation.kind()),
					organisation.parentId() == null ? null : names.getOrDefault(organisation.parentId(),
							organisations.findById(organisation.parentId()).map(Organisation::name).orElse(null)),
					organisation.depth() - top.depth());
		}
	}

	/**
	 * Where the user's tree starts: the root for the platform admin, its own organisation
	 * otherwise.
	 */
	public OrganisationNode scopeRoot(SignedInUser user) {
		Organisation root = user.isPlatformAdmin() ? organisations.root() : administered(user, user.organisationId());
		return new OrganisationNode(root, childCount(root.id()));
	}

	/**
	 * The children of an administered organisation, each with its own number of children
	 * (for lazy expansion).
	 */
	public List<OrganisationNode> childNodes(SignedInUser user, long parentId) {
		Organisation parent = administered(user, parentId);
		return jdbc.sql("select " + Organisations.COLUMNS + """
				, (select count(*) from organisation c where c.parent_id = o.id) as child_count
				from organisation o where parent_id = ? order by sort_order, id
				""")
			.param(parent.id())
			.query((rs, n) -> new OrganisationNode(Organisations.ROW.mapRow(rs, n), rs.getInt("child_count")))
			.list();
	}

	/** How many organisations of each kind lie below this one (not counting itself). */
	public Map<OrganisationKind, Integer> descendantsByKind(SignedInUser user, long id) {
		Organisation organisation = administered(user, id);
		Map<OrganisationKind, Integer> counts = new EnumMap<>(OrganisationKind.class);
		jdbc.sql("select kind, count(*) as n from organisation where " + Subtree.sql("path", "prefix")
				+ " and id <> :id group by kind")
			.param("prefix", new Subtree(organisation.path()).pattern())
			.param("id", organisation.id())
			.query((rs, n) -> counts.put(OrganisationKind.valueOf(rs.getString("kind")), rs.getInt("n")))
			.list();
		return counts;
	}

	/**
	 * Adds one child. Writes the organisation row (demo if its parent is demo) and a
	 * CREATED audit event with the new state.
	 * @throws OrganisationRejected kind not allowed below the parent, or the name taken
	 * under it
	 */
	@Transactional
	public Organisation addChild(SignedInUser user, long parentId, NewOrganisation child) {
		Organisation parent = administered(user, parentId);
		if (!OrganisationPolicy.canAddChildTo(user, parent) || !parent.admitsChild(child.kind())) {
			throw new OrganisationRejected("kind", "organisation.error.kindNotAllowed");
		}
		Organisation created = insert(parent, child);
		audit.recordChange(AuditAction.CREATED, AUDIT_TARGET, created.id(), created.path(),
				texts.text("organisation.audit.created", created.name()), null, OrganisationState.of(created));
		return created;
	}

	/** Inserts without checks or audit: the caller has validated and audits. */
	Organisation insert(Organisation parent, NewOrganisation child) {
		long id;
		try {
			id = jdbc.sql("""
					insert into organisation (parent_id, name, short_name, kind, sort_order, demo)
					values (:parent, :name, :shortName, :kind,
					    (select coalesce(max(sort_order), 0) + 1 from organisation where parent_id = :parent), :demo)
					returning id
					""")
				.param("parent", parent.id())
				.param("name", child.name())
				.param("shortName", child.shortName())
				.param("kind", child.kind().name())
				.param("demo", parent.demo())
				.query(Long.class)
				.single();
		}
		catch (DataIntegrityViolationException ex) {
			throw rejection(ex);
		}
		return organisations.findById(id).orElseThrow();
	}

	/**
	 * Renames an organisation the user may edit. Writes the new name and short name,
	 * increments the version, and records an UPDATED audit event with the states before
	 * and after.
	 * @throws OptimisticLockingFailureException someone else changed it since
	 * {@code version} was read
	 * @throws OrganisationRejected the name is taken under the same parent
	 */
	@Transactional
	public Organisation rename(SignedInUser user, long id, int version, String name, String shortName) {
		Organisation before = editable(user, id);
		int updated;
		try {
			updated = jdbc.sql("""
					update organisation set name = :name, short_name = :shortName, version = version + 1
					where id = :id and version = :version
					""")
				.param("name", name)
				.param("shortName", shortName)
				.param("id", id)
				.param("version", version)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw rejection(ex);
		}
		if (updated == 0) {
			throw new OptimisticLockingFailureException("organisation " + id + " changed since version " + version);
		}
		Organisation after = organisations.findById(id).orElseThrow();
		audit.recordChange(AuditAction.UPDATED, AUDIT_TARGET, id, after.path(),
				texts.text("organisation.audit.updated", after.name()), OrganisationState.of(before),
				OrganisationState.of(after));
		return after;
	}

	/**
	 * Deletes an organisation an admin added, if nothing refers to it. Removes the row
	 * and records a DELETED audit event with the state before.
	 * @throws OrganisationRejected a seeded organisation, or one with children, accounts
	 * or campaign data
	 */
	@Transactional
	public Organisation delete(SignedInUser user, long id) {
		Organisation organisation = editable(user, id);
		if (!OrganisationPolicy.canDelete(user, organisation)) {
			throw new OrganisationRejected(null, "organisation.error.deleteSeeded");
		}
		try {
			jdbc.sql("delete from organisation where id = ?").param(id).update();
		}
		catch (DataIntegrityViolationException ex) {
			boolean children = String.valueOf(ex.getMostSpecificCause().getMessage())
				.contains("organisation_parent_fk");
			throw new OrganisationRejected(null,
					children ? "organisation.error.hasChildren" : "organisation.error.inUse");
		}
		audit.recordChange(AuditAction.DELETED, AUDIT_TARGET, id, organisation.path(),
				texts.text("organisation.audit.deleted", organisation.name()), OrganisationState.of(organisation),
				null);
		return organisation;
	}

	private int childCount(long id) {
		return jdbc.sql("select count(*) from organisation where parent_id = ?")
			.param(id)
			.query(Integer.class)
			.single();
	}

	private static RuntimeException rejection(DataIntegrityViolationException ex) {
		String message = String.valueOf(ex.getMostSpecificCause().getMessage());
		if (message.contains("organisation_name_per_parent_uq")) {
			return new OrganisationRejected("name", "organisation.error.nameTaken");
		}
		if (message.contains("organisation_name_length_ck")) {
			return new OrganisationRejected("name", "organisation.error.nameTooLong", NAME_MAX_LENGTH);
		}
		if (message.contains("organisation_short_name_length_ck")) {
			return new OrganisationRejected("shortName", "organisation.error.shortNameTooLong", SHORT_NAME_MAX_LENGTH);
		}
		if (message.contains("organisation_name_not_blank_ck")) {
			return new OrganisationRejected("name", "organisation.error.nameBlank");
		}
		return ex;
	}

	/** What an admin states about a new organisation. */
	public record NewOrganisation(String name, String shortName, OrganisationKind kind) {
	}

	/**
	 * An organisation in the tree page, with how many children it has (to offer expanding
	 * it).
	 */
	public record OrganisationNode(Organisation organisation, int childCount) {
	}

	/** The audited state of an organisation. */
	public record OrganisationState(long id, Long parentId, String name, String shortName, OrganisationKind kind,
			boolean demo) {

		static OrganisationState of(Organisation organisation) {
			return new OrganisationState(organisation.id(), organisation.parentId(), organisation.name(),
					organisation.shortName(), organisation.kind(), organisation.demo());
		}
	}

}
