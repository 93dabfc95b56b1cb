-- Foundation schema: organisations, accounts, campaigns as data, audit.
-- Constraints are named so that the application can map a violation to a precise message.

create extension if not exists pg_trgm;

-- R-ORG-1 The union tree. `path` is the materialized chain of ids ('/1/14/203/'), kept by a
-- trigger, so that "this subtree" is one indexed prefix match instead of a recursive query.
create table organisation (
    id          bigint generated always as identity constraint organisation_pk primary key,
    parent_id   bigint constraint organisation_parent_fk references organisation (id),
    path        text        not null,
    code        text        constraint organisation_code_uq unique,
    name        text        not null constraint organisation_name_not_blank_ck check (btrim(name) <> ''),
    short_name  text,
    kind        text        not null constraint organisation_kind_ck check (kind in (
                    'ALL_CHINA', 'PROVINCIAL', 'NATIONAL_INDUSTRY', 'CITY', 'COUNTY', 'GRASSROOTS',
                    'PROVINCIAL_ORGAN', 'PROVINCIAL_INDUSTRY', 'DIRECT_ENTERPRISE')),
    sort_order  integer     not null default 0,
    demo        boolean     not null default false,
    created_at  timestamptz not null default now(),
    version     integer     not null default 0,
    constraint organisation_name_per_parent_uq unique nulls not distinct (parent_id, name),
    constraint organisation_root_kind_ck check ((parent_id is null) = (kind = 'ALL_CHINA'))
);
create index organisation_path_ix on organisation (path text_pattern_ops);
create index organisation_parent_ix on organisation (parent_id);

create function organisation_set_path() returns trigger language plpgsql as $$
begin
    if new.parent_id is null then
        new.path := '/' || new.id || '/';
    else
        select p.path || new.id || '/' into strict new.path from organisation p where p.id = new.parent_id;
    end if;
    return new;
end $$;
create trigger organisation_set_path_tg before insert on organisation
    for each row execute function organisation_set_path();

-- R-ORG-2/3 People. Mobile numbers are personal information: stored SM4-encrypted, looked up
-- through a keyed HMAC-SM3 ("blind index") so that uniqueness is still a database constraint.
create table account (
    id                   bigint generated always as identity constraint account_pk primary key,
    username             text        constraint account_username_uq unique,
    mobile_hmac          bytea       constraint account_mobile_uq unique,
    mobile_cipher        bytea,
    mobile_masked        text,
    display_name         text        not null,
    password_hash        text        not null,
    role                 text        not null constraint account_role_ck check (role in (
                             'PLATFORM_ADMIN', 'ORG_ADMIN', 'PARTICIPANT', 'EXPERT')),
    participant_kind     text        constraint account_participant_kind_ck check (participant_kind in (
                             'WORKER', 'UNION_CADRE', 'SOCIAL_UNION_WORKER')),
    organisation_id      bigint      not null constraint account_organisation_fk references organisation (id),
    must_change_password boolean     not null default false,
    failed_sign_ins      integer     not null default 0,
    locked_until         timestamptz,
    last_sign_in_at      timestamptz,
    enabled              boolean     not null default true,
    demo                 boolean     not null default false,
    created_by           bigint      constraint account_created_by_fk references account (id),
    created_at           timestamptz not null default now(),
    version              integer     not null default 0,
    constraint account_login_ck check (username is not null or mobile_hmac is not null),
    constraint account_mobile_pair_ck check ((mobile_hmac is null) = (mobile_cipher is null)),
    constraint account_participant_has_kind_ck check ((role = 'PARTICIPANT') = (participant_kind is not null))
);
create index account_organisation_ix on account (organisation_id);

-- One-time codes for registration by mobile number (R-ORG-3). Only a hash of the code is kept.
create table one_time_code (
    id          bigint generated always as identity constraint one_time_code_pk primary key,
    mobile_hmac bytea       not null,
    purpose     text        not null constraint one_time_code_purpose_ck check (purpose in ('REGISTRATION', 'PASSWORD_RESET')),
    code_hash   text        not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    attempts    integer     not null default 0,
    used_at     timestamptz
);
create index one_time_code_mobile_ix on one_time_code (mobile_hmac, purpose, created_at desc);

-- R-CAM Campaigns are data: one row per campaign, phases, categories with structured rules,
-- declarations, offline-event allocations and national targets.
create table campaign (
    id                   bigint generated always as identity constraint campaign_pk primary key,
    code                 text        not null constraint campaign_code_uq unique
                             constraint campaign_code_format_ck check (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    title                text        not null,
    short_title          text,
    year                 integer     not null,
    document_number      text,
    host_organisation_id bigint      not null constraint campaign_host_fk references organisation (id),
    organisers           text        not null,
    time_zone            text        not null default 'Asia/Shanghai',
    summary              text,
    contact              text,
    platform_note        text,
    feeds_campaign_id    bigint      constraint campaign_feeds_fk references campaign (id),
    copied_from_id       bigint      constraint campaign_copied_from_fk references campaign (id),
    definition_source    text,
    definition_version   integer,
    demo                 boolean     not null default false,
    changed_by_admin     boolean     not null default false,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    version              integer     not null default 0
);

create table campaign_phase (
    id               bigint generated always as identity constraint campaign_phase_pk primary key,
    campaign_id      bigint  not null constraint campaign_phase_campaign_fk references campaign (id) on delete cascade,
    kind             text    not null constraint campaign_phase_kind_ck check (kind in (
                         'LAUNCH', 'SUBMISSION', 'ADVANCE', 'REVIEW', 'RECOMMENDATION', 'RESULTS', 'SUMMARY')),
    name             text    not null,
    description      text,
    starts_on        date    not null,
    ends_on          date,
    sort_order       integer not null default 0,
    changed_by_admin boolean not null default false,
    version          integer not null default 0,
    constraint campaign_phase_kind_uq unique (campaign_id, kind),
    constraint campaign_phase_dates_ck check (ends_on is null or ends_on >= starts_on)
);

create table campaign_category (
    id               bigint generated always as identity constraint campaign_category_pk primary key,
    campaign_id      bigint  not null constraint campaign_category_campaign_fk references campaign (id) on delete cascade,
    code             text    not null,
    name             text    not null,
    short_name       text,
    host_units       text,
    description      text,
    rules            jsonb   not null default '{}'::jsonb,
    sort_order       integer not null default 0,
    changed_by_admin boolean not null default false,
    version          integer not null default 0,
    constraint campaign_category_code_uq unique (campaign_id, code)
);

create table campaign_declaration (
    id           bigint generated always as identity constraint campaign_declaration_pk primary key,
    campaign_id  bigint      not null constraint campaign_declaration_campaign_fk references campaign (id) on delete cascade,
    code         text        not null,
    text_version integer     not null default 1,
    title        text        not null,
    body         text        not null,
    sort_order   integer     not null default 0,
    created_at   timestamptz not null default now(),
    constraint campaign_declaration_version_uq unique (campaign_id, code, text_version)
);

-- R-ACT-1 Offline events allocated per unit.
create table event_allocation (
    id               bigint generated always as identity constraint event_allocation_pk primary key,
    campaign_id      bigint  not null constraint event_allocation_campaign_fk references campaign (id) on delete cascade,
    organisation_id  bigint  not null constraint event_allocation_organisation_fk references organisation (id),
    events           integer not null constraint event_allocation_events_ck check (events >= 0),
    sort_order       integer not null default 0,
    changed_by_admin boolean not null default false,
    constraint event_allocation_unit_uq unique (campaign_id, organisation_id)
);

-- R-ACT-3 Campaign-wide targets.
create table campaign_target (
    campaign_id      bigint  not null constraint campaign_target_campaign_fk references campaign (id) on delete cascade,
    metric           text    not null constraint campaign_target_metric_ck check (metric in (
                         'ORGANISATIONS_MOBILISED', 'PROMOTERS', 'ENTERPRISES_OR_EVENTS', 'WORKERS_REACHED', 'WORKERS_COVERED')),
    target           bigint  not null constraint campaign_target_positive_ck check (target >= 0),
    changed_by_admin boolean not null default false,
    constraint campaign_target_pk primary key (campaign_id, metric)
);

-- Every definition file version ever applied, so a second start changes nothing and an edited
-- file becomes a new version whose conflicts with admin changes are kept, not overwritten.
create table campaign_definition (
    id           bigint generated always as identity constraint campaign_definition_pk primary key,
    source       text        not null,
    version      integer     not null,
    content_hash text        not null,
    content      text        not null,
    outcome      text        not null constraint campaign_definition_outcome_ck check (outcome in ('CREATED', 'APPLIED', 'APPLIED_WITH_CONFLICTS')),
    conflicts    text,
    applied_at   timestamptz not null default now(),
    constraint campaign_definition_version_uq unique (source, version),
    constraint campaign_definition_hash_uq unique (source, content_hash)
);

-- R-X-3 Audit log. organisation_path scopes reading to an admin's subtree.
create table audit_event (
    id                bigint generated always as identity constraint audit_event_pk primary key,
    occurred_at       timestamptz not null,
    actor_id          bigint,
    actor_name        text,
    remote_address    text,
    action            text        not null constraint audit_event_action_ck check (action in (
                          'SIGN_IN_SUCCEEDED', 'SIGN_IN_FAILED', 'ACCOUNT_LOCKED', 'SIGNED_OUT',
                          'CREATED', 'UPDATED', 'DELETED', 'IMPORTED', 'EXPORTED', 'VIEWED_PERSONAL_DATA')),
    target_type       text,
    target_id         text,
    summary           text,
    organisation_path text,
    before_state      jsonb,
    after_state       jsonb
);
create index audit_event_scope_ix on audit_event (organisation_path text_pattern_ops, occurred_at desc);
create index audit_event_time_ix on audit_event (occurred_at desc);
