-- Who asked for a code (the client address), so that one client cannot make the platform send
-- codes to many numbers: the per-number limits alone do not stop that.
alter table one_time_code add column requested_from text;
create index one_time_code_requester_ix on one_time_code (requested_from, created_at desc);
