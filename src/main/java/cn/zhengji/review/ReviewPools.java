package cn.zhengji.review;

import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.zhengji.account.AccountProfile;
import cn.zhengji.account.Accounts;
import cn.zhengji.account.ExpertInvitations;
import cn.zhengji.account.ExpertInvitations.ExpertDetails;
import cn.zhengji.audit.AuditAction;
import cn.zhengji.audit.AuditLog;
import cn.zhengji.infrastructure.Texts;
import cn.zhengji.infrastructure.security.Role;
import cn.zhengji.infrastructure.security.SignedInUser;
import cn.zhengji.review.ReviewRoundScope.RoundContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 12 item 1: the experts of a review round (评审专家库), kept by the campaign's admins
 * ({@link ReviewRoundScope}; anyone else gets a 404). Only accounts with the role EXPERT
 * join; {@link ReviewAssignments#assign} gives works only to the pool's enabled experts.
 */
@Service
@Transactional
public class ReviewPools {

	private final ReviewRoundScope scope;

	private final AssignmentRecords records;

	private final Accounts accounts;

	private final ExpertInvitations invitations;

	private final AuditLog auditLog;

	private final Texts texts;

	private final Clock clock;

	private final ResultRecords results;

	ReviewPools(ReviewRoundScope scope, AssignmentRecords records, Accounts accounts, ExpertInvitations invitations,
			AuditLog auditLog, Texts texts, Clock clock, ResultRecords results) {
		this.results = results;
		this.scope = scope;
		this.invitations = invitations;
		this.records = records;
		this.accounts = accounts;
		this.auditLog = auditLog;
		this.texts = texts;
		this.clock = clock;
	}

	/**
	 * Puts an expert into the round's pool. Writes a review_pool_member row and, unless
	 * the expert was already in it (then nothing changes), an audit event CREATED under
	 * the host's path. Gives no work yet: that is {@link ReviewAssignments#assign}.
	 * @throws ReviewChangeRejected when the account is not an enabled expert
	 */
	public void add(SignedInUser actor, long roundId, long expertAccountId) {
		RoundContext round = scope.administered(actor, roundId);
		AccountProfile expert = accounts.profile(expertAccountId)
			.filter((profile) -> profile.role() == Role.EXPERT)
			.filter((profile) -> !accounts.enabledAmong(List.of(profile.id())).isEmpty())
			.orElseThrow(() -> new ReviewChangeRejected("expertId", "review.pool.notExpert", expertAccountId));
		records.lockRound(roundId);
		results.requireOpen(round);
		if (records.addPoolMember(roundId, expert.id(), actor.accountId(), clock.instant())) {
			auditLog.recordChange(AuditAction.CREATED, "review_pool_member", expert.id(), round.auditPath(), texts
				.plain("review.audit.poolAdded", round.category().name(), round.round().name(), expert.displayName()),
					null, Map.of("round", roundId, "expert", expert.id()));
		}
	}

	/**
	 * Takes an expert out of the round's pool (audited DELETED when it was in it). The
	 * expert's pairs stay until the next {@link ReviewAssignments#assign}, which gives
	 * their works to the pool's other experts: the admin decides when the works move.
	 */
	public void remove(SignedInUser actor, long roundId, long expertAccountId) {
		RoundContext round = scope.administered(actor, roundId);
		records.lockRound(roundId);
		results.requireOpen(round);
		if (records.removePoolMember(roundId, expertAccountId)) {
			String name = accounts.profile(expertAccountId).map(AccountProfile::displayName).orElse("");
			auditLog.recordChange(AuditAction.DELETED, "review_pool_member", expertAccountId, round.auditPath(),
					texts.plain("review.audit.poolRemoved", round.category().name(), round.round().name(), name),
					Map.of("round", roundId, "expert", expertAccountId), null);
		}
	}

	/**
	 * Invites an expert into the round's pool: {@link ExpertInvitations#invite} (a new
	 * EXPERT account with a one-time password sent by SMS, or the existing expert of that
	 * mobile number), then {@link #add}. Both in one transaction: a refused pool entry
	 * leaves no account behind.
	 * @return the expert, with the one-time password to show once (null when reused)
	 */
	public ExpertInvitations.Invited invite(SignedInUser actor, long roundId, ExpertInvitations.Invitation invitation) {
		scope.administered(actor, roundId);
		ExpertInvitations.Invited invited = invitations.invite(actor, invitation);
		add(actor, roundId, invited.accountId());
		return invited;
	}

	/**
	 * The round's pool with each expert's unit, work unit, expertise and masked mobile
	 * number, by account id.
	 */
	@Transactional(readOnly = true)
	public List<ExpertDetails> memberDetails(SignedInUser actor, long roundId) {
		scope.administered(actor, roundId);
		return invitations.details(records.poolMembers(roundId));
	}

	/** These experts with their details, e.g. those of pairs who left the pool. */
	@Transactional(readOnly = true)
	public List<ExpertDetails> expertDetails(SignedInUser actor, long roundId, Collection<Long> expertIds) {
		scope.administered(actor, roundId);
		return invitations.details(expertIds);
	}

	/**
	 * The enabled experts the admin may put into the pool and that are not in it yet:
	 * those of the part of the tree the admin administers.
	 */
	@Transactional(readOnly = true)
	public List<ExpertDetails> candidates(SignedInUser actor, long roundId) {
		scope.administered(actor, roundId);
		Set<Long> members = new HashSet<>(records.poolMembers(roundId));
		return invitations.expertsOf(actor).stream().filter((expert) -> !members.contains(expert.accountId())).toList();
	}

	/** The round's pool, by account id. */
	@Transactional(readOnly = true)
	public List<AccountProfile> members(SignedInUser actor, long roundId) {
		scope.administered(actor, roundId);
		return accounts.profiles(records.poolMembers(roundId));
	}

}
