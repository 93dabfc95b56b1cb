-- Issue 15 (module similarity): fingerprints of every stored work, kept across campaigns and years, and the
-- matches found between entries. Entries, attachments and campaigns are other modules' rows, referenced by id
-- only (read through their APIs); the fingerprinted file is a stored_file (foreign key, like web_copy).

-- One thing to fingerprint: a file of an entry (attachment_id set) or an entry's typed texts (kind TEXT,
-- attachment_id null, text_key naming the field). Made by the db-scheduler task fingerprint-source.
create table similarity_source (
    id              bigint      generated always as identity constraint similarity_source_pk primary key,
    entry_id        bigint      not null,
    campaign_id     bigint      not null,
    attachment_id   bigint,
    text_key        text        constraint similarity_source_text_key_ck check (char_length(text_key) <= 200),
    file_id         uuid        constraint similarity_source_file_fk references stored_file (id),
    -- The file's type as the media checks found it.
    content_type    text        constraint similarity_source_type_ck check (char_length(content_type) <= 200),
    -- What kind of fingerprint it gets: VIDEO frames, AUDIO, one IMAGE hash, TEXT, or only the SHA-256 (OTHER).
    kind            text        not null constraint similarity_source_kind_ck
                                check (kind in ('VIDEO', 'AUDIO', 'IMAGE', 'TEXT', 'OTHER')),
    -- SHA-256 of the file's bytes (hex, from the files module), for exact copies.
    sha256          text        constraint similarity_source_sha256_ck check (sha256 ~ '^[0-9a-f]{64}$'),
    state           text        not null constraint similarity_source_state_ck
                                check (state in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    attempts        integer     not null default 0 constraint similarity_source_attempts_ck check (attempts >= 0),
    -- How many hashes were stored, the media's duration, the time the fingerprinting took.
    hash_count      integer     constraint similarity_source_hash_count_ck check (hash_count >= 0),
    duration_ms     bigint      constraint similarity_source_duration_ck check (duration_ms >= 0),
    work_ms         bigint      constraint similarity_source_work_ck check (work_ms >= 0),
    error_detail    text        constraint similarity_source_error_ck check (char_length(error_detail) <= 2000),
    requested_at    timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz,
    constraint similarity_source_attachment_uq unique (attachment_id),
    constraint similarity_source_what_ck check (
        (attachment_id is not null and file_id is not null and text_key is null)
        or (attachment_id is null and file_id is null and kind = 'TEXT' and text_key is not null)),
    constraint similarity_source_state_columns_ck check (
        (state in ('QUEUED', 'RUNNING') and finished_at is null)
        or (state = 'DONE' and finished_at is not null and hash_count is not null and error_detail is null)
        or (state = 'FAILED' and finished_at is not null and error_detail is not null))
);
create unique index similarity_source_text_uq on similarity_source (entry_id, text_key) where text_key is not null;
create index similarity_source_entry_ix on similarity_source (entry_id);
create index similarity_source_campaign_ix on similarity_source (campaign_id, state);
create index similarity_source_sha256_ix on similarity_source (sha256) where sha256 is not null;
create index similarity_source_open_ix on similarity_source (requested_at) where state in ('QUEUED', 'RUNNING');

-- The hashes of a source: 64-bit perceptual hashes (video keyframes with their time, one per image), audio
-- sub-fingerprints or text MinHash values, as bigint. Looked up by Hamming distance with multi-index hashing:
-- the 64 bits in four 16-bit chunks, each an expression index; two hashes within distance 3 share a chunk
-- (pigeonhole), and each candidate is verified with bit_count((a # b)::bit(64)).
create table similarity_hash (
    source_id       bigint      not null constraint similarity_hash_source_fk
                                references similarity_source (id) on delete cascade,
    kind            text        not null constraint similarity_hash_kind_ck
                                check (kind in ('VIDEO', 'AUDIO', 'IMAGE', 'TEXT')),
    -- Position: the frame's time in ms for video/audio, the crop variant for an image, the slot for text.
    at_ms           integer     not null constraint similarity_hash_at_ck check (at_ms >= 0),
    hash            bigint      not null,
    constraint similarity_hash_pk primary key (source_id, at_ms, hash)
);
create index similarity_hash_c0_ix on similarity_hash (kind, ((hash >> 48) & 65535));
create index similarity_hash_c1_ix on similarity_hash (kind, ((hash >> 32) & 65535));
create index similarity_hash_c2_ix on similarity_hash (kind, ((hash >> 16) & 65535));
create index similarity_hash_c3_ix on similarity_hash (kind, (hash & 65535));

-- A match found: source (of entry) is similar to other_source (of other_entry). Stored in both directions,
-- so that an entry's matches are one index range.
create table similarity_match (
    id               bigint      generated always as identity constraint similarity_match_pk primary key,
    source_id        bigint      not null constraint similarity_match_source_fk
                                 references similarity_source (id) on delete cascade,
    other_source_id  bigint      not null constraint similarity_match_other_fk
                                 references similarity_source (id) on delete cascade,
    entry_id         bigint      not null,
    other_entry_id   bigint      not null,
    kind             text        not null constraint similarity_match_kind_ck
                                 check (kind in ('EXACT', 'VIDEO', 'AUDIO', 'IMAGE', 'TEXT')),
    similarity       integer     not null constraint similarity_match_similarity_ck check (similarity between 0 and 100),
    -- The matching segment on both sides (ms), for VIDEO and AUDIO only.
    start_ms         bigint,
    end_ms           bigint,
    other_start_ms   bigint,
    other_end_ms     bigint,
    -- Representative frame times (ms) for side-by-side frames, VIDEO only.
    frame_ms         bigint,
    other_frame_ms   bigint,
    found_at         timestamptz not null,
    constraint similarity_match_uq unique (source_id, other_source_id, kind),
    constraint similarity_match_other_entry_ck check (entry_id <> other_entry_id),
    constraint similarity_match_segment_ck check (
        (kind in ('VIDEO', 'AUDIO') and start_ms is not null and end_ms >= start_ms
         and other_start_ms is not null and other_end_ms >= other_start_ms)
        or (kind in ('EXACT', 'IMAGE', 'TEXT') and start_ms is null and end_ms is null
            and other_start_ms is null and other_end_ms is null)),
    constraint similarity_match_frames_ck check (
        (frame_ms is null and other_frame_ms is null) or (kind = 'VIDEO' and frame_ms >= 0 and other_frame_ms >= 0))
);
create index similarity_match_entry_ix on similarity_match (entry_id, similarity desc);
create index similarity_match_other_entry_ix on similarity_match (other_entry_id);
