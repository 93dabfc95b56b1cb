package cn.zhengji.submission;

import java.util.Optional;

import cn.zhengji.account.AccountProfile;
import cn.zhengji.campaign.CategoryRules;
import cn.zhengji.campaign.CategoryRules.SubmitterKind;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.OrganisationKind;

/**
 * Who may do what with entries, as named predicates (the one policy of this module).
 * Lists and downloads use the same predicates as the pages.
 */
public final class EntryPolicy {

	private EntryPolicy() {
	}

	/**
	 * As whom the actor would submit in a category, if at all: a participant as its
	 * participant kind when the rule lists it among the submitters; an organisation admin
	 * for its organisation when the rule admits union organisations of that kind.
	 */
	public static Optional<SubmitterKind> submitterKind(AccountProfile actor, Organisation organisation,
			CategoryRules rules) {
		if (actor.role() == Role.PARTICIPANT && actor.participantKind() != null) {
			SubmitterKind kind = SubmitterKind.valueOf(actor.participantKind().name());
			return rules.submitters().contains(kind) ? Optional.of(kind) : Optional.empty();
		}
		if (actor.role() == Role.ORG_ADMIN && rules.submitters().contains(SubmitterKind.UNION_ORGANISATION)
				&& rules.submittingOrganisationKinds().contains(organisation.kind())) {
			return Optional.of(SubmitterKind.UNION_ORGANISATION);
		}
		return Optional.empty();
	}

	/**
	 * The owner works on the entry: the participant who created an individual entry;
	 * every admin of the submitting organisation for an organisation's entry.
	 */
	public static boolean owns(SignedInUser actor, Entry entry) {
		if (entry.byOrganisation()) {
			return actor.role() == Role.ORG_ADMIN && actor.organisationId() == entry.organisationId();
		}
		return entry.ownerKey().equals(Entry.accountOwner(actor.accountId()));
	}

	/**
	 * Admins whose subtree holds the submitting organisation read the entry (read-only).
	 */
	public static boolean administers(SignedInUser actor, Entry entry) {
		return actor.isAdmin() && actor.administers(entry.organisationPath());
	}

	public static boolean mayRead(SignedInUser actor, Entry entry) {
		return owns(actor, entry) || administers(actor, entry);
	}

	/**
	 * R-NOM-2 Who sees the full ID number and mobile of a nominee: the admins of the
	 * submitting organisation (they typed them in and answer for the nomination) and,
	 * above it, the admins of the provincial federation that runs the campaign (they
	 * approve and forward nominations) and the platform admin. Admins in between (a city
	 * above a county) and participants see masked values.
	 * @param actorOrganisation the actor's own organisation
	 */
	public static boolean maySeePersonalData(SignedInUser actor, Organisation actorOrganisation, Entry entry) {
		return maySeePersonalData(actor, actorOrganisation, entry.organisationId(), entry.organisationPath());
	}

	/**
	 * The same rule for an entry known by its submitting organisation only (a row of an
	 * export).
	 */
	public static boolean maySeePersonalData(SignedInUser actor, Organisation actorOrganisation,
			long entryOrganisationId, String entryOrganisationPath) {
		if (!actor.isAdmin()) {
			return false;
		}
		if (actor.isPlatformAdmin() || actor.organisationId() == entryOrganisationId) {
			return true;
		}
		return actorOrganisation.kind() == OrganisationKind.PROVINCIAL && actor.administers(entryOrganisationPath);
	}

}
