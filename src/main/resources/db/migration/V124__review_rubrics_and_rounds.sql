-- Issue 12 items 2 and 5: each category's rubric (评分细则) and review rounds (初评 → 复评) as campaign
-- data, loaded from the definition file like the category itself. A category's rubric and its list of
-- rounds are each one element of a definition version: the flags say whether an admin changed it, so
-- that a newer file keeps the admin's version and lists a conflict instead (the same rule as phases,
-- categories and allocations); the versions count edits for optimistic locking.
alter table campaign_category
    add column rubric_changed_by_admin        boolean not null default false,
    add column rubric_version                 integer not null default 0,
    add column review_rounds_changed_by_admin boolean not null default false,
    add column review_rounds_version          integer not null default 0;

-- A criterion of a category's rubric; the rubric's scale is the sum of the criteria's maxima.
create table rubric_criterion (
    id          bigint  generated always as identity constraint rubric_criterion_pk primary key,
    category_id bigint  not null constraint rubric_criterion_category_fk
                        references campaign_category (id) on delete cascade,
    code        text    not null constraint rubric_criterion_code_ck check (length(code) between 1 and 64),
    name        text    not null constraint rubric_criterion_name_ck check (length(name) between 1 and 100),
    max_points  integer not null constraint rubric_criterion_max_points_ck check (max_points between 1 and 1000),
    guidance    text,
    sort_order  integer not null,
    constraint rubric_criterion_code_uq unique (category_id, code),
    -- Deferred: a new definition version may reorder the criteria one row at a time.
    constraint rubric_criterion_order_uq unique (category_id, sort_order) deferrable initially deferred
);

-- A round of expert review of a category. The first round takes the works the host approved; a later
-- round the best N, or the best share in percent, of the round before.
create table review_round (
    id               bigint  generated always as identity constraint review_round_pk primary key,
    category_id      bigint  not null constraint review_round_category_fk
                             references campaign_category (id) on delete cascade,
    code             text    not null constraint review_round_code_ck check (length(code) between 1 and 64),
    name             text    not null constraint review_round_name_ck check (length(name) between 1 and 100),
    round_order      integer not null constraint review_round_order_ck check (round_order >= 1),
    entry_rule       text    not null constraint review_round_entry_rule_ck check (entry_rule in (
                                 'APPROVED_BY_HOST', 'TOP_N', 'TOP_SHARE')),
    entry_number     integer,
    experts_per_work integer not null constraint review_round_experts_ck check (experts_per_work between 1 and 15),
    starts_on        date    not null,
    ends_on          date    not null,
    constraint review_round_code_uq unique (category_id, code),
    constraint review_round_order_uq unique (category_id, round_order) deferrable initially deferred,
    -- "is not null" first: a comparison with null is null, which a CHECK lets pass.
    constraint review_round_entry_number_ck check (
        (entry_rule = 'APPROVED_BY_HOST' and entry_number is null)
        or (entry_rule = 'TOP_N' and entry_number is not null and entry_number >= 1)
        or (entry_rule = 'TOP_SHARE' and entry_number is not null and entry_number between 1 and 100)),
    -- Only the first round can take the host's approvals: a later one selects from the round before.
    constraint review_round_first_ck check ((round_order = 1) = (entry_rule = 'APPROVED_BY_HOST')),
    constraint review_round_dates_ck check (ends_on >= starts_on)
);
