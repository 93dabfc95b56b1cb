-- Issue 14: a module does not read another module's tables in SQL. Where another module needs rows of a
-- table in a query (a count, a join for a name), the owning module publishes a read-only view here, named
-- for its purpose and holding only the columns the readers need; the readers name the view, never the
-- table. The views are plain projections (no aggregate, no DISTINCT), so PostgreSQL inlines them into the
-- reader's statement: the plans, and the figures, stay those of the tables themselves.
-- ModuleTablesTest holds the map table -> owning module and fails on a module's SQL that names another
-- module's table. Each block names its owner; docs/architecture.md lists the views under each module.

-- organisation: the tree's units, for every module that shows a unit's name or scopes by its path.
create view organisation_unit as
select id, parent_id, path, code, name, short_name, kind, sort_order, demo
from organisation;

-- account: who took a step, by name (history rows, judgements, event reports, declarations).
create view account_name as
select id, display_name
from account;

-- campaign: a campaign's code and title, its categories' names, its declarations' titles, its allocation
-- of offline events and the award levels of its review rounds.
create view campaign_title as
select id, code, title
from campaign;

create view campaign_category_name as
select id, campaign_id, name, short_name, sort_order
from campaign_category;

create view campaign_declaration_title as
select id, campaign_id, code, text_version, title
from campaign_declaration;

create view campaign_event_allocation as
select campaign_id, organisation_id, events, sort_order
from event_allocation;

create view campaign_award_level as
select round_id, code, name, sort_order
from review_award_level;

-- submission: what the dashboards and the year-end summary count of an entry (no texts, no personal data),
-- and the decisions the levels of the chain took (a history row with a level).
create view submission_entry_figures as
select id, campaign_id, category_id, organisation_id, organisation_path, state, submitted_at,
       pending_organisation_id, pending_since
from entry;

create view submission_level_decision as
select t.entry_id, e.campaign_id, e.organisation_path, t.level_organisation_id, t.step
from entry_transition t
     join entry e on e.id = t.entry_id
where t.level_organisation_id is not null;

-- approval: the recommendation places of each category and level, taken and allowed.
create view approval_quota_use as
select category_id, organisation_id, used, allowed
from recommendation_quota;

-- activity: the offline events and the reach figures the units reported, for the dashboards' roll-ups.
create view activity_event_figures as
select campaign_id, organisation_id, organisation_path, participants
from offline_event;

create view activity_reach_figures as
select campaign_id, organisation_id, organisation_path, metric, value
from unit_reach;

-- review: the awards of locked rounds (what the publicity and the showcase show), with the level's name
-- and order.
create view review_locked_award as
select a.entry_id, a.round_id, a.level_code, l.name as level_name, l.sort_order as level_sort_order
from review_award a
     join review_round_lock k on k.round_id = a.round_id
     join review_award_level l on l.round_id = a.round_id and l.code = a.level_code;

-- voting: the campaigns that hold a public vote, and the votes that count (not voided), by work.
create view voting_campaign as
select campaign_id, category_id
from vote_setting;

create view voting_counted_vote as
select entry_id, weight
from vote
where voided_at is null;

-- Read-only for the platform: the default privileges of V100 gave the application role insert, update and
-- delete on these views too (simple views are updatable); it keeps select only.
do $$
declare
    app constant text := '${app_role}';
    published text;
begin
    if app = '' or app = current_user then
        return;
    end if;
    foreach published in array array['organisation_unit', 'account_name', 'campaign_title',
            'campaign_category_name', 'campaign_declaration_title', 'campaign_event_allocation',
            'campaign_award_level', 'submission_entry_figures', 'submission_level_decision',
            'approval_quota_use', 'activity_event_figures', 'activity_reach_figures', 'review_locked_award',
            'voting_campaign', 'voting_counted_vote'] loop
        execute format('revoke insert, update, delete, truncate, references, trigger on %I from %I',
                       published, app);
        execute format('grant select on %I to %I', published, app);
    end loop;
end $$;
