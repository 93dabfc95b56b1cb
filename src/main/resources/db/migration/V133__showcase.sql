-- Issue 13 item 2: the public showcase (作品展示). Titles are searched in Chinese by trigram similarity
-- (pg_trgm is a trusted extension: the schema owner may create it); the GIN index serves ILIKE '%…%' of
-- any length and similarity() of three characters and more.
create extension if not exists pg_trgm;
create index entry_title_trgm_ix on entry using gin (title gin_trgm_ops);

-- Whether the work pages show the final score of the last locked round (default: scores stay private).
alter table campaign add column publish_scores boolean not null default false;

-- V132 added the states IN_PUBLICITY and AWARD_FINAL but not to the checks that let a reviewed entry keep
-- the levels that approved and recommended it: an awarded entry could not go on to its publicity period.
alter table entry drop constraint entry_recommended_ck;
alter table entry add constraint entry_recommended_ck
    check (recommended_by_organisation_id is null
           or state in ('SUBMITTED', 'APPROVED', 'AWARDED', 'NOT_AWARDED', 'IN_PUBLICITY', 'AWARD_FINAL'));
alter table entry drop constraint entry_decided_ck;
alter table entry add constraint entry_decided_ck
    check (decided_by_organisation_id is null
           or state in ('SUBMITTED', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'AWARDED', 'NOT_AWARDED',
                        'IN_PUBLICITY', 'AWARD_FINAL'));
