-- A signed-in user refused another unit's object (answered 404) leaves one audit event with
-- action ACCESS_REFUSED (issue 10). The action list is extended rather than rewritten, so that
-- values other migrations added stay allowed.
do $$
declare
    definition text;
begin
    select pg_get_constraintdef(oid) into strict definition
    from pg_constraint where conname = 'audit_event_action_ck' and conrelid = 'audit_event'::regclass;
    if position('''ACCESS_REFUSED''' in definition) = 0 then
        execute 'alter table audit_event drop constraint audit_event_action_ck';
        execute 'alter table audit_event add constraint audit_event_action_ck '
            || replace(definition, 'ARRAY[', 'ARRAY[''ACCESS_REFUSED''::text, ');
    end if;
end $$;
