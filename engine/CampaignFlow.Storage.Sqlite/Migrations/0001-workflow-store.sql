-- Schema version 1: workflow instances, their journals, the bookmark and due-timer indexes, the signal inbox.
-- What is queried lives in typed, indexed columns; the JSON documents (WorkflowJsonContext) carry the rest.
-- Instants that are compared or ordered are stored as UTC ticks (INTEGER); instants kept for readers are
-- ISO 8601 text with their original offset.

CREATE TABLE workflow_instances (
    id                 TEXT    NOT NULL PRIMARY KEY,
    definition_id      TEXT    NOT NULL,
    definition_version INTEGER NOT NULL,
    correlation_key    TEXT    NOT NULL,
    status             TEXT    NOT NULL,
    version            INTEGER NOT NULL,
    created_at         TEXT    NOT NULL,
    updated_at         TEXT    NOT NULL,
    finished_at        TEXT,
    state              TEXT    NOT NULL
);
-- One instance per (definition, business key): the start idempotency rule, enforced by the database.
CREATE UNIQUE INDEX ux_workflow_instances_start ON workflow_instances (definition_id, correlation_key);
CREATE INDEX ix_workflow_instances_status ON workflow_instances (status);

CREATE TABLE journal_entries (
    instance_id TEXT    NOT NULL,
    sequence    INTEGER NOT NULL,
    at          TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    activity_id TEXT,
    entry       TEXT    NOT NULL,
    PRIMARY KEY (instance_id, sequence)
) WITHOUT ROWID;

-- Bookmark identity is (name, correlation) as two plain columns, compared with SQLite's default BINARY
-- collation, i.e. ordinally, exactly like BookmarkKey.
CREATE TABLE bookmarks (
    name        TEXT NOT NULL,
    correlation TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    PRIMARY KEY (name, correlation, instance_id)
) WITHOUT ROWID;

CREATE TABLE timers (
    instance_id       TEXT    NOT NULL,
    timer_id          TEXT    NOT NULL,
    due_ticks         INTEGER NOT NULL,
    due_at            TEXT    NOT NULL,
    execution_id      INTEGER NOT NULL,
    tag               TEXT,
    claimed_by        TEXT,
    lease_until_ticks INTEGER,
    PRIMARY KEY (instance_id, timer_id)
) WITHOUT ROWID;
-- Due timers are read from the front of this index: one range scan, never a scan of instances.
CREATE INDEX ix_timers_due ON timers (due_ticks, instance_id, timer_id);

CREATE TABLE inbox_items (
    seq                INTEGER PRIMARY KEY,   -- arrival order; rows are never deleted, so never reused
    id                 TEXT    NOT NULL UNIQUE,
    idempotency_key    TEXT    NOT NULL UNIQUE,
    signal_name        TEXT    NOT NULL,
    signal_correlation TEXT    NOT NULL,
    received_at        TEXT    NOT NULL,
    expires_ticks      INTEGER NOT NULL,
    status             TEXT    NOT NULL,
    claimed_by         TEXT,
    lease_until_ticks  INTEGER,
    item               TEXT    NOT NULL
);
-- Partial indexes over pending items only: settled items (the long tail kept for idempotency) cost nothing.
CREATE INDEX ix_inbox_pending ON inbox_items (seq) WHERE status = 'Pending';
CREATE INDEX ix_inbox_pending_expiry ON inbox_items (expires_ticks) WHERE status = 'Pending';
CREATE INDEX ix_inbox_pending_key ON inbox_items (signal_name, signal_correlation, seq) WHERE status = 'Pending';

-- Which instances a still-pending, fanned-out item was delivered to; rows go when the item is settled.
CREATE TABLE inbox_deliveries (
    item_id     TEXT NOT NULL,
    instance_id TEXT NOT NULL,
    PRIMARY KEY (item_id, instance_id)
) WITHOUT ROWID;
