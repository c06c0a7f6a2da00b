-- Schema version 7: plan versions on their way to publication (docs/adr/0014). New tables only: a file of version 6
-- keeps every row it had, and its published versions (plan_versions) have no draft, so their history is the folder's.
CREATE TABLE plan_drafts (
    plan_id TEXT    NOT NULL,
    version INTEGER NOT NULL,
    unit    TEXT    NOT NULL,
    hash    TEXT    NOT NULL,
    files   TEXT    NOT NULL,
    PRIMARY KEY (plan_id, version)
) WITHOUT ROWID;

-- Each step of a draft's history, appended only; step counts from 0.
CREATE TABLE plan_draft_steps (
    plan_id TEXT    NOT NULL,
    version INTEGER NOT NULL,
    step    INTEGER NOT NULL,
    action  TEXT    NOT NULL,
    by_name TEXT    NOT NULL,
    at      TEXT    NOT NULL,
    comment TEXT,
    PRIMARY KEY (plan_id, version, step)
) WITHOUT ROWID;
