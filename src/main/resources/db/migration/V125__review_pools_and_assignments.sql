-- Issue 12 items 1 and 3: who judges a round. Like entry (V50) referencing campaign and account, the
-- rows reference other modules' tables by key so that no dangling id can be stored; the review module
-- still reads those tables only through their owners' APIs. Everything goes with its round: a newer
-- definition file that drops a round drops what hung on it (there are no scores yet).

-- The experts an admin put into a round's pool; only they are assigned.
create table review_pool_member (
    id        bigint      generated always as identity constraint review_pool_member_pk primary key,
    round_id  bigint      not null constraint review_pool_member_round_fk
                          references review_round (id) on delete cascade,
    expert_id bigint      not null constraint review_pool_member_expert_fk references account (id),
    added_by  bigint      not null constraint review_pool_member_added_by_fk references account (id),
    added_at  timestamptz not null,
    constraint review_pool_member_uq unique (round_id, expert_id)
);

-- An expert's declaration that it must not judge a work (回避); no assignment ever gives the pair again.
create table review_conflict (
    id          bigint      generated always as identity constraint review_conflict_pk primary key,
    round_id    bigint      not null constraint review_conflict_round_fk
                            references review_round (id) on delete cascade,
    entry_id    bigint      not null constraint review_conflict_entry_fk references entry (id),
    expert_id   bigint      not null constraint review_conflict_expert_fk references account (id),
    declared_at timestamptz not null,
    reason      text        constraint review_conflict_reason_ck check (char_length(reason) between 1 and 500),
    constraint review_conflict_uq unique (round_id, entry_id, expert_id)
);

-- Who judges which work. MANUAL pairs an admin added by hand are pinned: a re-run keeps them.
create table review_assignment (
    id         bigint      generated always as identity constraint review_assignment_pk primary key,
    round_id   bigint      not null constraint review_assignment_round_fk
                           references review_round (id) on delete cascade,
    entry_id   bigint      not null constraint review_assignment_entry_fk references entry (id),
    expert_id  bigint      not null constraint review_assignment_expert_fk references account (id),
    origin     text        not null constraint review_assignment_origin_ck check (origin in ('AUTOMATIC', 'MANUAL')),
    created_at timestamptz not null,
    constraint review_assignment_uq unique (round_id, entry_id, expert_id)
);
-- An expert's works in a round (the expert's pages).
create index review_assignment_expert_ix on review_assignment (expert_id, round_id);

-- A pair an admin took away by hand: an automatic run never gives it again.
create table review_removal (
    id         bigint      generated always as identity constraint review_removal_pk primary key,
    round_id   bigint      not null constraint review_removal_round_fk
                           references review_round (id) on delete cascade,
    entry_id   bigint      not null constraint review_removal_entry_fk references entry (id),
    expert_id  bigint      not null constraint review_removal_expert_fk references account (id),
    removed_by bigint      not null constraint review_removal_removed_by_fk references account (id),
    removed_at timestamptz not null,
    constraint review_removal_uq unique (round_id, entry_id, expert_id)
);
