-- R-SUB-1, R-CAM-3/4, R-NOM-1/2 Entries (作品/申报) of every category, their files, texts,
-- declarations, nomination forms and the history of their states.

-- An entry belongs to the account that created it (an individual participant) or, for categories
-- submitted by union organisations, to its organisation (any admin of that organisation edits it).
-- owner_key names the owner in one column ('account:17' or 'organisation:203') so that "one entry
-- per person or organisation" is one partial unique index; single_per_owner is copied from the
-- category rule (multipleWorksPerPerson = false) when the entry is created.
create table entry (
    id                   bigint generated always as identity constraint entry_pk primary key,
    campaign_id          bigint      not null constraint entry_campaign_fk references campaign (id),
    category_id          bigint      not null constraint entry_category_fk references campaign_category (id),
    created_by           bigint      not null constraint entry_created_by_fk references account (id),
    submitter_kind       text        not null constraint entry_submitter_kind_ck check (submitter_kind in (
                             'WORKER', 'UNION_CADRE', 'SOCIAL_UNION_WORKER', 'UNION_ORGANISATION')),
    owner_key            text        not null,
    single_per_owner     boolean     not null,
    organisation_id      bigint      not null constraint entry_organisation_fk references organisation (id),
    organisation_path    text        not null,
    title                text        not null constraint entry_title_ck check (btrim(title) <> '' and char_length(title) <= 100),
    state                text        not null constraint entry_state_ck check (state in ('DRAFT', 'SUBMITTED', 'WITHDRAWN')),
    texts                jsonb       not null default '{}'::jsonb,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    submitted_at         timestamptz,
    version              integer     not null default 0,
    constraint entry_owner_ck check (owner_key ~ '^(account|organisation):[0-9]+$')
);
create unique index entry_one_per_owner_uq on entry (category_id, owner_key)
    where single_per_owner and state <> 'WITHDRAWN';
create index entry_owner_ix on entry (owner_key, updated_at desc);
create index entry_path_ix on entry (organisation_path text_pattern_ops, updated_at desc);

-- A stored file attached to a slot of an entry, with the result of its checks (R-SUB-3) as JSON.
-- file_name, size and sha256 are copied from the completed upload, which never changes.
create table entry_attachment (
    id            bigint generated always as identity constraint entry_attachment_pk primary key,
    entry_id      bigint      not null constraint entry_attachment_entry_fk references entry (id),
    slot_key      text        not null,
    section       text,
    file_id       uuid        not null,
    file_name     text        not null,
    size          bigint      not null constraint entry_attachment_size_ck check (size >= 0),
    sha256        text        not null constraint entry_attachment_sha256_ck check (sha256 ~ '^[0-9a-f]{64}$'),
    detected_kind text,
    content_type  text        not null,
    inspection    jsonb       not null,
    blocking      boolean     not null,
    attached_by   bigint      not null constraint entry_attachment_attached_by_fk references account (id),
    attached_at   timestamptz not null,
    constraint entry_attachment_file_uq unique (entry_id, file_id)
);
create index entry_attachment_entry_ix on entry_attachment (entry_id, slot_key, id);

-- R-CAM-3 Every acceptance of a declaration, with the exact text version accepted.
create table entry_declaration (
    id             bigint generated always as identity constraint entry_declaration_pk primary key,
    entry_id       bigint      not null constraint entry_declaration_entry_fk references entry (id),
    declaration_id bigint      not null constraint entry_declaration_declaration_fk references campaign_declaration (id),
    code           text        not null,
    text_version   integer     not null,
    account_id     bigint      not null constraint entry_declaration_account_fk references account (id),
    accepted_at    timestamptz not null
);
create index entry_declaration_entry_ix on entry_declaration (entry_id, accepted_at);

-- R-SUB-1 Every change of state: who, when, from, to and the opinion or remark.
create table entry_transition (
    id          bigint generated always as identity constraint entry_transition_pk primary key,
    entry_id    bigint      not null constraint entry_transition_entry_fk references entry (id),
    from_state  text        constraint entry_transition_from_ck check (from_state in ('DRAFT', 'SUBMITTED', 'WITHDRAWN')),
    to_state    text        not null constraint entry_transition_to_ck check (to_state in ('DRAFT', 'SUBMITTED', 'WITHDRAWN')),
    actor_id    bigint      not null constraint entry_transition_actor_fk references account (id),
    actor_name  text        not null,
    occurred_at timestamptz not null,
    remark      text
);
create index entry_transition_entry_ix on entry_transition (entry_id, occurred_at, id);

-- R-NOM-1/2 The nomination form (附件4) of a good-netizen entry. The ID number and the mobile are
-- personal information: SM4-encrypted (keys from configuration) with masked copies for display.
-- The 一寸彩照 is an attachment of the entry (slot 'nomination-photo'). The three opinions are
-- written during approval (issue 4).
create table entry_nomination (
    entry_id                  bigint      constraint entry_nomination_pk primary key
                                          constraint entry_nomination_entry_fk references entry (id),
    name                      text,
    sex                       text        constraint entry_nomination_sex_ck check (sex in ('MALE', 'FEMALE')),
    birth_month               date        constraint entry_nomination_birth_month_ck check (extract(day from birth_month) = 1),
    political_status          text,
    account_name              text,
    platform                  text,
    followers                 text,
    unit_and_position         text,
    mobile_cipher             bytea,
    mobile_masked             text,
    id_number_cipher          bytea,
    id_number_masked          text,
    profile                   text,
    reasons                   text        constraint entry_nomination_reasons_ck check (char_length(reasons) <= 1500),
    work_unit_opinion         text,
    recommending_unit_opinion text,
    province_opinion          text,
    constraint entry_nomination_mobile_pair_ck check ((mobile_cipher is null) = (mobile_masked is null)),
    constraint entry_nomination_id_pair_ck check ((id_number_cipher is null) = (id_number_masked is null))
);

-- A file refused for its format leaves only an audit event (action FILE_REJECTED). The action
-- list is extended rather than rewritten, so that values other migrations added stay allowed.
do $$
declare
    definition text;
begin
    select pg_get_constraintdef(oid) into strict definition
    from pg_constraint where conname = 'audit_event_action_ck' and conrelid = 'audit_event'::regclass;
    if position('''FILE_REJECTED''' in definition) = 0 then
        execute 'alter table audit_event drop constraint audit_event_action_ck';
        execute 'alter table audit_event add constraint audit_event_action_ck '
            || replace(definition, 'ARRAY[', 'ARRAY[''FILE_REJECTED''::text, ');
    end if;
end $$;
