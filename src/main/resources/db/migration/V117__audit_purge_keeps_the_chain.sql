-- The retention purge (issue 11 item 2) is the only way audit rows leave, and it runs with the owner's
-- rights because the application's role may only insert and read them (V101). It removes the oldest part of
-- the chain as a whole prefix, up to the first link that is not yet older than the retention, and records
-- the last removed link in audit_chain_anchor so that what remains still verifies. The chain's advisory
-- lock (AuditLog.CHAIN_LOCK) keeps writers from adding a link meanwhile. as_of is the caller's clock (tests
-- move it) but never later than the database's now(), so no clock can cut the 6 months short.
create or replace function audit_purge_older_than(retention interval, as_of timestamptz default now())
    returns bigint
    language plpgsql
    security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    cutoff  timestamptz;
    last_seq bigint;
    removed bigint;
begin
    if retention is null or retention < interval '6 months' then
        raise exception 'audit retention must be at least 6 months, not %', retention
            using errcode = '22023';
    end if;
    cutoff := least(coalesce(as_of, now()), now()) - retention;
    perform pg_advisory_xact_lock(27432146867350631);
    select coalesce(
               (select min(chain_seq) from public.audit_event where chain_seq is not null and occurred_at >= cutoff),
               (select max(chain_seq) + 1 from public.audit_event)) - 1
      into last_seq;
    insert into public.audit_chain_anchor (chain_seq, mac, purged_before, purged_at)
    select e.chain_seq, e.mac, cutoff, now() from public.audit_event e where e.chain_seq = last_seq
    on conflict on constraint audit_chain_anchor_pk do update set chain_seq = excluded.chain_seq,
        mac = excluded.mac, purged_before = excluded.purged_before, purged_at = excluded.purged_at;
    delete from public.audit_event e
     where e.chain_seq <= last_seq
        or (e.chain_seq is null and e.occurred_at < cutoff);
    get diagnostics removed = row_count;
    return removed;
end $$;

-- The anchor is written by the purge only: the application reads it.
do $$
declare
    app constant text := '${app_role}';
begin
    if app <> '' and app <> current_user then
        execute format('revoke insert, update, delete, truncate on audit_chain_anchor from %I', app);
        execute format('grant select on audit_chain_anchor to %I', app);
    end if;
end $$;
