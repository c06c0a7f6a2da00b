-- Schema version 5: a body's requirements over the units below it read the records of a few kinds across every
-- unit (all of them when its session is rebuilt, those after the last it saw when it catches up).
CREATE INDEX ix_records_kind ON records (kind, sequence);
