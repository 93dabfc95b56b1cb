-- Issue 11 item 9: the security administrators are told of a stored file whose bytes changed.
alter table notice drop constraint notice_kind_ck;
alter table notice add constraint notice_kind_ck check (kind in (
    'SUBMITTED', 'WITHDRAWN', 'APPROVED', 'RECOMMENDED', 'RETURNED', 'REJECTED', 'REMINDER', 'FILE_CORRUPTED'));
