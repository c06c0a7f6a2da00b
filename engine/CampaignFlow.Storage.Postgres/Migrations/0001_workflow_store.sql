-- Version 1: the workflow store. Typed, indexed columns for everything that is queried; the instance
-- document (executions, locals, incidents) rides along as jsonb. Text keys use COLLATE "C" so equality
-- and ordering are ordinal, as in the in-memory store.

CREATE TABLE workflow_instance (
    instance_id        text COLLATE "C" PRIMARY KEY,
    definition_id      text COLLATE "C" NOT NULL,
    definition_version integer NOT NULL,
    correlation_key    text COLLATE "C" NOT NULL,
    status             text NOT NULL,
    version            bigint NOT NULL,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    finished_at        timestamptz,
    state              jsonb NOT NULL,
    CONSTRAINT workflow_instance_start_key UNIQUE (definition_id, correlation_key)
);
CREATE INDEX workflow_instance_by_status ON workflow_instance (status, instance_id);
CREATE INDEX workflow_instance_by_definition ON workflow_instance (definition_id, definition_version);

CREATE TABLE workflow_journal (
    instance_id        text COLLATE "C" NOT NULL,
    sequence           bigint NOT NULL,
    at                 timestamptz NOT NULL,
    at_offset_minutes  smallint NOT NULL,
    kind               text NOT NULL,
    activity_id        text,
    execution_id       integer NOT NULL,
    name               text,
    correlation        text,
    sender             text,
    due_at             timestamptz,
    due_offset_minutes smallint,
    detail             text,
    PRIMARY KEY (instance_id, sequence)
);

CREATE TABLE workflow_bookmark (
    name        text COLLATE "C" NOT NULL,
    correlation text COLLATE "C" NOT NULL,
    instance_id text COLLATE "C" NOT NULL,
    PRIMARY KEY (name, correlation, instance_id)
);
CREATE INDEX workflow_bookmark_by_instance ON workflow_bookmark (instance_id);

CREATE TABLE workflow_timer (
    instance_id        text COLLATE "C" NOT NULL,
    timer_id           text COLLATE "C" NOT NULL,
    execution_id       integer NOT NULL,
    due_at             timestamptz NOT NULL,
    due_offset_minutes smallint NOT NULL,
    tag                text,
    claimed_by         text,
    claim_until        timestamptz,
    PRIMARY KEY (instance_id, timer_id)
);
CREATE INDEX workflow_timer_by_due ON workflow_timer (due_at, instance_id, timer_id);

CREATE TABLE workflow_inbox (
    seq             bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id              text COLLATE "C" PRIMARY KEY,
    idempotency_key text COLLATE "C" NOT NULL,
    name            text COLLATE "C" NOT NULL,
    correlation     text COLLATE "C" NOT NULL,
    received_at     timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    status          text NOT NULL,
    claimed_by      text,
    claim_until     timestamptz,
    item            jsonb NOT NULL
);
CREATE UNIQUE INDEX workflow_inbox_idempotency_key ON workflow_inbox (idempotency_key);
CREATE INDEX workflow_inbox_pending ON workflow_inbox (seq) WHERE status = 'Pending';
CREATE INDEX workflow_inbox_pending_by_key ON workflow_inbox (name, correlation, seq) WHERE status = 'Pending';
CREATE INDEX workflow_inbox_pending_by_expiry ON workflow_inbox (expires_at) WHERE status = 'Pending';

-- Which instances a still-pending, fanned-out signal has reached; rows go when the item settles.
CREATE TABLE workflow_inbox_delivery (
    item_id     text COLLATE "C" NOT NULL,
    instance_id text COLLATE "C" NOT NULL,
    PRIMARY KEY (item_id, instance_id)
);
