-- The audit log is append-only for the platform (issue 11 item 2, R-X-3): its role may insert and read
-- audit rows, never change or remove them. The one way rows leave is the retention purge below, which
-- runs with the owner's rights and removes only rows older than the retention, and the retention is
-- never shorter than 6 months (等保 level 3 keeps audit records at least 6 months).
do $$
declare
    app constant text := '${app_role}';
begin
    if app <> '' and app <> current_user then
        execute format('revoke update, delete, truncate, references, trigger on audit_event from %I', app);
        execute format('grant select, insert on audit_event to %I', app);
    end if;
end $$;

-- Deletes the audit rows that occurred before (as_of - retention) and answers how many. as_of is the
-- caller's clock (tests move it) but never later than the database's now(), so no clock can cut the
-- 6 months short.
create function audit_purge_older_than(retention interval, as_of timestamptz default now())
    returns bigint
    language plpgsql
    security definer
    set search_path = pg_catalog, pg_temp
as $$
declare
    removed bigint;
begin
    if retention is null or retention < interval '6 months' then
        raise exception 'audit retention must be at least 6 months, not %', retention
            using errcode = '22023';
    end if;
    delete from public.audit_event where occurred_at < least(coalesce(as_of, now()), now()) - retention;
    get diagnostics removed = row_count;
    return removed;
end $$;

revoke all on function audit_purge_older_than(interval, timestamptz) from public;

do $$
declare
    app constant text := '${app_role}';
begin
    if app <> '' and app <> current_user then
        execute format('grant execute on function audit_purge_older_than(interval, timestamptz) to %I', app);
    end if;
end $$;
