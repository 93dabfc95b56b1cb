-- R-SUB-1 The entry says where it stands: besides the level where a SUBMITTED entry waits, the level
-- that took the last decision on this submission (the level reached: approved and passed on,
-- approved at the top, returned, rejected) and the level that recommended it. The submission
-- module's EntryLifecycle is their only writer.
alter table entry add column decided_by_organisation_id bigint
    constraint entry_decided_by_fk references organisation (id);
alter table entry add column recommended_by_organisation_id bigint
    constraint entry_recommended_by_fk references organisation (id);

-- Every history row names the step taken (the owner's steps too), so the history reads
-- "提交", "撤回修改", "推荐（福州市总工会）" instead of "已提交 → 已提交".
alter table entry_transition add column step text;
update entry_transition set step = coalesce(decision, case
    when from_state is null then 'CREATED'
    when to_state = 'SUBMITTED' then 'SUBMITTED'
    when to_state = 'WITHDRAWN' then 'WITHDRAWN'
    else 'EDITED' end);
alter table entry_transition alter column step set not null;
alter table entry_transition add constraint entry_transition_step_ck check (step in (
    'CREATED', 'SUBMITTED', 'RECALLED', 'WITHDRAWN', 'EDITED', 'APPROVED', 'RECOMMENDED', 'RETURNED', 'REJECTED'));
alter table entry_transition drop constraint entry_transition_decision_level_ck;
alter table entry_transition drop column decision;
alter table entry_transition add constraint entry_transition_level_ck check (
    (level_organisation_id is not null) = (step in ('APPROVED', 'RECOMMENDED', 'RETURNED', 'REJECTED')));

-- The level reached and the recommendation of the current submission, from the history: the last
-- level decision, and the last recommendation, after the owner's last submission.
with last_submission as (
    select entry_id, max(id) as id from entry_transition where step = 'SUBMITTED' group by entry_id
), decided as (
    select distinct on (t.entry_id) t.entry_id, t.level_organisation_id
    from entry_transition t join last_submission s on s.entry_id = t.entry_id and t.id > s.id
    where t.level_organisation_id is not null
    order by t.entry_id, t.id desc
), recommended as (
    select distinct on (t.entry_id) t.entry_id, t.level_organisation_id
    from entry_transition t join last_submission s on s.entry_id = t.entry_id and t.id > s.id
    where t.step = 'RECOMMENDED'
    order by t.entry_id, t.id desc
)
update entry e set decided_by_organisation_id = d.level_organisation_id,
    recommended_by_organisation_id = case when e.state in ('SUBMITTED', 'APPROVED') then r.level_organisation_id end
from decided d left join recommended r on r.entry_id = d.entry_id
where d.entry_id = e.id and e.state in ('SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED');

alter table entry add constraint entry_recommended_ck
    check (recommended_by_organisation_id is null or state in ('SUBMITTED', 'APPROVED'));
alter table entry add constraint entry_decided_ck
    check (decided_by_organisation_id is null or state in ('SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN'));

-- What other modules may read of entries in SQL (the approval chain's worklists): one row per
-- entry with the names it is listed by and the nominee's masked and encrypted personal data.
-- Every other table of this module stays its own.
create view entry_listing as
select e.id, e.campaign_id, e.category_id, e.title, e.state, e.organisation_id, e.organisation_path, e.created_by,
       e.submitted_at, e.pending_organisation_id, e.pending_since, e.updated_at, e.version,
       c.title as campaign_title, k.name as category_name, o.name as organisation_name,
       a.display_name as submitter_name, w.name as waiting_at_name, r.name as recommended_by_name,
       d.name as decided_by_name, n.name as nominee_name, n.mobile_cipher, n.mobile_masked, n.id_number_cipher,
       n.id_number_masked
from entry e
     join campaign c on c.id = e.campaign_id
     join campaign_category k on k.id = e.category_id
     join organisation o on o.id = e.organisation_id
     join account a on a.id = e.created_by
     left join organisation w on w.id = e.pending_organisation_id
     left join organisation r on r.id = e.recommended_by_organisation_id
     left join organisation d on d.id = e.decided_by_organisation_id
     left join entry_nomination n on n.entry_id = e.id;
