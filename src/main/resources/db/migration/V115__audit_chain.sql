-- R-X-3 (issue 11, 等保 level 3) A tamper-evident audit log. Every event written from now on is a link of one
-- chain: chain_seq counts the links without gaps, previous_mac is the MAC of the link before, and mac is the
-- HMAC-SM3 (key outside the database) over the event's content and previous_mac. Changing, removing or inserting
-- a row breaks the chain at that row. Events written before this migration stay outside the chain (chain_seq null).
alter table audit_event
    add column chain_seq    bigint,
    add column previous_mac bytea,
    add column mac          bytea;
alter table audit_event add constraint audit_event_chain_seq_uq unique (chain_seq);
alter table audit_event add constraint audit_event_chain_ck check (
    (chain_seq is null and previous_mac is null and mac is null)
    or (chain_seq > 0 and previous_mac is not null and mac is not null));

-- Where the remaining chain starts once the retention purge has removed its oldest links: the sequence number and
-- MAC of the last link removed. One row at most.
create table audit_chain_anchor (
    singleton     boolean     not null default true constraint audit_chain_anchor_pk primary key
                                  constraint audit_chain_anchor_singleton_ck check (singleton),
    chain_seq     bigint      not null constraint audit_chain_anchor_seq_ck check (chain_seq > 0),
    mac           bytea       not null,
    purged_before timestamptz not null,
    purged_at     timestamptz not null
);

-- The retention purge's statement reads events by time.
create index audit_event_unchained_time_ix on audit_event (occurred_at) where chain_seq is null;

-- Refused and denied requests (404 for another unit's object, 403, CSRF failures) and the purge itself.
do $$
declare
    definition text;
    added text;
begin
    foreach added in array array['ACCESS_DENIED', 'CSRF_REJECTED', 'AUDIT_PURGED'] loop
        select pg_get_constraintdef(oid) into strict definition
        from pg_constraint where conname = 'audit_event_action_ck' and conrelid = 'audit_event'::regclass;
        if position('''' || added || '''' in definition) = 0 then
            execute 'alter table audit_event drop constraint audit_event_action_ck';
            execute 'alter table audit_event add constraint audit_event_action_ck '
                || replace(definition, 'ARRAY[', 'ARRAY[''' || added || '''::text, ');
        end if;
    end loop;
end $$;
