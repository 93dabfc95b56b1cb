-- Issue 14: the province may take a work back out of its national recommendation before the package is sent
-- (撤回全国推荐): the selection row goes (handoff), and the entry's history gets the step
-- NATIONAL_RECOMMENDATION_WITHDRAWN with the reason (submission, EntryLifecycle); the state stays.
-- NATIONAL_IMPORTED is the step of issue 14 item 3 (V143, the national side's import), kept in the list so that
-- this migration, running after V143, does not take it away again.
alter table entry_transition drop constraint entry_transition_step_ck;
alter table entry_transition add constraint entry_transition_step_ck check (step in (
    'CREATED', 'SUBMITTED', 'RECALLED', 'WITHDRAWN', 'EDITED', 'APPROVED', 'RECOMMENDED', 'RETURNED', 'REJECTED',
    'ADVANCED', 'NOT_ADVANCED', 'AWARDED', 'NOT_AWARDED', 'PUBLICITY_STARTED', 'AWARD_CHANGED', 'AWARD_WITHDRAWN',
    'AWARD_FINALISED', 'NATIONAL_RECOMMENDED', 'NATIONAL_IMPORTED', 'NATIONAL_RECOMMENDATION_WITHDRAWN'));
