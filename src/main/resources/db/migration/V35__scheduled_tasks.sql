-- Background jobs (db-scheduler): one row per task instance, picked with row locks, so any number
-- of app nodes can share the table and each job runs once.
create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    constraint scheduled_tasks_pk primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_ix on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_ix on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_ix on scheduled_tasks (priority desc, execution_time asc);
