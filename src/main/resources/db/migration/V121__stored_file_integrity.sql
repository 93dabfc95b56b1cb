-- Issue 11 item 9: stored bytes are checked against their SHA-256 (when a small file is served, and
-- by the scrub job for every file); a mismatch is flagged once, so that it is reported once and the
-- file is never served again. The scrub takes the files checked longest ago first.
alter table stored_file
    add column verified_at  timestamp with time zone,
    add column corrupted_at timestamp with time zone,
    -- The node holding the lease (the key of the advisory lock that node keeps while it runs): a
    -- lease of a node that crashed is free at once instead of at lease_until.
    add column lease_node   integer constraint stored_file_lease_node_ck check (lease_node > 0);
create index stored_file_scrub_ix on stored_file (verified_at nulls first, completed_at)
    where completed_at is not null and corrupted_at is null;
