-- Issue 11 item 3: HTTP sessions in PostgreSQL (Spring Session JDBC), so that a restart signs nobody out and every
-- app node sees every session. The layout is Spring Session's own schema-postgresql.sql (its repository's SQL names
-- these tables and columns); here it gets named constraints and is owned by Flyway, not by Spring Session's
-- initializer (spring.session.jdbc.initialize-schema=never).
-- principal_name holds the account id (infrastructure.security.SessionConfiguration), so that ending every session
-- of one account is one indexed lookup, and two participants with the same masked number are never confused.
create table spring_session (
    primary_id char(36) not null,
    session_id char(36) not null,
    creation_time bigint not null,
    last_access_time bigint not null,
    max_inactive_interval int not null,
    expiry_time bigint not null,
    principal_name varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36) not null,
    attribute_name varchar(200) not null,
    attribute_bytes bytea not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
