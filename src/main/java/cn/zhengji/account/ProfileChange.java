package cn.zhengji.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.infrastructure.web.NotFoundException;
import cn.zhengji.organisation.Organisation;
import cn.zhengji.organisation.Organisations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One's own profile: everyone edits the name; a participant also the identity (身份) and
 * the organisation, chosen as at registration. An organisation change is refused, naming
 * the entries, while the participant has entries in progress under the present
 * organisation ({@link EntriesInProgress}, answered by the submission module).
 */
@Service
public class ProfileChange {

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final AccountRecords records;

	private final Registration registration;

	private final Organisations organisations;

	private final EntriesInProgress entriesInProgress;

	private final AccountUserDetailsService principals;

	private final AuditLog audit;

	private final Texts texts;

	ProfileChange(JdbcClient jdbc, Accounts accounts, AccountRecords records, Registration registration,
			Organisations organisations, EntriesInProgress entriesInProgress, AccountUserDetailsService principals,
			AuditLog audit, Texts texts) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.records = records;
		this.registration = registration;
		this.organisations = organisations;
		this.entriesInProgress = entriesInProgress;
		this.principals = principals;
		this.audit = audit;
		this.texts = texts;
	}

	/**
	 * What a person submits; identity and organisation count for participants only.
	 */
	public record ProfileCommand(String displayName, ParticipantKind participantKind, Long organisationId) {
	}

	public AccountProfile profile(SignedInUser actor) {
		return accounts.profile(actor.accountId()).orElseThrow(() -> new NotFoundException("account"));
	}

	/**
	 * Saves the profile. Writes {@code display_name}, for a participant
	 * {@code participant_kind} and {@code organisation_id}, and an audit event UPDATED
	 * naming what changed (nothing is written when nothing changed). The account row is
	 * locked first, so that two saves of the same profile do not interleave.
	 * @return the principal the session goes on with (name and organisation as saved)
	 * @throws InvalidAccountInput name missing or too long, identity or organisation
	 * missing, organisation change while entries are in progress; nothing is stored
	 */
	@Transactional
	public SignedInUser save(SignedInUser actor, ProfileCommand command) {
		jdbc.sql("select id from account where id = ? for update").param(actor.accountId()).query(Long.class).single();
		AccountProfile before = profile(actor);
		boolean participant = before.role() == Role.PARTICIPANT;
		List<FieldProblem> problems = new ArrayList<>();
		String name = command.displayName();
		if (name == null) {
			problems.add(new FieldProblem("displayName", "account.register.displayName.required"));
		}
		else if (name.length() > Registration.MAX_DISPLAY_NAME) {
			problems.add(new FieldProblem("displayName", "account.register.displayName.tooLong",
					Registration.MAX_DISPLAY_NAME));
		}
		Registration.displayNameCharacters(name).ifPresent(problems::add);
		ParticipantKind kind = participant ? command.participantKind() : before.participantKind();
		if (participant && kind == null) {
			problems.add(new FieldProblem("participantKind", "account.register.participantKind.required"));
		}
		Optional<Organisation> organisation = participant ? Optional.ofNullable(command.organisationId())
			.flatMap(organisations::findById)
			.filter(registration::isOffered) : organisations.findById(before.organisationId());
		if (organisation.isEmpty()) {
			problems.add(new FieldProblem("organisationIds", "account.register.organisation.required"));
		}
		boolean moves = organisation.isPresent() && organisation.get().id() != before.organisationId();
		if (moves) {
			List<String> unfinished = entriesInProgress.ownedBy(actor.accountId());
			if (!unfinished.isEmpty()) {
				problems.add(new FieldProblem("organisationIds", "account.profile.organisation.entriesInProgress",
						before.organisationName(), String.join(texts.text("account.profile.separator"), unfinished)));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidAccountInput(problems);
		}
		List<String> changed = new ArrayList<>();
		if (!name.equals(before.displayName())) {
			changed.add(texts.text("account.profile.changed.displayName"));
		}
		if (kind != before.participantKind()) {
			changed.add(texts.text("account.profile.changed.participantKind"));
		}
		Organisation unit = organisation.orElseThrow();
		if (moves) {
			changed.add(texts.text("account.profile.changed.organisation", before.organisationName(), unit.name()));
		}
		if (!changed.isEmpty()) {
			AccountSnapshot snapshot = records.getSnapshot(actor.accountId());
			jdbc.sql("""
					update account set display_name = :name, participant_kind = :kind, organisation_id = :organisation,
					    version = version + 1
					where id = :id
					""")
				.param("name", name)
				.param("kind", kind == null ? null : kind.name())
				.param("organisation", unit.id())
				.param("id", actor.accountId())
				.update();
			audit.recordChange(AuditAction.UPDATED, "account", actor.accountId(), unit.path(),
					texts.text("account.profile.audit", String.join(texts.text("account.profile.separator"), changed)),
					snapshot, records.getSnapshot(actor.accountId()));
		}
		return principals.reload(actor.accountId());
	}

}
