-- Issue 11 item 5, 三员分立: the system administrator (PLATFORM_ADMIN), the security administrator
-- and the audit administrator are separate roles. An account has exactly one role (one column), so
-- no account holds two of them; the mobile number's blind index is unique over all accounts, so no
-- one person reaches two of them through the same number either.
alter table account drop constraint account_role_ck;
alter table account add constraint account_role_ck check (role in (
    'PLATFORM_ADMIN', 'ORG_ADMIN', 'PARTICIPANT', 'EXPERT', 'SECURITY_ADMIN', 'AUDIT_ADMIN'));

-- The three platform-wide roles are staff accounts with a user name, never participants.
alter table account add constraint account_separated_admin_staff_ck check (
    role not in ('PLATFORM_ADMIN', 'SECURITY_ADMIN', 'AUDIT_ADMIN') or (username is not null and not demo));

-- Existing installations: the single all-powerful platform admin keeps the system administrator's
-- role; the security and audit administrators are created beside it (same organisation) with no
-- usable password, must change it, and get a one-time password printed at the next start
-- (PlatformAdminBootstrap). A fresh installation has no platform admin yet: the bootstrap creates all three.
insert into account (username, display_name, password_hash, role, organisation_id, must_change_password)
select v.username, v.display_name, '{noop}' || gen_random_uuid() || '-unusable', v.role, a.organisation_id, true
from (select organisation_id from account where role = 'PLATFORM_ADMIN' order by id limit 1) a
cross join (values ('secadmin', '安全管理员', 'SECURITY_ADMIN'),
                   ('auditadmin', '审计管理员', 'AUDIT_ADMIN')) as v (username, display_name, role)
where not exists (select 1 from account b where b.username = v.username);
