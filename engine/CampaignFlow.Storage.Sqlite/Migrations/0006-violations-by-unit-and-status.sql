-- Schema version 6: the indexes that let a query by units pick its way (SqliteViolationStore explains the choice).
-- A unit's (or a body's units') violations of one status in the query order: a unit's open page is one range of
-- this index, already in order, and a body's total and page read only it (it covers unit, status, period end, id).
CREATE INDEX ix_violations_unit_status ON violations (unit, status, period_end, id);
-- The order indexes carry the unit, so a body that holds most violations walks them in order and tests each
-- entry's unit without reading its row.
DROP INDEX ix_violations_status;
CREATE INDEX ix_violations_status ON violations (status, period_end, id, unit);
DROP INDEX ix_violations_period;
CREATE INDEX ix_violations_period ON violations (period_end, id, unit);
