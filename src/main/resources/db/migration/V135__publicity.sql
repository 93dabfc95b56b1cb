-- Issue 13 item 1 (R-PUB-1): results of a locked review round announced for a publicity period (公示),
-- objections by the public, and the awards that change after an upheld objection.

-- A results list published from a locked round, for a period of days in the campaign's time zone.
create table publicity (
    id            bigint generated always as identity constraint publicity_pk primary key,
    campaign_id   bigint      not null constraint publicity_campaign_fk references campaign (id),
    round_id      bigint      not null constraint publicity_round_fk references review_round (id),
    title         text        not null constraint publicity_title_ck check (length(title) between 1 and 100),
    starts_on     date        not null,
    ends_on       date        not null,
    notice        text        not null constraint publicity_notice_ck check (length(notice) between 1 and 2000),
    published_by  bigint      not null constraint publicity_published_by_fk references account (id),
    published_at  timestamptz not null,
    finalised_at  timestamptz,
    constraint publicity_period_ck check (ends_on >= starts_on),
    constraint publicity_round_uq unique (round_id)
);
create index publicity_campaign_ix on publicity (campaign_id, starts_on desc);
create index publicity_due_ix on publicity (ends_on) where finalised_at is null;

-- The works of the list as announced (what the public page shows, no personal data), with the award as it
-- stands after objections. status: LISTED (in publicity), WITHDRAWN (award taken away), FINAL (period over).
create table publicity_entry (
    publicity_id  bigint  not null constraint publicity_entry_publicity_fk references publicity (id),
    entry_id      bigint  not null constraint publicity_entry_entry_fk references entry (id),
    title         text    not null,
    category_name text    not null,
    unit_name     text    not null,
    level_code    text    not null,
    level_name    text    not null,
    level_order   integer not null,
    status        text    not null default 'LISTED'
                          constraint publicity_entry_status_ck check (status in ('LISTED', 'WITHDRAWN', 'FINAL')),
    constraint publicity_entry_pk primary key (publicity_id, entry_id),
    constraint publicity_entry_entry_uq unique (entry_id)
);

-- An objection (异议) filed by a member of the public during the period; the mobile number was proved by a
-- one-time code and is kept encrypted (personal data), the public and the participant see only the outcome.
create table publicity_objection (
    id              bigint generated always as identity constraint publicity_objection_pk primary key,
    publicity_id    bigint      not null,
    entry_id        bigint      not null,
    objector_name   text        not null constraint publicity_objection_name_ck check (length(objector_name) between 1 and 50),
    mobile_cipher   bytea       not null,
    mobile_masked   text        not null,
    reason          text        not null constraint publicity_objection_reason_ck check (length(reason) between 1 and 2000),
    filed_at        timestamptz not null,
    filed_from      text,
    status          text        not null default 'PENDING'
                                constraint publicity_objection_status_ck check (status in ('PENDING', 'UPHELD', 'DISMISSED')),
    outcome_level   text,
    outcome_reason  text,
    handled_by      bigint      constraint publicity_objection_handled_by_fk references account (id),
    handled_at      timestamptz,
    constraint publicity_objection_entry_fk foreign key (publicity_id, entry_id)
        references publicity_entry (publicity_id, entry_id),
    constraint publicity_objection_handled_ck check ((status = 'PENDING') = (handled_at is null)
        and (handled_at is null) = (handled_by is null)),
    constraint publicity_objection_reason_given_ck check (status = 'PENDING' or length(outcome_reason) > 0)
);
create index publicity_objection_publicity_ix on publicity_objection (publicity_id, filed_at);
create index publicity_objection_entry_ix on publicity_objection (entry_id, filed_at);

-- Evidence files (images, PDF) of an objection: stored files owned by the publishing admin (the objector has no
-- account), at most three.
create table publicity_objection_file (
    objection_id   bigint  not null constraint publicity_objection_file_objection_fk references publicity_objection (id),
    position       integer not null constraint publicity_objection_file_position_ck check (position between 1 and 3),
    stored_file_id uuid    not null constraint publicity_objection_file_stored_fk references stored_file (id),
    file_name      text    not null,
    content_type   text    not null,
    constraint publicity_objection_file_pk primary key (objection_id, position)
);

-- The review module's: an award of a locked round changed after an upheld objection (level_code null: taken
-- away). The locked round's own rows never change; the latest change of an award applies.
create table review_award_change (
    id         bigint generated always as identity constraint review_award_change_pk primary key,
    round_id   bigint      not null,
    entry_id   bigint      not null,
    level_code text        constraint review_award_change_level_ck check (length(level_code) between 1 and 32),
    reason     text        not null constraint review_award_change_reason_ck check (length(reason) between 1 and 2000),
    decided_by bigint      not null constraint review_award_change_decided_by_fk references account (id),
    decided_at timestamptz not null,
    constraint review_award_change_award_fk foreign key (round_id, entry_id) references review_award (round_id, entry_id)
);
create index review_award_change_entry_ix on review_award_change (entry_id, round_id, id);

-- The entry's history: the publicity steps, and the job that finalises has no account (actor_id null).
alter table entry_transition alter column actor_id drop not null;
alter table entry_transition drop constraint entry_transition_step_ck;
alter table entry_transition add constraint entry_transition_step_ck check (step in (
    'CREATED', 'SUBMITTED', 'RECALLED', 'WITHDRAWN', 'EDITED', 'APPROVED', 'RECOMMENDED', 'RETURNED', 'REJECTED',
    'ADVANCED', 'NOT_ADVANCED', 'AWARDED', 'NOT_AWARDED', 'PUBLICITY_STARTED', 'AWARD_CHANGED', 'AWARD_WITHDRAWN',
    'AWARD_FINALISED'));

alter table notice drop constraint notice_kind_ck;
alter table notice add constraint notice_kind_ck check (kind in (
    'SUBMITTED', 'WITHDRAWN', 'APPROVED', 'RECOMMENDED', 'RETURNED', 'REJECTED', 'REMINDER', 'FILE_CORRUPTED',
    'REVIEW_REMINDER', 'PUBLICITY'));
