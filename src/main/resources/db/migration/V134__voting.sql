-- Issue 13 item 4 (R-PUB-3): the public vote (网络投票). A campaign's admins open a vote on a category's
-- works for a window; members of the public prove a mobile number by a one-time code and vote.

-- The vote settings of a category (data, edited at /admin/campaigns/{code}/votes/settings).
create table vote_setting (
    id             bigint      generated always as identity constraint vote_setting_pk primary key,
    campaign_id    bigint      not null constraint vote_setting_campaign_fk references campaign (id) on delete cascade,
    category_id    bigint      not null constraint vote_setting_category_fk
                               references campaign_category (id) on delete cascade,
    -- the review round whose results combine these votes (VoteCounts), or none
    round_id       bigint      constraint vote_setting_round_fk references review_round (id) on delete set null,
    opens_at       timestamptz not null,
    closes_at      timestamptz not null,
    votes_per_day  integer     not null,
    weight         integer     not null,
    counts_public  boolean     not null,
    -- null: the demonstration data (DemoVoting)
    updated_by     bigint      constraint vote_setting_updated_by_fk references account (id),
    updated_at     timestamptz not null,
    constraint vote_setting_category_uq unique (category_id),
    constraint vote_setting_window_ck check (opens_at < closes_at),
    constraint vote_setting_votes_per_day_ck check (votes_per_day between 1 and 100),
    constraint vote_setting_weight_ck check (weight between 1 and 1000)
);

-- A proved mobile number (no account): the number encrypted, its blind index, the masked form and its
-- segment (the first 7 digits: carrier and area, for the anomaly "many numbers of one segment").
create table voter (
    id             bigint      generated always as identity constraint voter_pk primary key,
    mobile_index   bytea       not null,
    mobile_cipher  bytea       not null,
    mobile_masked  text        not null,
    mobile_segment text        not null,
    created_at     timestamptz not null,
    constraint voter_mobile_uq unique (mobile_index),
    constraint voter_segment_ck check (mobile_segment ~ '^1[3-9][0-9]{5}$')
);

-- One row per counted vote. A voter votes a work at most votes_per_day times a day (the campaign's
-- day): slot 1..votes_per_day, and the unique constraint decides, never a check before the insert.
create table vote (
    id          bigint      generated always as identity constraint vote_pk primary key,
    setting_id  bigint      not null constraint vote_setting_fk references vote_setting (id) on delete cascade,
    entry_id    bigint      not null constraint vote_entry_fk references entry (id),
    voter_id    bigint      not null constraint vote_voter_fk references voter (id),
    vote_day    date        not null,
    slot        smallint    not null,
    weight      integer     not null,
    cast_at     timestamptz not null,
    address     text        not null,
    device      text,
    voided_at   timestamptz,
    voided_by   bigint      constraint vote_voided_by_fk references account (id),
    void_reason text,
    constraint vote_once_uq unique (entry_id, voter_id, vote_day, slot),
    constraint vote_slot_ck check (slot >= 1),
    constraint vote_weight_ck check (weight >= 1),
    constraint vote_void_ck check ((voided_at is null) = (void_reason is null)
                                   and (voided_at is null) = (voided_by is null))
);
create index vote_setting_entry_ix on vote (setting_id, entry_id);

-- Per-address and per-device counters per minute, shared by every node. Unlogged: a crash loses at
-- most a minute of counting, and a commit that touches only them waits for no disk.
create unlogged table vote_rate (
    key          text        not null,
    window_start timestamptz not null,
    hits         integer     not null,
    constraint vote_rate_pk primary key (key, window_start)
);

-- Proof-of-work challenges handed out while traffic looks suspicious; each is answered once.
create unlogged table vote_challenge (
    id          uuid        constraint vote_challenge_pk primary key,
    difficulty  smallint    not null,
    created_at  timestamptz not null,
    used_at     timestamptz,
    constraint vote_challenge_difficulty_ck check (difficulty between 1 and 30)
);
