-- Issue 12 (R-REV-2/3): what the results of a round need from the campaign, the works a later round
-- selects from the locked round before, and the review's outcome as states and steps of the entry.

-- How a campaign ranks its rounds (campaign data from the definition file, versioned like a category's
-- rubric): the ordered tie-breaks (the names of ReviewResults.TieBreak), the figure that ranks, the
-- outlier threshold in points and the optional public-vote combination (national rule 60/40).
create table campaign_review_rules (
    campaign_id       bigint       not null constraint campaign_review_rules_pk primary key
                                   constraint campaign_review_rules_campaign_fk
                                   references campaign (id) on delete cascade,
    tie_breaks        text[]       not null constraint campaign_review_rules_tie_breaks_ck check (
                                       tie_breaks <@ array['HIGHER_HIGHEST_CRITERION', 'EARLIER_SUBMISSION',
                                           'HIGHER_EXPERT_SCORE', 'MORE_VOTES']::text[]),
    basis             text         not null constraint campaign_review_rules_basis_ck check (
                                       basis in ('RAW_MEAN', 'NORMALISED')),
    outlier_threshold numeric(7, 2) not null constraint campaign_review_rules_outlier_ck check (
                                       outlier_threshold >= 0),
    expert_percent    integer,
    vote_percent      integer,
    changed_by_admin  boolean      not null default false,
    version           integer      not null default 0,
    -- Both or neither, non-negative, adding up to 100.
    constraint campaign_review_rules_votes_ck check (
        (expert_percent is null and vote_percent is null)
        or (expert_percent is not null and vote_percent is not null and expert_percent >= 0 and vote_percent >= 0
            and expert_percent + vote_percent = 100))
);

-- The award levels of a round (一等奖 3, 二等奖 5 …), best first; part of the category's list of rounds
-- in the definition file, replaced with it. review_award keeps the level's code.
create table review_award_level (
    round_id    bigint  not null constraint review_award_level_round_fk
                        references review_round (id) on delete cascade,
    code        text    not null constraint review_award_level_code_ck check (length(code) between 1 and 32),
    name        text    not null constraint review_award_level_name_ck check (length(name) between 1 and 50),
    award_count integer not null constraint review_award_level_count_ck check (award_count between 0 and 10000),
    sort_order  integer not null,
    constraint review_award_level_pk primary key (round_id, code),
    constraint review_award_level_order_uq unique (round_id, sort_order)
);

-- The works a later round (TOP_N / TOP_SHARE) takes: written once, when the round before is locked,
-- from its ranking; previous_rank is the work's rank there.
create table review_round_entry (
    round_id      bigint      not null constraint review_round_entry_round_fk
                              references review_round (id) on delete cascade,
    entry_id      bigint      not null constraint review_round_entry_entry_fk references entry (id),
    previous_rank integer     not null constraint review_round_entry_rank_ck check (previous_rank >= 1),
    selected_at   timestamptz not null,
    constraint review_round_entry_pk primary key (round_id, entry_id)
);

-- The review's outcome is a transition of the entry (submission module, EntryLifecycle): after the
-- category's last round an approved work is AWARDED (with its level) or NOT_AWARDED; after an earlier
-- round the works that did not go on are NOT_AWARDED, the others stay APPROVED with a step ADVANCED.
alter table entry drop constraint entry_state_ck;
alter table entry add constraint entry_state_ck
    check (state in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'AWARDED',
                     'NOT_AWARDED'));
alter table entry_transition drop constraint entry_transition_from_ck;
alter table entry_transition drop constraint entry_transition_to_ck;
alter table entry_transition add constraint entry_transition_from_ck
    check (from_state in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'AWARDED',
                          'NOT_AWARDED'));
alter table entry_transition add constraint entry_transition_to_ck
    check (to_state in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'AWARDED',
                        'NOT_AWARDED'));
alter table entry_transition drop constraint entry_transition_step_ck;
alter table entry_transition add constraint entry_transition_step_ck check (step in (
    'CREATED', 'SUBMITTED', 'RECALLED', 'WITHDRAWN', 'EDITED', 'APPROVED', 'RECOMMENDED', 'RETURNED', 'REJECTED',
    'ADVANCED', 'NOT_ADVANCED', 'AWARDED', 'NOT_AWARDED'));
-- A reviewed entry keeps the level that approved it and the one that recommended it.
alter table entry drop constraint entry_recommended_ck;
alter table entry add constraint entry_recommended_ck
    check (recommended_by_organisation_id is null or state in ('SUBMITTED', 'APPROVED', 'AWARDED', 'NOT_AWARDED'));
alter table entry drop constraint entry_decided_ck;
alter table entry add constraint entry_decided_ck
    check (decided_by_organisation_id is null
           or state in ('SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'AWARDED', 'NOT_AWARDED'));

-- V126's lock trigger named old.round_id in an expression that PL/pgSQL evaluates for review_score too,
-- whose rows have no round_id: every insert of a score failed ("record old has no field round_id").
-- The rows are read as JSON instead, so that each table's own columns decide; the rounds both of the
-- row before and of the row after are checked (moving a row out of or into a locked round is refused).
create or replace function review_refuse_when_locked() returns trigger language plpgsql as $$
declare
    after_row  jsonb := case when tg_op = 'DELETE' then null else to_jsonb(new) end;
    before_row jsonb := case when tg_op = 'INSERT' then null else to_jsonb(old) end;
    rounds     bigint[];
begin
    if tg_table_name = 'review_score' then
        select array_agg(s.round_id) into rounds from review_sheet s
         where s.id in ((after_row ->> 'sheet_id')::bigint, (before_row ->> 'sheet_id')::bigint);
    else
        rounds := array[(after_row ->> 'round_id')::bigint, (before_row ->> 'round_id')::bigint];
    end if;
    if exists (select 1 from review_round_lock where round_id = any (rounds)) then
        raise exception 'review round % is locked', array_to_string(rounds, ',')
            using errcode = 'integrity_constraint_violation', constraint = 'review_round_locked_ck';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
