-- Issue 10 item 9. A one-time code also proves the mobile number an admin or expert registers to receive
-- notices by text message (MOBILE_CHANGE); password resets (PASSWORD_RESET) were foreseen in V1.
alter table one_time_code drop constraint one_time_code_purpose_ck;
alter table one_time_code add constraint one_time_code_purpose_ck
    check (purpose in ('REGISTRATION', 'PASSWORD_RESET', 'MOBILE_CHANGE'));

-- The deadline reminder to submitters whose entries are drafts or returned: one row per (phase, account,
-- days before), inserted with "on conflict do nothing", so each person is reminded once per reminder,
-- whichever node runs the job and however many of their entries are unfinished.
create table deadline_submitter_reminder (
    phase_id    bigint      not null constraint deadline_submitter_reminder_phase_fk
                                references campaign_phase (id) on delete cascade,
    account_id  bigint      not null constraint deadline_submitter_reminder_account_fk references account (id),
    days_before integer     not null constraint deadline_submitter_reminder_days_ck check (days_before >= 0),
    unfinished  integer     not null constraint deadline_submitter_reminder_unfinished_ck check (unfinished > 0),
    sent_at     timestamptz not null,
    constraint deadline_submitter_reminder_pk primary key (phase_id, account_id, days_before)
);
