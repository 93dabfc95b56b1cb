-- Issue 15 item 3 (module evidence): the evidence frames for the judgement items 无水印 and 片头字幕须有作品名称.
-- One row per video attachment (entry_attachment of the submission module, referenced by id only: evidence reads
-- attachments through submission's API), made by the db-scheduler task make-video-evidence. The images are
-- stored files (derived from the video), referenced by key like web_copy (V136).
create table video_evidence (
    attachment_id      bigint      constraint video_evidence_pk primary key,
    entry_id           bigint      not null,
    source_file_id     uuid        not null constraint video_evidence_source_fk references stored_file (id),
    state              text        not null constraint video_evidence_state_ck
                                   check (state in ('QUEUED', 'RUNNING', 'READY', 'FAILED')),
    attempts           integer     not null default 0 constraint video_evidence_attempts_ck check (attempts >= 0),
    duration_ms        bigint      constraint video_evidence_duration_ck check (duration_ms >= 0),
    -- M: the frames sampled through the whole work for the corners (keyframes).
    corner_samples     integer     constraint video_evidence_corner_samples_ck check (corner_samples >= 0),
    -- The pre-flag: the corner where a static high-contrast region persists, in N (watermark_frames) of the M
    -- frames; the crop of that corner as evidence. All three or none.
    watermark_corner   text        constraint video_evidence_watermark_corner_ck
                                   check (watermark_corner in ('TOP_LEFT', 'TOP_RIGHT', 'BOTTOM_LEFT', 'BOTTOM_RIGHT')),
    watermark_frames   integer     constraint video_evidence_watermark_frames_ck check (watermark_frames > 0),
    watermark_file_id  uuid        constraint video_evidence_watermark_file_fk references stored_file (id),
    error_detail       text        constraint video_evidence_error_detail_ck check (char_length(error_detail) <= 2000),
    requested_at       timestamptz not null,
    finished_at        timestamptz,
    constraint video_evidence_watermark_ck check (
        (watermark_corner is null and watermark_frames is null and watermark_file_id is null)
        or (state = 'READY' and watermark_corner is not null and watermark_frames is not null
            and watermark_file_id is not null and watermark_frames <= corner_samples)),
    constraint video_evidence_state_columns_ck check (
        (state in ('QUEUED', 'RUNNING') and finished_at is null)
        or (state = 'READY' and finished_at is not null and duration_ms is not null and corner_samples is not null)
        or (state = 'FAILED' and finished_at is not null and error_detail is not null))
);
create index video_evidence_entry_ix on video_evidence (entry_id);
create index video_evidence_open_ix on video_evidence (requested_at) where state in ('QUEUED', 'RUNNING');

-- The images of a READY row: the opening strip (OPENING, one frame every 2 s of the first 15 s, position = its
-- order, at_ms = its time) and one strip per corner (CORNER, the corner's crops of the sampled frames side by side).
create table video_evidence_image (
    id             bigint      generated always as identity constraint video_evidence_image_pk primary key,
    attachment_id  bigint      not null constraint video_evidence_image_evidence_fk
                               references video_evidence (attachment_id) on delete cascade,
    kind           text        not null constraint video_evidence_image_kind_ck check (kind in ('OPENING', 'CORNER')),
    corner         text        constraint video_evidence_image_corner_ck
                               check (corner in ('TOP_LEFT', 'TOP_RIGHT', 'BOTTOM_LEFT', 'BOTTOM_RIGHT')),
    position       integer     not null constraint video_evidence_image_position_ck check (position >= 0),
    at_ms          bigint      not null constraint video_evidence_image_at_ck check (at_ms >= 0),
    file_id        uuid        not null constraint video_evidence_image_file_fk references stored_file (id)
                               constraint video_evidence_image_file_uq unique,
    constraint video_evidence_image_corner_kind_ck check ((kind = 'CORNER') = (corner is not null)),
    constraint video_evidence_image_position_uq unique nulls not distinct (attachment_id, kind, corner, position)
);
