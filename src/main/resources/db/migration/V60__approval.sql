-- R-SUB-1, R-APR-1, R-NOM-1 The approval chain up the union tree, the confirmations of judgement
-- items, recommendations and their quotas.
--
-- An entry in state SUBMITTED waits at one organisation of its chain (pending_organisation_id):
-- first the submitting organisation, then each ancestor up to the campaign's host organisation
-- (基层 → 县 → 市 → 省; levels that do not exist on the entry's path are simply not on it).
-- RETURNED goes back to the submitter (editable before the deadline; resubmitting starts the chain
-- again at the first level). APPROVED means the top of the chain approved it. REJECTED is final.
alter table entry drop constraint entry_state_ck;
alter table entry add constraint entry_state_ck
    check (state in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN'));
alter table entry add column pending_organisation_id bigint
    constraint entry_pending_organisation_fk references organisation (id);
alter table entry add column pending_since timestamptz;
update entry set pending_organisation_id = organisation_id, pending_since = coalesce(submitted_at, updated_at)
    where state = 'SUBMITTED';
alter table entry add constraint entry_pending_ck
    check ((state = 'SUBMITTED') = (pending_organisation_id is not null and pending_since is not null));
create index entry_pending_ix on entry (pending_organisation_id, pending_since) where state = 'SUBMITTED';
create index entry_campaign_path_ix on entry (campaign_id, organisation_path text_pattern_ops);

-- A rejected entry, like a withdrawn one, frees the place of a one-per-person category.
drop index entry_one_per_owner_uq;
create unique index entry_one_per_owner_uq on entry (category_id, owner_key)
    where single_per_owner and state not in ('WITHDRAWN', 'REJECTED');

-- Every step of the history names the level (organisation) that decided and the decision; the
-- opinion or reason is the remark.
alter table entry_transition drop constraint entry_transition_from_ck;
alter table entry_transition drop constraint entry_transition_to_ck;
alter table entry_transition add constraint entry_transition_from_ck
    check (from_state in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN'));
alter table entry_transition add constraint entry_transition_to_ck
    check (to_state in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN'));
alter table entry_transition add column level_organisation_id bigint
    constraint entry_transition_level_fk references organisation (id);
alter table entry_transition add column decision text
    constraint entry_transition_decision_ck check (decision in ('APPROVED', 'RECOMMENDED', 'RETURNED', 'REJECTED'));
alter table entry_transition add constraint entry_transition_decision_level_ck
    check ((decision is null) = (level_organisation_id is null));

-- R-SUB-3 What the first approving level confirmed about the judgement items of the category
-- (watermark, title in the opening credits, originality, ...). Cleared when the entry is returned,
-- so a changed entry is judged again.
create table entry_judgement (
    entry_id     bigint      not null constraint entry_judgement_entry_fk references entry (id),
    kind         text        not null,
    outcome      text        not null constraint entry_judgement_outcome_ck check (outcome in ('MET', 'NOT_MET')),
    note         text        constraint entry_judgement_note_ck check (char_length(note) <= 500),
    confirmed_by bigint      not null constraint entry_judgement_confirmed_by_fk references account (id),
    confirmed_at timestamptz not null,
    constraint entry_judgement_pk primary key (entry_id, kind)
);

-- R-APR-1 Quotas: how many entries of a category a recommending unit has recommended, against
-- what it may. A recommendation increments `used` with
--   update ... set used = used + 1 where ... and used < allowed
-- so concurrent recommendations for the last place queue on the row lock and exactly one passes;
-- the CHECKs make any other path fail too. A return or rejection above frees the place.
create table recommendation_quota (
    category_id     bigint      not null constraint recommendation_quota_category_fk references campaign_category (id) on delete cascade,
    organisation_id bigint      not null constraint recommendation_quota_organisation_fk references organisation (id),
    allowed         integer     not null constraint recommendation_quota_allowed_ck check (allowed >= 0),
    used            integer     not null default 0 constraint recommendation_quota_used_ck check (used >= 0),
    constraint recommendation_quota_pk primary key (category_id, organisation_id),
    constraint recommendation_quota_within_ck check (used <= allowed)
);

-- The entries that hold a place of a quota, one row per entry.
create table entry_recommendation (
    entry_id        bigint      constraint entry_recommendation_pk primary key
                                constraint entry_recommendation_entry_fk references entry (id),
    category_id     bigint      not null,
    organisation_id bigint      not null,
    recommended_by  bigint      not null constraint entry_recommendation_by_fk references account (id),
    recommended_at  timestamptz not null,
    constraint entry_recommendation_quota_fk foreign key (category_id, organisation_id)
        references recommendation_quota (category_id, organisation_id)
);
create index entry_recommendation_unit_ix on entry_recommendation (category_id, organisation_id);
