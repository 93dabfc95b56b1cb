-- Issue 12 item 4: the copies experts are served. One row per source stored file (a work's
-- attachment): its blind derivative, made once by the db-scheduler task make-blind-copy, never the
-- original itself. Like V125, the rows reference stored_file by key so that no dangling id can be
-- stored; the review module reads stored files only through the files module's API.
create table review_blind_copy (
    id              bigint      generated always as identity constraint review_blind_copy_pk primary key,
    source_file_id  uuid        not null constraint review_blind_copy_source_fk references stored_file (id)
                                constraint review_blind_copy_source_uq unique,
    -- The served type, as the media checks found it in the original's content (the copy has the same).
    content_type    text        not null constraint review_blind_copy_content_type_ck
                                check (char_length(content_type) between 1 and 200),
    status          text        not null constraint review_blind_copy_status_ck
                                check (status in ('PENDING', 'READY', 'FAILED')),
    -- Why it failed: a BlindCopyException reason (UNSUPPORTED_FORMAT, TRUNCATED, DAMAGED, INPUT_OUTPUT)
    -- or RENDERING, with the detail for the log reader.
    failure_reason  text        constraint review_blind_copy_reason_ck
                                check (failure_reason in ('UNSUPPORTED_FORMAT', 'TRUNCATED', 'DAMAGED',
                                                          'INPUT_OUTPUT', 'RENDERING')),
    failure_detail  text        constraint review_blind_copy_detail_ck check (char_length(failure_detail) <= 2000),
    derived_file_id uuid        constraint review_blind_copy_derived_fk references stored_file (id)
                                constraint review_blind_copy_derived_uq unique,
    -- Slide decks and PDFs: how many pages were rendered (review_blind_page); 0 for other kinds.
    page_count      integer     not null default 0 constraint review_blind_copy_pages_ck check (page_count >= 0),
    -- Attempts that ended in an error worth retrying (input/output); the task gives up after a few.
    attempts        integer     not null default 0 constraint review_blind_copy_attempts_ck check (attempts >= 0),
    requested_at    timestamptz not null,
    finished_at     timestamptz,
    constraint review_blind_copy_state_ck check (
        (status = 'PENDING' and derived_file_id is null and failure_reason is null and finished_at is null)
        or (status = 'READY' and derived_file_id is not null and failure_reason is null and finished_at is not null)
        or (status = 'FAILED' and derived_file_id is null and failure_reason is not null and finished_at is not null))
);
-- The sweep looks only at the copies still to be made.
create index review_blind_copy_pending_ix on review_blind_copy (requested_at) where status = 'PENDING';

-- The page images of a slide deck or PDF, rendered from the blind copy, numbered from 1.
create table review_blind_page (
    blind_copy_id bigint  not null constraint review_blind_page_copy_fk
                          references review_blind_copy (id) on delete cascade,
    page_number   integer not null constraint review_blind_page_number_ck check (page_number >= 1),
    file_id       uuid    not null constraint review_blind_page_file_fk references stored_file (id)
                          constraint review_blind_page_file_uq unique,
    width         integer not null constraint review_blind_page_width_ck check (width between 1 and 10000),
    height        integer not null constraint review_blind_page_height_ck check (height between 1 and 20000),
    constraint review_blind_page_pk primary key (blind_copy_id, page_number)
);
