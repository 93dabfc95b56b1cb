-- Issue 11 item 6: wrong passwords counted per client address as well as per account, in the database so that every
-- app node counts the same. One row per address and minute keeps the table small however many guesses arrive;
-- rows older than a day are removed as new failures are counted.
create table sign_in_address_failure (
    address varchar(64) not null,
    minute timestamptz not null,
    failures int not null,
    constraint sign_in_address_failure_pk primary key (address, minute),
    constraint sign_in_address_failure_failures_ck check (failures > 0),
    constraint sign_in_address_failure_minute_ck check (minute = date_trunc('minute', minute))
);

create index sign_in_address_failure_minute_ix on sign_in_address_failure (minute);
