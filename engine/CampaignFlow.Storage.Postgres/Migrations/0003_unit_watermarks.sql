-- Version 3: how far each unit's derived state (violations, workflow signals) has caught up with its records and
-- with time (docs/adr/0007). recorded_through moves in the transaction that stores the unit's records (under the
-- unit's advisory lock); judged_through and due_at after the violations are persisted and the signals sent.

CREATE TABLE campaign_unit_watermark (
    unit             text COLLATE "C" PRIMARY KEY,
    recorded_through bigint NOT NULL DEFAULT 0,
    judged_through   bigint NOT NULL DEFAULT 0,
    due_at           timestamptz
);
-- The units behind, found without reading the others: only rows behind are in these indexes.
CREATE INDEX campaign_unit_watermark_behind ON campaign_unit_watermark (unit) WHERE recorded_through > judged_through;
CREATE INDEX campaign_unit_watermark_due ON campaign_unit_watermark (due_at, unit) WHERE due_at IS NOT NULL;

-- A database written before this version: every unit with records is judged once more (nothing said they were).
INSERT INTO campaign_unit_watermark (unit, recorded_through, judged_through)
SELECT unit, max(sequence), 0 FROM campaign_record GROUP BY unit;
