package cn.zhengji.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.zhengji.campaign.CategoryRules.SubmitterKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** R-SUB-1, R-CAM-2 The transitions of an entry and its deadline, to the second, in Beijing time. */
class EntryTest {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	/** "8月30日前": the phase ends on 2024-08-30, so the first instant after it is 08-31 00:00 in Beijing. */
	static final Instant DEADLINE = LocalDate.of(2024, 8, 31).atStartOfDay(BEIJING).toInstant();

	static final Instant LAST_SECOND = DEADLINE.minusSeconds(1);

	static Entry entry(EntryState state) {
		return new Entry(1, 1, 1, 1, SubmitterKind.WORKER, "account:1", 1, "/1/", "单位", "作品", state,
				EntryTexts.empty(), Instant.EPOCH, Instant.EPOCH, null, 0, null, null);
	}

	@Test
	void aDraftIsSubmittedInTheLastSecondBeforeMidnightInBeijing() {
		Entry submitted = entry(EntryState.DRAFT).submitted(LAST_SECOND, DEADLINE);

		assertThat(submitted.state()).isEqualTo(EntryState.SUBMITTED);
		assertThat(submitted.submittedAt()).isEqualTo(LAST_SECOND);
		assertThat(LAST_SECOND.atZone(BEIJING).toLocalDateTime()).hasToString("2024-08-30T23:59:59");
	}

	@Test
	void atMidnightInBeijingNothingChangesAnyMore() {
		for (EntryState state : new EntryState[] { EntryState.DRAFT, EntryState.SUBMITTED }) {
			Entry entry = entry(state);
			assertRejected(() -> entry.submitted(DEADLINE, DEADLINE), "submission.rejected.deadline");
			assertRejected(() -> entry.edited(DEADLINE, DEADLINE), "submission.rejected.deadline");
			assertRejected(() -> entry.withdrawn(DEADLINE, DEADLINE), "submission.rejected.deadline");
			assertThat(entry.isChangeable(DEADLINE, DEADLINE)).isFalse();
			assertThat(entry.isChangeable(LAST_SECOND, DEADLINE)).isTrue();
		}
	}

	@Test
	void editingASubmittedEntryMakesItADraftAgainAndForgetsWhenItWasSubmitted() {
		Entry submitted = entry(EntryState.DRAFT).submitted(LAST_SECOND.minusSeconds(60), DEADLINE);

		Entry edited = submitted.edited(LAST_SECOND, DEADLINE);

		assertThat(edited.state()).isEqualTo(EntryState.DRAFT);
		assertThat(edited.submittedAt()).isNull();
		assertThat(edited.updatedAt()).isEqualTo(LAST_SECOND);
	}

	@Test
	void aWithdrawnEntryIsFinalAndASubmittedOneIsNotSubmittedTwice() {
		Entry withdrawn = entry(EntryState.SUBMITTED).withdrawn(LAST_SECOND, DEADLINE);

		assertThat(withdrawn.state()).isEqualTo(EntryState.WITHDRAWN);
		assertRejected(() -> withdrawn.edited(LAST_SECOND, DEADLINE), "submission.rejected.withdrawn");
		assertRejected(() -> withdrawn.submitted(LAST_SECOND, DEADLINE), "submission.rejected.withdrawn");
		assertRejected(() -> entry(EntryState.SUBMITTED).submitted(LAST_SECOND, DEADLINE),
				"submission.rejected.notDraft");
	}

	@Test
	void aPhaseWithoutAnEndNeverCloses() {
		assertThat(entry(EntryState.DRAFT).submitted(Instant.parse("2099-01-01T00:00:00Z"), null).state())
			.isEqualTo(EntryState.SUBMITTED);
	}

	@Test
	void aSubmittedEntryWaitsAtItsOwnOrganisationFirstAndMovesUpTheChainToApproval() {
		Entry submitted = entry(EntryState.DRAFT).submitted(LAST_SECOND.minusSeconds(60), DEADLINE);
		assertThat(submitted.pendingOrganisationId()).isEqualTo(1L);
		assertThat(submitted.atFirstLevel()).isTrue();

		Entry atCounty = submitted.approvedAt(1, 7L, LAST_SECOND);
		assertThat(atCounty.state()).isEqualTo(EntryState.SUBMITTED);
		assertThat(atCounty.pendingOrganisationId()).isEqualTo(7L);
		assertThat(atCounty.pendingSince()).isEqualTo(LAST_SECOND);
		assertThat(atCounty.atFirstLevel()).isFalse();
		assertRejected(() -> atCounty.approvedAt(1, 7L, LAST_SECOND), "submission.rejected.notWaitingHere");

		// The top approves after the deadline too: the levels decide during the review.
		Entry approved = atCounty.approvedAt(7, null, DEADLINE.plusSeconds(86_400));
		assertThat(approved.state()).isEqualTo(EntryState.APPROVED);
		assertThat(approved.pendingOrganisationId()).isNull();
		assertThat(approved.submittedAt()).isEqualTo(LAST_SECOND.minusSeconds(60));
		assertRejected(() -> approved.edited(LAST_SECOND, DEADLINE), "submission.rejected.decided");
	}

	@Test
	void aReturnedEntryStaysReturnedWhileEditedAndIsSubmittedAgainFromTheFirstLevel() {
		Entry atCounty = entry(EntryState.DRAFT).submitted(LAST_SECOND.minusSeconds(60), DEADLINE)
			.approvedAt(1, 7L, LAST_SECOND.minusSeconds(30));

		Entry returned = atCounty.returnedBy(7, LAST_SECOND.minusSeconds(20), DEADLINE);
		assertThat(returned.state()).isEqualTo(EntryState.RETURNED);
		assertThat(returned.pendingOrganisationId()).isNull();
		Entry edited = returned.edited(LAST_SECOND.minusSeconds(10), DEADLINE);
		assertThat(edited.state()).isEqualTo(EntryState.RETURNED);

		Entry resubmitted = edited.submitted(LAST_SECOND, DEADLINE);
		assertThat(resubmitted.state()).isEqualTo(EntryState.SUBMITTED);
		assertThat(resubmitted.pendingOrganisationId()).isEqualTo(1L);
		assertThat(resubmitted.submittedAt()).isEqualTo(LAST_SECOND);
	}

	@Test
	void noLevelReturnsAtOrAfterTheDeadlineButItMayRejectAndARejectionIsFinal() {
		Entry waiting = entry(EntryState.DRAFT).submitted(LAST_SECOND.minusSeconds(60), DEADLINE);

		assertRejected(() -> waiting.returnedBy(1, DEADLINE, DEADLINE), "submission.rejected.returnAfterDeadline");
		Entry rejected = waiting.rejectedBy(1, DEADLINE);

		assertThat(rejected.state()).isEqualTo(EntryState.REJECTED);
		assertThat(rejected.pendingOrganisationId()).isNull();
		assertRejected(() -> rejected.withdrawn(LAST_SECOND, DEADLINE), "submission.rejected.decided");
		assertRejected(() -> rejected.rejectedBy(1, DEADLINE), "submission.rejected.notWaitingHere");
	}

	static void assertRejected(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String code) {
		assertThatThrownBy(call).isInstanceOfSatisfying(EntryChangeRejected.class,
				rejected -> assertThat(rejected.messageCode()).isEqualTo(code));
	}
}
