-- Issue 14 item 4 (R-PUB-4) Award certificates (获奖证书): one template per campaign, adjusted by its host's
-- admins, and the certificates issued from the final awards, each with a random verification code that a
-- public page confirms. The application role gets row access through V100's default privileges.

-- The template: title, body text with placeholders ({作品名称} {奖项} {获奖者} {单位} {类别} {活动名称}),
-- issuing organisation, signature date and an optional seal image (PNG, checked on upload, at most 512 KB).
create table certificate_template (
    campaign_id     bigint      not null constraint certificate_template_pk primary key
                                constraint certificate_template_campaign_fk references campaign (id),
    title           text        not null constraint certificate_template_title_ck
                                check (btrim(title) <> '' and char_length(title) <= 40),
    body            text        not null constraint certificate_template_body_ck
                                check (btrim(body) <> '' and char_length(body) <= 1000),
    issuer          text        not null constraint certificate_template_issuer_ck
                                check (btrim(issuer) <> '' and char_length(issuer) <= 60),
    signature_date  date        not null,
    seal_png        bytea       constraint certificate_template_seal_ck check (octet_length(seal_png) <= 524288),
    updated_at      timestamptz not null,
    updated_by      bigint      not null constraint certificate_template_updated_by_fk references account (id),
    version         integer     not null default 0
);

-- An issued certificate: what it certifies, as printed (a snapshot, so that the public page shows what
-- the paper says), and its verification code (12 characters of Crockford-free base32, 60 random bits).
-- Issuing again keeps the code and the first issue date: one certificate per campaign, work and recipient.
create table certificate (
    id                 bigint generated always as identity constraint certificate_pk primary key,
    code               text        not null constraint certificate_code_uq unique
                                   constraint certificate_code_ck check (code ~ '^[A-Z2-7]{12}$'),
    campaign_id        bigint      not null constraint certificate_campaign_fk references campaign (id),
    entry_id           bigint      not null constraint certificate_entry_fk references entry (id),
    recipient_kind     text        not null constraint certificate_recipient_kind_ck
                                   check (recipient_kind in ('PERSON', 'UNIT')),
    recipient_name     text        not null,
    work_title         text        not null,
    award_name         text        not null,
    category_name      text        not null,
    organisation_name  text        not null,
    campaign_title     text        not null,
    issued_on          date        not null,
    issued_at          timestamptz not null,
    issued_by          bigint      not null constraint certificate_issued_by_fk references account (id),
    updated_at         timestamptz not null,
    constraint certificate_entry_recipient_uq unique (campaign_id, entry_id, recipient_kind)
);
create index certificate_entry_ix on certificate (entry_id);
