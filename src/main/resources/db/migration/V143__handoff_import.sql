-- Issue 14 item 3 (R-CAM-5, R-APR-2): the national campaign imports a province's hand-off package.

-- An import of one uploaded package ZIP into a (national) campaign, run by the db-scheduler task
-- handoff-import (instance id = this id). The handoff module owns it.
create table handoff_import (
    id                bigint generated always as identity constraint handoff_import_pk primary key,
    campaign_id       bigint      not null constraint handoff_import_campaign_fk references campaign (id),
    package_file_id   uuid        not null,
    package_name      text        not null,
    package_size      bigint      not null constraint handoff_import_size_ck check (package_size >= 0),
    state             text        not null constraint handoff_import_state_ck check (state in (
                          'QUEUED', 'RUNNING', 'DONE', 'REFUSED', 'FAILED')),
    -- what the manifest named: the sub-project (a category of the campaign) and the province
    category_id       bigint      constraint handoff_import_category_fk references campaign_category (id),
    organisation_id   bigint      constraint handoff_import_organisation_fk references organisation (id),
    manifest_sha256   text        constraint handoff_import_manifest_ck check (manifest_sha256 ~ '^[0-9a-f]{64}$'),
    works             integer     not null default 0,
    created           integer     not null default 0,
    already_imported  integer     not null default 0,
    -- the Chinese reasons of a refusal (or the error of a failure), one per line
    problems          text[]      not null default '{}',
    attempts          integer     not null default 0,
    requested_by      bigint      not null constraint handoff_import_requested_by_fk references account (id),
    requested_by_name text        not null,
    requested_at      timestamptz not null,
    finished_at       timestamptz,
    constraint handoff_import_package_uq unique (campaign_id, package_file_id)
);
create index handoff_import_campaign_ix on handoff_import (campaign_id, id desc);

-- An entry the national campaign received from a province's package (submission module): where it came
-- from, and what the province said of it, kept as data. source_key names the work in its package (the
-- SHA-256 of the package's manifest, which the same selection reproduces byte for byte, and the work's
-- number): the unique constraint makes a re-import of the same package create nothing again.
create table entry_import (
    entry_id          bigint      not null constraint entry_import_pk primary key
                                  constraint entry_import_entry_fk references entry (id),
    campaign_id       bigint      not null constraint entry_import_campaign_fk references campaign (id),
    source_key        text        not null,
    package_name      text        not null,
    author            text        not null,
    unit_chain        text        not null,
    province_category text        not null,
    award             text        not null,
    note              text        not null,
    imported_at       timestamptz not null,
    constraint entry_import_source_uq unique (campaign_id, source_key)
);

alter table entry_transition drop constraint entry_transition_step_ck;
alter table entry_transition add constraint entry_transition_step_ck check (step in (
    'CREATED', 'SUBMITTED', 'RECALLED', 'WITHDRAWN', 'EDITED', 'APPROVED', 'RECOMMENDED', 'RETURNED', 'REJECTED',
    'ADVANCED', 'NOT_ADVANCED', 'AWARDED', 'NOT_AWARDED', 'PUBLICITY_STARTED', 'AWARD_CHANGED', 'AWARD_WITHDRAWN',
    'AWARD_FINALISED', 'NATIONAL_RECOMMENDED', 'NATIONAL_IMPORTED'));
