-- V126's review_refuse_when_locked() failed on every write to review_score ("record old has no
-- field round_id"): PL/pgSQL plans a whole IF condition before evaluating it, so the test of
-- old.round_id could not be reached "only for the other tables" inside one condition. Each
-- table's fields are now read only in a branch that runs for that table; the rule is unchanged.
create or replace function review_refuse_when_locked() returns trigger language plpgsql as $$
declare
    round bigint;
begin
    if tg_table_name = 'review_score' then
        if tg_op = 'DELETE' then
            select s.round_id into round from review_sheet s where s.id = old.sheet_id;
        else
            select s.round_id into round from review_sheet s where s.id = new.sheet_id;
        end if;
    elsif tg_op = 'DELETE' then
        round := old.round_id;
    elsif tg_op = 'INSERT' then
        round := new.round_id;
    else
        round := new.round_id;
        -- A row moved out of a locked round is a change of that round.
        if old.round_id <> new.round_id then
            if exists (select 1 from review_round_lock where round_id = old.round_id) then
                round := old.round_id;
            end if;
        end if;
    end if;
    if round is not null and exists (select 1 from review_round_lock where round_id = round) then
        raise exception 'review round % is locked', round
            using errcode = 'integrity_constraint_violation', constraint = 'review_round_locked_ck';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end $$;
