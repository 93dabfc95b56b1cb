-- R-X-3 (issue 11) Denied requests are counted per actor, kind and minute, so that a script hammering URLs it may
-- not reach leaves at most two audit events a minute (the first denial at once, the rest as one count when the
-- minute is over) instead of one per request. A bucket is a counter waiting to be written to the audit log; the job
-- that writes it removes it in the same transaction.
create table audit_denial_bucket (
    minute            timestamptz not null,
    actor_key         text        not null,
    action            text        not null constraint audit_denial_bucket_action_ck
                                      check (action in ('ACCESS_REFUSED', 'ACCESS_DENIED', 'CSRF_REJECTED')),
    actor_id          bigint,
    actor_name        text,
    remote_address    text,
    organisation_path text,
    last_method       text        not null,
    last_url          text        not null,
    denied            integer     not null default 1 constraint audit_denial_bucket_denied_ck check (denied > 0),
    constraint audit_denial_bucket_pk primary key (minute, actor_key, action)
);
