-- Dashboard benchmark data (issue 4, item 5): 100 000 entries and 10 000 offline events in the
-- demonstration campaign (demo-fujian), spread over the real Fujian tree plus 50 counties and
-- 1 000 grassroots units created here; states mixed; quotas and reach figures for some units.
-- Run once against a fresh database of the application (bench/dashboard/run does):
--   psql -v ON_ERROR_STOP=1 -f bench/dashboard/generate.sql
-- Deterministic: the random generator is seeded.
\set ON_ERROR_STOP on
select setseed(0.4242);

create temporary table bench_campaign as
select c.id as campaign_id, (select min(id) from account where role = 'PLATFORM_ADMIN') as account_id
from campaign c where c.code = 'demo-fujian';
do $$ begin
    if (select count(*) from bench_campaign where account_id is not null) <> 1 then
        raise exception 'demo-fujian and a platform admin must exist (start the application with demo data on)';
    end if;
end $$;

-- 5 counties below each of the 10 cities, 20 grassroots units below each county.
insert into organisation (parent_id, name, kind, sort_order)
select city.id, '基准测试' || n || '区总工会', 'COUNTY', 100 + n
from organisation city join organisation fj on fj.id = city.parent_id and fj.code = 'fj',
     generate_series(1, 5) n
where city.kind = 'CITY';
insert into organisation (parent_id, name, kind, sort_order)
select county.id, '基准测试' || n || '号企业工会', 'GRASSROOTS', n
from organisation county, generate_series(1, 20) n
where county.name like '基准测试%区总工会';

create temporary table bench_unit as
select row_number() over (order by o.id) as n, o.id, o.path, o.parent_id, o.kind
from organisation o join organisation fj on o.path like fj.path || '%' and o.id <> fj.id
where fj.code = 'fj';
create temporary table bench_category as
select row_number() over (order by c.id) as n, c.id
from campaign_category c join bench_campaign b on b.campaign_id = c.campaign_id;

-- Entries: most from grassroots units (the units are numbered in id order, the created ones last).
create temporary table bench_entry as
select i,
       (select count(*) from bench_unit) as units,
       random() as r_unit, random() as r_category, random() as r_state, random() as r_days, random() as r_wait,
       random() as r_level
from generate_series(1, 100000) i;

insert into entry (campaign_id, category_id, created_by, submitter_kind, owner_key, single_per_owner, organisation_id,
                   organisation_path, title, state, created_at, updated_at, submitted_at, pending_organisation_id,
                   pending_since)
select b.campaign_id, c.id, b.account_id, 'UNION_ORGANISATION', 'organisation:' || u.id, false, u.id, u.path,
       '基准作品' || e.i, s.state, s.submitted - interval '1 day', s.submitted,
       case when s.state = 'DRAFT' then null else s.submitted end,
       case when s.state = 'SUBMITTED' then (case when e.r_level < 0.6 or u.kind = 'CITY' then u.id else u.parent_id end) end,
       case when s.state = 'SUBMITTED' then s.submitted + (e.r_wait * (now() - s.submitted)) end
from bench_entry e
cross join bench_campaign b
join bench_unit u on u.n = 1 + floor(e.r_unit * e.units)::int
join bench_category c on c.n = 1 + floor(e.r_category * (select count(*) from bench_category))::int
cross join lateral (select case
        when e.r_state < 0.15 then 'DRAFT'
        when e.r_state < 0.50 then 'SUBMITTED'
        when e.r_state < 0.55 then 'RETURNED'
        when e.r_state < 0.85 then 'APPROVED'
        when e.r_state < 0.90 then 'REJECTED'
        else 'WITHDRAWN' end as state,
        now() - e.r_days * interval '30 days' as submitted) s;

insert into offline_event (campaign_id, organisation_id, organisation_path, held_on, place, enterprise, participants,
                           description, reported_by, reported_at, updated_at)
select b.campaign_id, u.id, u.path, current_date - (random() * 60)::int, '基准活动地点' || e.i, '基准企业' || e.i,
       (20 + random() * 200)::int, '基准线下活动' || e.i, b.account_id, now(), now()
from (select i, random() as r_unit from generate_series(1, 10000) i) e
cross join bench_campaign b
join bench_unit u on u.n = 1 + floor(e.r_unit * (select count(*) from bench_unit))::int;

-- Quotas of the cities for two categories (good-netizen ≤ 5, digital-union 1–2), partly used.
insert into recommendation_quota (category_id, organisation_id, allowed, used)
select c.id, u.id, q.allowed, floor(random() * (q.allowed + 1))::int
from bench_unit u
join campaign_category c on c.campaign_id = (select campaign_id from bench_campaign)
join (values ('good-netizen', 5), ('digital-union', 2)) q(code, allowed) on q.code = c.code
where u.kind = 'CITY'
on conflict do nothing;

-- Reach figures of 600 units.
insert into unit_reach (campaign_id, organisation_id, organisation_path, metric, value, updated_by, updated_at)
select b.campaign_id, u.id, u.path, m.metric, (random() * 500)::bigint, b.account_id, now()
from bench_campaign b
cross join (select * from bench_unit order by random() limit 600) u
cross join (values ('ORGANISATIONS_MOBILISED'), ('PROMOTERS'), ('WORKERS_REACHED'), ('WORKERS_COVERED')) m(metric)
on conflict do nothing;

analyze organisation;
analyze entry;
analyze offline_event;
analyze recommendation_quota;
analyze unit_reach;

select (select count(*) from entry) as entries, (select count(*) from offline_event) as events,
       (select count(*) from organisation) as organisations;
