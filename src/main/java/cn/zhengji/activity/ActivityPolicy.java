package cn.zhengji.activity;

import java.util.List;
import java.util.Optional;

import cn.zhengji.campaign.Campaign;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;

/**
 * Who may do what with offline events and reach figures. Reading is scoped by the admin's
 * subtree ({@link SignedInUser#adminScope()}); reporting is for one's own union only.
 */
public final class ActivityPolicy {

	private ActivityPolicy() {
	}

	/**
	 * Lists, progress and exports: admins of any level, each of its own subtree; the
	 * platform admin of all.
	 */
	public static boolean reads(SignedInUser actor) {
		return actor.isAdmin();
	}

	/**
	 * A campaign is one's own when one's union is in its host's subtree (or, for admins
	 * above, the host in theirs).
	 */
	public static boolean concerns(SignedInUser actor, Campaign campaign) {
		return actor.isPlatformAdmin() || actor.organisationPath().startsWith(campaign.hostOrganisationPath())
				|| actor.administers(campaign.hostOrganisationPath());
	}

	/**
	 * Events and reach figures are reported by the admins of a union for that union, in a
	 * campaign the union takes part in ({@code Campaigns.takesPart}, the campaign
	 * module's rule: within the host's tree, below an allocated unit, and not through a
	 * feeding campaign, so that a Fujian union's figures are entered once).
	 */
	static boolean reportsIn(SignedInUser actor, boolean unionTakesPart) {
		return actor.role() == Role.ORG_ADMIN && unionTakesPart;
	}

	/** The feeding campaign in whose tree the actor's union reports instead, if any. */
	static Optional<Campaign> reportsInstead(SignedInUser actor, List<Campaign> feeders) {
		return feeders.stream()
			.filter(feeder -> actor.organisationPath().startsWith(feeder.hostOrganisationPath()))
			.findFirst();
	}

	static boolean reportsFor(SignedInUser actor, long organisationId) {
		return actor.role() == Role.ORG_ADMIN && actor.organisationId() == organisationId;
	}

}
