-- Issue 12 items 5 and 7: what the experts give (scores per criterion, a comment, the submitted sheet)
-- and what the admins decide (award levels), and the round's lock after which none of it changes.
-- Like V125, rows reference other modules' tables by key only; the review module reads those tables
-- through their owners' APIs.

-- One expert's judgement of one work in a round: the comment and the version the expert's pages
-- compare, so that two open tabs cannot overwrite each other silently.
create table review_sheet (
    id         bigint      generated always as identity constraint review_sheet_pk primary key,
    round_id   bigint      not null constraint review_sheet_round_fk
                           references review_round (id) on delete cascade,
    entry_id   bigint      not null constraint review_sheet_entry_fk references entry (id),
    expert_id  bigint      not null constraint review_sheet_expert_fk references account (id),
    comment    text        constraint review_sheet_comment_ck check (char_length(comment) between 1 and 2000),
    version    integer     not null default 1 constraint review_sheet_version_ck check (version >= 1),
    updated_at timestamptz not null,
    constraint review_sheet_uq unique (round_id, entry_id, expert_id)
);
create index review_sheet_expert_ix on review_sheet (expert_id, round_id);

-- The points of one criterion of the category's rubric on a sheet.
create table review_score (
    sheet_id     bigint       not null constraint review_score_sheet_fk
                              references review_sheet (id) on delete cascade,
    criterion_id bigint       not null constraint review_score_criterion_fk
                              references rubric_criterion (id) on delete cascade,
    points       numeric(7, 2) not null constraint review_score_points_ck check (points >= 0),
    constraint review_score_pk primary key (sheet_id, criterion_id)
);

-- Points above the criterion's maximum, or a criterion of another category, are refused by the
-- database too, not only by the form.
create function review_score_within_rubric() returns trigger language plpgsql as $$
declare
    allowed integer;
begin
    select c.max_points into allowed
      from review_sheet s
      join review_round r on r.id = s.round_id
      join rubric_criterion c on c.id = new.criterion_id and c.category_id = r.category_id
     where s.id = new.sheet_id;
    if allowed is null then
        raise exception 'criterion % is not in the rubric of sheet %', new.criterion_id, new.sheet_id
            using errcode = 'check_violation', constraint = 'review_score_rubric_ck';
    end if;
    if new.points > allowed then
        raise exception 'points % above the maximum % of criterion %', new.points, allowed, new.criterion_id
            using errcode = 'check_violation', constraint = 'review_score_max_ck';
    end if;
    return new;
end $$;
create trigger review_score_within_rubric_tg before insert or update on review_score
    for each row execute function review_score_within_rubric();

-- An expert handed in its sheet of the round (交卷): its scores no longer change.
create table review_expert_submission (
    round_id     bigint      not null constraint review_expert_submission_round_fk
                             references review_round (id) on delete cascade,
    expert_id    bigint      not null constraint review_expert_submission_expert_fk references account (id),
    submitted_at timestamptz not null,
    constraint review_expert_submission_pk primary key (round_id, expert_id)
);

-- The award level an admin gave a work of a round (level codes and counts are campaign data).
create table review_award (
    round_id   bigint      not null constraint review_award_round_fk
                           references review_round (id) on delete cascade,
    entry_id   bigint      not null constraint review_award_entry_fk references entry (id),
    level_code text        not null constraint review_award_level_ck check (length(level_code) between 1 and 32),
    rank       integer     not null constraint review_award_rank_ck check (rank >= 1),
    decided_by bigint      not null constraint review_award_decided_by_fk references account (id),
    decided_at timestamptz not null,
    constraint review_award_pk primary key (round_id, entry_id)
);

-- A locked round (item 7): its results are final. The lock itself never goes away.
create table review_round_lock (
    round_id  bigint      not null constraint review_round_lock_pk primary key
                          constraint review_round_lock_round_fk references review_round (id) on delete cascade,
    locked_by bigint      not null constraint review_round_lock_locked_by_fk references account (id),
    locked_at timestamptz not null
);

-- After the lock nothing of the round changes, whoever writes: the rule lives in the database, so that
-- no page, API or script that forgets to ask can break it.
create function review_refuse_when_locked() returns trigger language plpgsql as $$
declare
    round bigint;
begin
    if tg_table_name = 'review_score' then
        select s.round_id into round from review_sheet s
         where s.id = case when tg_op = 'DELETE' then old.sheet_id else new.sheet_id end;
    elsif tg_op = 'DELETE' then
        round := old.round_id;
    else
        round := new.round_id;
    end if;
    if tg_op = 'UPDATE' and tg_table_name <> 'review_score' and old.round_id <> new.round_id
       and exists (select 1 from review_round_lock where round_id = old.round_id) then
        round := old.round_id;
    end if;
    if round is not null and exists (select 1 from review_round_lock where round_id = round) then
        raise exception 'review round % is locked', round
            using errcode = 'integrity_constraint_violation', constraint = 'review_round_locked_ck';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;

create trigger review_sheet_locked_tg before insert or update or delete on review_sheet
    for each row execute function review_refuse_when_locked();
create trigger review_score_locked_tg before insert or update or delete on review_score
    for each row execute function review_refuse_when_locked();
create trigger review_expert_submission_locked_tg before insert or update or delete on review_expert_submission
    for each row execute function review_refuse_when_locked();
create trigger review_award_locked_tg before insert or update or delete on review_award
    for each row execute function review_refuse_when_locked();
create trigger review_assignment_locked_tg before insert or update or delete on review_assignment
    for each row execute function review_refuse_when_locked();
create trigger review_pool_member_locked_tg before insert or update or delete on review_pool_member
    for each row execute function review_refuse_when_locked();
create trigger review_conflict_locked_tg before insert or update or delete on review_conflict
    for each row execute function review_refuse_when_locked();
create trigger review_removal_locked_tg before insert or update or delete on review_removal
    for each row execute function review_refuse_when_locked();

create function review_round_lock_final() returns trigger language plpgsql as $$
begin
    raise exception 'the lock of review round % is final', old.round_id
        using errcode = 'integrity_constraint_violation', constraint = 'review_round_lock_final_ck';
end $$;
create trigger review_round_lock_final_tg before update or delete on review_round_lock
    for each row execute function review_round_lock_final();
