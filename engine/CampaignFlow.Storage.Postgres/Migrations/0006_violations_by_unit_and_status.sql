-- Version 6: a unit's (or a body's units') violations of one status in the query order: a unit's open page is one
-- range of this index, already in order, and a body's total and page can be read from it alone (unit, status,
-- period end and id are all in it). unit = ANY($1) takes the whole list as one array parameter.
CREATE INDEX campaign_violation_by_unit_status ON campaign_violation (unit, status, period_end, id);
