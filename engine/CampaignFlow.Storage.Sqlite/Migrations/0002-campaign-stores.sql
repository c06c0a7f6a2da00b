-- Schema version 2: what units record, violations with their history, published plan versions.
-- Queried facts are typed columns with indexes; payloads, details and plan files are JSON text beside them,
-- kept byte for byte (the stores compare them as text). Days are 'yyyy-MM-dd' text, so text order is day
-- order; instants are ISO 8601 text with the unit's offset (read back, never compared in SQL).

-- A record per (unit, key). The rowid is the store's sequence: assigned in commit order, and never reused
-- because records are never deleted.
CREATE TABLE records (
    sequence    INTEGER PRIMARY KEY,
    unit        TEXT    NOT NULL,
    key         TEXT    NOT NULL,
    type        TEXT    NOT NULL,
    kind        TEXT    NOT NULL,
    day         TEXT    NOT NULL,
    payload     TEXT    NOT NULL,
    recorded_at TEXT    NOT NULL,
    recorded_by TEXT    NOT NULL
);
-- The idempotency rule, enforced by the database.
CREATE UNIQUE INDEX ux_records_key ON records (unit, key);
-- A unit's records in sequence order (rebuilding a session, paging with afterSequence).
CREATE INDEX ix_records_unit ON records (unit, sequence);

CREATE TABLE violations (
    id             TEXT    NOT NULL PRIMARY KEY,
    unit           TEXT    NOT NULL,
    body           TEXT,
    plan_id        TEXT    NOT NULL,
    plan_version   INTEGER NOT NULL,
    requirement_id TEXT    NOT NULL,
    action_id      TEXT    NOT NULL,
    kind           TEXT    NOT NULL,
    severity       TEXT    NOT NULL,
    phase_id       TEXT,
    period         TEXT    NOT NULL,
    period_start   TEXT    NOT NULL,
    period_end     TEXT    NOT NULL,
    target         TEXT,
    code           TEXT    NOT NULL,
    message_zh     TEXT    NOT NULL,
    message_en     TEXT    NOT NULL,
    details        TEXT    NOT NULL,
    status         TEXT    NOT NULL,
    opened_at      TEXT    NOT NULL,
    resolved_at    TEXT,
    changed_at     TEXT    NOT NULL
) WITHOUT ROWID;
-- A unit's violations (an auditor's units, OpenIdsAsync); the status filter; the query order (period end, id).
CREATE INDEX ix_violations_unit ON violations (unit, plan_id, plan_version, status);
CREATE INDEX ix_violations_status ON violations (status, period_end, id);
CREATE INDEX ix_violations_period ON violations (period_end, id);
CREATE INDEX ix_violations_requirement ON violations (requirement_id, period_end);

-- Every step of every violation's life, in the order stored.
CREATE TABLE violation_events (
    sequence     INTEGER PRIMARY KEY,
    violation_id TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    at           TEXT    NOT NULL,
    details      TEXT    NOT NULL
);
CREATE INDEX ix_violation_events_violation ON violation_events (violation_id, sequence);

-- Published plan versions, immutable: files is a JSON array of {"path", "text"} in the published order.
CREATE TABLE plan_versions (
    plan_id      TEXT    NOT NULL,
    version      INTEGER NOT NULL,
    unit         TEXT    NOT NULL,
    hash         TEXT    NOT NULL,
    files        TEXT    NOT NULL,
    published_at TEXT    NOT NULL,
    PRIMARY KEY (plan_id, version)
) WITHOUT ROWID;
