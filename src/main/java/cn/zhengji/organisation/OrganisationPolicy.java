package cn.zhengji.organisation;

import cn.zhengji.infrastructure.security.SignedInUser;

/**
 * R-ORG-2 Who may see and change which organisation. Every page, API endpoint and query
 * of this module asks these predicates; anything they refuse is answered as "not found".
 *
 * <p>
 * Decisions:
 * <ul>
 * <li>An admin administers its own organisation and everything below it; the platform
 * admin the whole tree.</li>
 * <li>An organisation admin may add children below its own organisation and below any
 * descendant, and may rename descendants, but not its own organisation: the name of a
 * unit is decided one level up (its parent's admin, or the platform admin), otherwise a
 * city admin could rename itself into another city.</li>
 * <li>Nobody changes an organisation's kind or parent through the pages: kind and place
 * decide the approval chain and the quotas, and the materialized paths of a whole subtree
 * would move.</li>
 * <li>Deleting is for mistakes: only what the admin may rename, only organisations added
 * by admins (the seeded tree, with the root, is the platform's frame and would come back
 * at the next start), and only leaves nothing refers to — the database's foreign keys
 * (children, accounts, campaign data) decide the last part.</li>
 * <li>Participants and experts may look up the chain from the root to their own
 * organisation (to show where they belong), nothing else.</li>
 * </ul>
 */
public final class OrganisationPolicy {

	private OrganisationPolicy() {
	}

	/** The admin pages of this organisation (detail, children, audit scope). */
	public static boolean canAdminister(SignedInUser user, Organisation organisation) {
		return user.isAdmin() && user.administers(organisation.path());
	}

	/**
	 * Looking the organisation up (API): an admin within its subtree, anyone else its own
	 * ancestry.
	 */
	public static boolean canView(SignedInUser user, Organisation organisation) {
		if (user.isAdmin()) {
			return canAdminister(user, organisation);
		}
		return user.organisationPath() != null && user.organisationPath().startsWith(organisation.path());
	}

	/**
	 * Adding children one by one or by Excel import: within the subtree, where the kind
	 * admits children.
	 */
	public static boolean canAddChildTo(SignedInUser user, Organisation organisation) {
		return canAdminister(user, organisation) && !organisation.kind().allowedChildren().isEmpty();
	}

	/**
	 * Renaming: the platform admin everywhere, an organisation admin strictly below its
	 * own organisation.
	 */
	public static boolean canEdit(SignedInUser user, Organisation organisation) {
		if (user.isPlatformAdmin()) {
			return true;
		}
		return canAdminister(user, organisation) && organisation.id() != user.organisationId();
	}

	/**
	 * Deleting an organisation an admin added (never a seeded one); whether anything
	 * refers to it is checked on delete.
	 */
	public static boolean canDelete(SignedInUser user, Organisation organisation) {
		return canEdit(user, organisation) && organisation.code() == null && organisation.parentId() != null;
	}

}
