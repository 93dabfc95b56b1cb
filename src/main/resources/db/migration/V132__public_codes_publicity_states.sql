-- Issue 13: members of the public prove a mobile number by one-time code before they vote or file an
-- objection (account.MobileVerification), and an award goes through the publicity period (公示) before it
-- is final: AWARDED → IN_PUBLICITY → AWARD_FINAL, written only by submission.EntryLifecycle.
alter table one_time_code drop constraint one_time_code_purpose_ck;
alter table one_time_code add constraint one_time_code_purpose_ck
    check (purpose in ('REGISTRATION', 'PASSWORD_RESET', 'MOBILE_CHANGE', 'VOTE', 'OBJECTION'));

alter table entry drop constraint entry_state_ck;
alter table entry add constraint entry_state_ck
    check (state in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'AWARDED',
                     'NOT_AWARDED', 'IN_PUBLICITY', 'AWARD_FINAL'));
alter table entry_transition drop constraint entry_transition_from_ck;
alter table entry_transition drop constraint entry_transition_to_ck;
alter table entry_transition add constraint entry_transition_from_ck
    check (from_state in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'AWARDED',
                          'NOT_AWARDED', 'IN_PUBLICITY', 'AWARD_FINAL'));
alter table entry_transition add constraint entry_transition_to_ck
    check (to_state in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'AWARDED',
                        'NOT_AWARDED', 'IN_PUBLICITY', 'AWARD_FINAL'));
