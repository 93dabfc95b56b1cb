-- Issue 14 items 1 and 2 (R-CAM-5, R-APR-2): the province's hand-off to the national campaign.
-- The mapping of a province category to a national sub-project (a category of the campaign it feeds); a category
-- without a row takes the default of handoff/default-mapping.properties.
create table handoff_mapping (
    category_id          bigint      not null constraint handoff_mapping_pk primary key
                                     constraint handoff_mapping_category_fk references campaign_category (id),
    campaign_id          bigint      not null constraint handoff_mapping_campaign_fk references campaign (id),
    national_category_id bigint      not null constraint handoff_mapping_national_fk references campaign_category (id),
    changed_by           bigint      not null constraint handoff_mapping_changed_by_fk references account (id),
    changed_at           timestamptz not null
);
create index handoff_mapping_campaign_ix on handoff_mapping (campaign_id);

-- The works the province recommends (推荐至全国), one row per work, with the admin's note.
create table handoff_selection (
    entry_id    bigint      not null constraint handoff_selection_pk primary key
                            constraint handoff_selection_entry_fk references entry (id),
    campaign_id bigint      not null constraint handoff_selection_campaign_fk references campaign (id),
    origin      text        not null constraint handoff_selection_origin_ck check (origin in ('RANKING', 'MANUAL')),
    note        text        not null default '' constraint handoff_selection_note_ck check (char_length(note) <= 200),
    selected_by bigint      not null constraint handoff_selection_selected_by_fk references account (id),
    selected_at timestamptz not null
);
create index handoff_selection_campaign_ix on handoff_selection (campaign_id, entry_id);

alter table entry_transition drop constraint entry_transition_step_ck;
alter table entry_transition add constraint entry_transition_step_ck check (step in (
    'CREATED', 'SUBMITTED', 'RECALLED', 'WITHDRAWN', 'EDITED', 'APPROVED', 'RECOMMENDED', 'RETURNED', 'REJECTED',
    'ADVANCED', 'NOT_ADVANCED', 'AWARDED', 'NOT_AWARDED', 'PUBLICITY_STARTED', 'AWARD_CHANGED', 'AWARD_WITHDRAWN',
    'AWARD_FINALISED', 'NATIONAL_RECOMMENDED'));
