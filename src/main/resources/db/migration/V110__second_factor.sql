-- Issue 11 item 4: a TOTP second factor for everyone but participants.
-- The secret is stored SM4-encrypted like other secrets of a person; last_used_step is the
-- 30-second time step of the last accepted code, so that a code is accepted once (no replay).
-- Guesses are counted here, under the row lock of the verification, so that the limit holds
-- across application nodes.
create table second_factor (
    account_id      bigint      not null constraint second_factor_pk primary key
                                constraint second_factor_account_fk references account (id) on delete cascade,
    secret_cipher   bytea       not null,
    confirmed_at    timestamptz,
    last_used_step  bigint,
    failed_attempts integer     not null default 0 constraint second_factor_failed_attempts_ck check (failed_attempts >= 0),
    failures_since  timestamptz,
    created_at      timestamptz not null default now(),
    constraint second_factor_step_needs_confirmation_ck check (last_used_step is null or confirmed_at is not null)
);

-- Recovery codes: shown once at enrolment, kept only as a keyed hash, each usable once.
create table recovery_code (
    id         bigint      generated always as identity constraint recovery_code_pk primary key,
    account_id bigint      not null constraint recovery_code_account_fk references account (id) on delete cascade,
    code_hmac  bytea       not null,
    used_at    timestamptz,
    created_at timestamptz not null default now(),
    constraint recovery_code_uq unique (account_id, code_hmac)
);
