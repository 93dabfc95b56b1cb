-- R-SUB-2 Files uploaded over tus. A row is an upload in progress until completed_at is set; from then
-- on it is a stored file whose bytes never change. Upload state lives here (not in a node's memory)
-- so that any node can continue an upload; the lease (lease_token, lease_until) lets one PATCH at a
-- time write to an upload without holding a database connection while the bytes stream in.
create table stored_file (
    id                 uuid                     not null constraint stored_file_pk primary key,
    owner_account_id   bigint                   not null constraint stored_file_owner_fk references account (id),
    -- The uploader's organisation when the upload began: scopes the audit events about the file.
    organisation_path  text                     not null,
    file_name          text                     not null
        constraint stored_file_name_ck check (length(file_name) between 1 and 255),
    -- Where the bytes are in the file storage: generated, never derived from the user's file name.
    storage_key        text                     not null constraint stored_file_storage_key_uq unique,
    upload_length      bigint                   not null constraint stored_file_length_ck check (upload_length >= 0),
    -- Bytes durably stored (forced to disk before this is raised).
    upload_offset      bigint                   not null default 0,
    -- The Upload-Metadata header as sent (base64 values), returned by HEAD.
    upload_metadata    text,
    sha256             text
        constraint stored_file_sha256_ck check (sha256 ~ '^[0-9a-f]{64}$'),
    created_at         timestamp with time zone not null,
    expires_at         timestamp with time zone not null,
    completed_at       timestamp with time zone,
    lease_token        uuid,
    lease_until        timestamp with time zone,
    constraint stored_file_offset_ck check (upload_offset between 0 and upload_length),
    constraint stored_file_completed_ck check (
        (completed_at is null and sha256 is null)
        or (completed_at is not null and sha256 is not null and upload_offset = upload_length))
);
create index stored_file_owner_ix on stored_file (owner_account_id);
-- The expiry job looks only at unfinished uploads.
create index stored_file_unfinished_expiry_ix on stored_file (expires_at) where completed_at is null;
