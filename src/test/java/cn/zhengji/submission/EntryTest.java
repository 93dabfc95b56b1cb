package cn.zhengji.submission;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.zhengji.campaign.CategoryRules.SubmitterKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * R-SUB-1, R-CAM-2 The transitions of an entry and its deadline, to the second, in
 * Beijing time.
 */
class EntryTest {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	/**
	 * "8月30日前": the phase ends on 2024-08-30, so the first instant after it is 08-31
	 * 00:00 in Beijing.
	 */
	static final Instant DEADLINE = LocalDate.of(2024, 8, 31).atStartOfDay(BEIJING).toInstant();

	static final Instant LAST_SECOND = DEADLINE.minusSeconds(1);

	static Entry entry(EntryState state) {
		return new Entry(1, 1, 1, 1, SubmitterKind.WORKER, "account:1", 1, "/1/", "单位", "作品", state, EntryTexts.empty(),
				Instant.EPOCH, Instant.EPOCH, null, 0, null, null, null, null);
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
			assertRejected(() -> entry.recalled(DEADLINE, DEADLINE), "submission.rejected.deadline");
			assertThat(entry.isWithdrawable(DEADLINE, DEADLINE)).isFalse();
			assertThat(entry.isWithdrawable(LAST_SECOND, DEADLINE)).isTrue();
		}
		assertThat(entry(EntryState.DRAFT).isEditable(LAST_SECOND, DEADLINE)).isTrue();
		assertThat(entry(EntryState.DRAFT).isEditable(DEADLINE, DEADLINE)).isFalse();
		assertThat(entry(EntryState.SUBMITTED).isRecallable(LAST_SECOND, DEADLINE)).isTrue();
		assertThat(entry(EntryState.SUBMITTED).isRecallable(DEADLINE, DEADLINE)).isFalse();
	}

	@Test
	void aSubmittedEntryIsNotChangedInPlaceButRecalledToADraftThatForgetsTheChain() {
		Entry recommended = entry(EntryState.DRAFT).submitted(LAST_SECOND.minusSeconds(60), DEADLINE)
			.approvedAt(1, 7L, true, LAST_SECOND.minusSeconds(30));
		assertThat(recommended.isEditable(LAST_SECOND, DEADLINE)).isFalse();
		assertRejected(() -> recommended.edited(LAST_SECOND, DEADLINE), "submission.rejected.inReview");

		Entry recalled = recommended.recalled(LAST_SECOND, DEADLINE);

		assertThat(recalled.state()).isEqualTo(EntryState.DRAFT);
		assertThat(recalled.submittedAt()).isNull();
		assertThat(recalled.updatedAt()).isEqualTo(LAST_SECOND);
		assertThat(recalled.pendingOrganisationId()).isNull();
		assertThat(recalled.decidedById()).isNull();
		assertThat(recalled.recommendedById()).isNull();
		assertThat(recalled.edited(LAST_SECOND, DEADLINE).state()).isEqualTo(EntryState.DRAFT);
		assertRejected(() -> recalled.recalled(LAST_SECOND, DEADLINE), "submission.rejected.notInReview");
	}

	@Test
	void theEntryKnowsTheLevelReachedAndWhoRecommendedIt() {
		Entry submitted = entry(EntryState.DRAFT).submitted(LAST_SECOND.minusSeconds(60), DEADLINE);
		assertThat(submitted.decidedById()).isNull();

		Entry atCity = submitted.approvedAt(1, 5L, false, LAST_SECOND.minusSeconds(50));
		assertThat(atCity.decidedById()).isEqualTo(1L);
		assertThat(atCity.recommendedById()).isNull();

		Entry atProvince = atCity.approvedAt(5, 9L, true, LAST_SECOND.minusSeconds(40));
		assertThat(atProvince.decidedById()).isEqualTo(5L);
		assertThat(atProvince.recommendedById()).isEqualTo(5L);

		Entry approved = atProvince.approvedAt(9, null, false, LAST_SECOND);
		assertThat(approved.state()).isEqualTo(EntryState.APPROVED);
		assertThat(approved.decidedById()).isEqualTo(9L);
		assertThat(approved.recommendedById()).isEqualTo(5L);

		Entry returned = atProvince.returnedBy(9, LAST_SECOND, DEADLINE);
		assertThat(returned.decidedById()).isEqualTo(9L);
		assertThat(returned.recommendedById()).isNull();
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

		Entry atCounty = submitted.approvedAt(1, 7L, false, LAST_SECOND);
		assertThat(atCounty.state()).isEqualTo(EntryState.SUBMITTED);
		assertThat(atCounty.pendingOrganisationId()).isEqualTo(7L);
		assertThat(atCounty.pendingSince()).isEqualTo(LAST_SECOND);
		assertThat(atCounty.atFirstLevel()).isFalse();
		assertRejected(() -> atCounty.approvedAt(1, 7L, false, LAST_SECOND), "submission.rejected.notWaitingHere");

		// The top approves after the deadline too: the levels decide during the review.
		Entry approved = atCounty.approvedAt(7, null, false, DEADLINE.plusSeconds(86_400));
		assertThat(approved.state()).isEqualTo(EntryState.APPROVED);
		assertThat(approved.pendingOrganisationId()).isNull();
		assertThat(approved.submittedAt()).isEqualTo(LAST_SECOND.minusSeconds(60));
		assertRejected(() -> approved.edited(LAST_SECOND, DEADLINE), "submission.rejected.decided");
	}

	@Test
	void aReturnedEntryStaysReturnedWhileEditedAndIsSubmittedAgainFromTheFirstLevel() {
		Entry atCounty = entry(EntryState.DRAFT).submitted(LAST_SECOND.minusSeconds(60), DEADLINE)
			.approvedAt(1, 7L, false, LAST_SECOND.minusSeconds(30));

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
