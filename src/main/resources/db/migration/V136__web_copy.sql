-- Issue 13 item 3: the web copy of each awarded video or audio attachment (module playback). One row per
-- attachment (entry_attachment of the submission module, referenced by id only: the playback module reads
-- attachments through submission's API). The source, the copy and the poster are stored files, referenced
-- by key like review_blind_copy (V127). Made by the db-scheduler task make-web-copy.
create table web_copy (
    attachment_id     bigint      constraint web_copy_pk primary key,
    entry_id          bigint      not null,
    campaign_id       bigint      not null,
    source_file_id    uuid        not null constraint web_copy_source_fk references stored_file (id),
    -- The source's type as the media checks found it (video/… or audio/…).
    source_type       text        not null constraint web_copy_source_type_ck
                                  check (source_type ~ '^(video|audio)/[a-z0-9.+-]{1,100}$'),
    state             text        not null constraint web_copy_state_ck
                                  check (state in ('QUEUED', 'RUNNING', 'READY', 'FAILED')),
    attempts          integer     not null default 0 constraint web_copy_attempts_ck check (attempts >= 0),
    progress          integer     not null default 0 constraint web_copy_progress_ck check (progress between 0 and 100),
    copy_file_id      uuid        constraint web_copy_copy_fk references stored_file (id)
                                  constraint web_copy_copy_uq unique,
    copy_type         text        constraint web_copy_copy_type_ck
                                  check (copy_type in ('video/mp4', 'audio/mp4', 'audio/mpeg')),
    poster_file_id    uuid        constraint web_copy_poster_fk references stored_file (id)
                                  constraint web_copy_poster_uq unique,
    -- Whether the copy was encoded again (false: only re-muxed, the streams were web-ready).
    reencoded         boolean,
    -- The last failure: a reason (TranscodeException.Reason) and the technical detail. Kept on a QUEUED row
    -- waiting for its retry, so that the admin sees why.
    error_reason      text        constraint web_copy_error_reason_ck
                                  check (error_reason in ('UNREADABLE', 'NO_MEDIA', 'ENCODER_MISSING', 'INPUT_OUTPUT')),
    error_detail      text        constraint web_copy_error_detail_ck check (char_length(error_detail) <= 2000),
    requested_at      timestamptz not null,
    started_at        timestamptz,
    finished_at       timestamptz,
    constraint web_copy_state_columns_ck check (
        (state in ('QUEUED', 'RUNNING') and copy_file_id is null and copy_type is null and finished_at is null)
        or (state = 'READY' and copy_file_id is not null and copy_type is not null and reencoded is not null
            and progress = 100 and error_reason is null and finished_at is not null)
        or (state = 'FAILED' and copy_file_id is null and error_reason is not null and finished_at is not null)),
    constraint web_copy_poster_ck check (poster_file_id is null or state = 'READY')
);
create index web_copy_campaign_ix on web_copy (campaign_id, entry_id);
create index web_copy_open_ix on web_copy (requested_at) where state in ('QUEUED', 'RUNNING');
