-- Issue 11 item 9: a stored file whose bytes no longer match their SHA-256, as an audited action.
do $$
declare
    definition text;
begin
    select pg_get_constraintdef(oid) into strict definition
    from pg_constraint where conname = 'audit_event_action_ck' and conrelid = 'audit_event'::regclass;
    if position('''FILE_CORRUPTED''' in definition) = 0 then
        execute 'alter table audit_event drop constraint audit_event_action_ck';
        execute 'alter table audit_event add constraint audit_event_action_ck '
            || replace(definition, 'ARRAY[', 'ARRAY[''FILE_CORRUPTED''::text, ');
    end if;
end $$;
