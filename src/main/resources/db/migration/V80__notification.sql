-- Issue 4 item 6: in-app notices (站内消息), the text-message opt-in, campaign announcements
-- (通知公告) and the record of deadline reminders already sent.

-- One notice to one account. Unread ones are counted on every page (the badge of the navigation),
-- hence the partial index on exactly that count.
create table notice (
    id          bigint generated always as identity constraint notice_pk primary key,
    account_id  bigint      not null constraint notice_account_fk references account (id),
    kind        text        not null constraint notice_kind_ck check (kind in (
                    'SUBMITTED', 'WITHDRAWN', 'APPROVED', 'RECOMMENDED', 'RETURNED', 'REJECTED', 'REMINDER')),
    title       text        not null constraint notice_title_ck check (char_length(title) between 1 and 200),
    body        text        not null constraint notice_body_ck check (char_length(body) <= 2000),
    link        text,
    entry_id    bigint      constraint notice_entry_fk references entry (id),
    created_at  timestamptz not null,
    read_at     timestamptz
);
create index notice_account_ix on notice (account_id, created_at desc);
create index notice_unread_ix on notice (account_id) where read_at is null;

-- Whether an account wants its notices as text messages too. No row = no text messages.
create table notice_preference (
    account_id  bigint      constraint notice_preference_pk primary key
                            constraint notice_preference_account_fk references account (id),
    sms         boolean     not null,
    updated_at  timestamptz not null
);

-- 通知公告 of an organisation, optionally about one campaign. Withdrawn ones stay for the record.
create table announcement (
    id              bigint generated always as identity constraint announcement_pk primary key,
    organisation_id bigint      not null constraint announcement_organisation_fk references organisation (id),
    campaign_id     bigint      constraint announcement_campaign_fk references campaign (id) on delete set null,
    title           text        not null constraint announcement_title_ck
                                check (btrim(title) <> '' and char_length(title) <= 100),
    body            text        not null constraint announcement_body_ck
                                check (btrim(body) <> '' and char_length(body) <= 5000),
    state           text        not null constraint announcement_state_ck check (state in ('PUBLISHED', 'WITHDRAWN')),
    published_by    bigint      not null constraint announcement_published_by_fk references account (id),
    published_at    timestamptz not null,
    updated_at      timestamptz not null,
    withdrawn_at    timestamptz,
    version         integer     not null default 0,
    constraint announcement_withdrawn_ck check ((state = 'WITHDRAWN') = (withdrawn_at is not null))
);
create index announcement_published_ix on announcement (published_at desc, id desc) where state = 'PUBLISHED';
create index announcement_organisation_ix on announcement (organisation_id, published_at desc);

-- A reminder of a phase's deadline to one organisation, a number of days before: written with
-- "on conflict do nothing" by whichever node runs the daily job, so that it goes out exactly once.
create table deadline_reminder (
    phase_id        bigint      not null constraint deadline_reminder_phase_fk references campaign_phase (id) on delete cascade,
    organisation_id bigint      not null constraint deadline_reminder_organisation_fk references organisation (id),
    days_before     integer     not null constraint deadline_reminder_days_ck check (days_before >= 0),
    waiting         integer     not null,
    sent_at         timestamptz not null,
    constraint deadline_reminder_pk primary key (phase_id, organisation_id, days_before)
);
