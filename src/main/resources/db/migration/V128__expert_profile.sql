-- Issue 12 item 1: what an admin records about a review expert at the invitation. The expert's unit for
-- conflicts of interest is the account's organisation (a node of the tree); the work unit is the free
-- text the expert gives (a university, a company), and the expertise is shown to the admins who build
-- the pools. The mobile number is the account's own (encrypted, blind-indexed, masked).
create table expert_profile (
    account_id bigint      constraint expert_profile_pk primary key
                           constraint expert_profile_account_fk references account (id) on delete cascade,
    work_unit  text        constraint expert_profile_work_unit_ck
                           check (work_unit is null or length(work_unit) between 1 and 100),
    expertise  text        constraint expert_profile_expertise_ck
                           check (expertise is null or length(expertise) between 1 and 500),
    updated_at timestamptz not null
);
