-- R-ACT-1/2/3 Offline events (线下活动) reported by units of any level against the allocation of
-- their campaign, and the reach figures of R-ACT-3. Progress rolls up the tree by path prefix: a
-- city's count includes its counties and grassroots units.
create table offline_event (
    id                bigint generated always as identity constraint offline_event_pk primary key,
    campaign_id       bigint      not null constraint offline_event_campaign_fk references campaign (id),
    organisation_id   bigint      not null constraint offline_event_organisation_fk references organisation (id),
    organisation_path text        not null,
    held_on           date        not null,
    place             text        not null constraint offline_event_place_ck check (btrim(place) <> '' and char_length(place) <= 200),
    enterprise        text        constraint offline_event_enterprise_ck check (char_length(enterprise) <= 200),
    participants      integer     not null constraint offline_event_participants_ck check (participants between 0 and 1000000),
    description       text        not null constraint offline_event_description_ck check (btrim(description) <> '' and char_length(description) <= 2000),
    reported_by       bigint      not null constraint offline_event_reported_by_fk references account (id),
    reported_at       timestamptz not null,
    updated_at        timestamptz not null,
    version           integer     not null default 0
);
create index offline_event_campaign_path_ix on offline_event (campaign_id, organisation_path text_pattern_ops);
create index offline_event_organisation_ix on offline_event (organisation_id, held_on desc);

-- Photos of an event: completed uploads (files module), checked as images when attached.
create table offline_event_photo (
    id           bigint generated always as identity constraint offline_event_photo_pk primary key,
    event_id     bigint      not null constraint offline_event_photo_event_fk references offline_event (id) on delete cascade,
    file_id      uuid        not null,
    file_name    text        not null,
    content_type text        not null,
    attached_at  timestamptz not null,
    constraint offline_event_photo_file_uq unique (event_id, file_id)
);

-- R-ACT-3 The figures a unit reports for itself (not including units below it; sums roll up).
-- ENTERPRISES_OR_EVENTS is not entered: it is the count of offline events.
create table unit_reach (
    campaign_id       bigint      not null constraint unit_reach_campaign_fk references campaign (id),
    organisation_id   bigint      not null constraint unit_reach_organisation_fk references organisation (id),
    organisation_path text        not null,
    metric            text        not null constraint unit_reach_metric_ck check (metric in (
                          'ORGANISATIONS_MOBILISED', 'PROMOTERS', 'WORKERS_REACHED', 'WORKERS_COVERED')),
    value             bigint      not null constraint unit_reach_value_ck check (value between 0 and 1000000000),
    updated_by        bigint      not null constraint unit_reach_updated_by_fk references account (id),
    updated_at        timestamptz not null,
    constraint unit_reach_pk primary key (campaign_id, organisation_id, metric)
);
create index unit_reach_campaign_path_ix on unit_reach (campaign_id, organisation_path text_pattern_ops);
