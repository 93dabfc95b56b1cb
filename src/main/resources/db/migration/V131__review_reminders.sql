-- Issue 12 item 6: the admins remind the experts who lag behind in a round. At most one reminder per
-- expert, round and day (in the campaign's time zone, computed by the application): the unique
-- constraint decides, so two admins sending at once never remind anyone twice.
create table review_reminder (
    id          bigint      generated always as identity constraint review_reminder_pk primary key,
    round_id    bigint      not null constraint review_reminder_round_fk
                            references review_round (id) on delete cascade,
    expert_id   bigint      not null constraint review_reminder_expert_fk references account (id),
    reminded_on date        not null,
    sent_by     bigint      not null constraint review_reminder_sent_by_fk references account (id),
    sent_at     timestamptz not null,
    constraint review_reminder_uq unique (round_id, expert_id, reminded_on)
);

-- A locked round is over: nobody is reminded of it any more.
create trigger review_reminder_locked_tg before insert or update or delete on review_reminder
    for each row execute function review_refuse_when_locked();

-- The expert's notice of such a reminder.
alter table notice drop constraint notice_kind_ck;
alter table notice add constraint notice_kind_ck check (kind in (
    'SUBMITTED', 'WITHDRAWN', 'APPROVED', 'RECOMMENDED', 'RETURNED', 'REJECTED', 'REMINDER', 'FILE_CORRUPTED',
    'REVIEW_REMINDER'));
