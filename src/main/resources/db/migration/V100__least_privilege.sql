-- Least privilege (issue 11 item 1). The owner (the role Flyway migrates as) owns every object; the
-- application role named by the placeholder app_role (the platform's DataSource user) may read and
-- write rows and nothing else: no CREATE on the schema, no TRUNCATE, no DDL, no superuser.
-- ALTER DEFAULT PRIVILEGES makes every table and sequence that LATER migrations create (as the owner)
-- usable by the application role without a grant of their own.
-- A deployment that runs the platform as the owner itself (app_role empty or equal to the owner) gets
-- no grants: there is nothing to separate.
do $$
declare
    app constant text := '${app_role}';
begin
    -- PostgreSQL 15+ already creates public without CREATE for PUBLIC; older servers do not.
    execute 'revoke create on schema public from public';
    if app = '' or app = current_user then
        raise notice 'app_role is empty or the owner itself (%): no separate application role to grant', current_user;
        return;
    end if;
    if not exists (select 1 from pg_roles where rolname = app) then
        raise exception 'app_role % does not exist', app;
    end if;
    if exists (select 1 from pg_roles where rolname = app and (rolsuper or rolcreaterole or rolcreatedb)) then
        raise exception 'the application role % must not be superuser or create roles or databases', app;
    end if;
    execute format('grant usage on schema public to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select, update on all sequences in schema public to %I', app);
    execute format('alter default privileges for role %I in schema public '
                   || 'grant select, insert, update, delete on tables to %I', current_user, app);
    execute format('alter default privileges for role %I in schema public '
                   || 'grant usage, select, update on sequences to %I', current_user, app);
    -- Flyway's own history is the owner's business.
    execute format('revoke insert, update, delete on flyway_schema_history from %I', app);
end $$;
