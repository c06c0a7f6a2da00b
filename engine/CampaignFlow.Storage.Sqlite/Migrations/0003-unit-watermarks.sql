-- Schema version 3: how far each unit's derived state (violations, workflow signals) has caught up with its records
-- and with time (docs/adr/0007). recorded_through moves in the transaction that stores the unit's records;
-- judged_through and due_at after the violations are persisted and the signals sent. due_at is UTC ticks
-- (compared in SQL, as the workflow store's instants).
CREATE TABLE unit_watermarks (
    unit             TEXT    NOT NULL PRIMARY KEY,
    recorded_through INTEGER NOT NULL DEFAULT 0,
    judged_through   INTEGER NOT NULL DEFAULT 0,
    due_at           INTEGER
) WITHOUT ROWID;
-- The units behind, found without reading the others: only rows behind are in these indexes.
CREATE INDEX ix_unit_watermarks_behind ON unit_watermarks (unit) WHERE recorded_through > judged_through;
CREATE INDEX ix_unit_watermarks_due ON unit_watermarks (due_at, unit) WHERE due_at IS NOT NULL;

-- A file written before this version: every unit with records is judged once more (nothing said they were).
INSERT INTO unit_watermarks (unit, recorded_through, judged_through)
SELECT unit, max(sequence), 0 FROM records GROUP BY unit;
