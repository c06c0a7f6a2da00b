-- Schema version 3: tallies of open violations, kept by triggers in the transaction that changes a violation, so a
-- roll-up over a body's units reads one row per unit and requirement instead of every violation (issue 12, item 4).
-- Days are the units' own (the first 10 characters of an instant written with the unit's offset).

-- A unit's open violations of one requirement of one plan version: how many, the earliest last day of their periods
-- and the earliest day one of them opened. A tally with no open violation is deleted, not kept at 0.
CREATE TABLE violation_tallies (
    unit            TEXT    NOT NULL,
    plan_id         TEXT    NOT NULL,
    plan_version    INTEGER NOT NULL,
    requirement_id  TEXT    NOT NULL,
    open            INTEGER NOT NULL,
    earliest_due    TEXT    NOT NULL,
    earliest_opened TEXT    NOT NULL,
    PRIMARY KEY (unit, plan_id, plan_version, requirement_id)
) WITHOUT ROWID;

-- How a unit's open count changed on a day: +1 per violation opened or re-opened, -1 per violation resolved.
CREATE TABLE violation_open_days (
    unit   TEXT    NOT NULL,
    day    TEXT    NOT NULL,
    change INTEGER NOT NULL,
    PRIMARY KEY (unit, day)
) WITHOUT ROWID;

-- A violation stored open, or re-opened: one more in its tally.
CREATE TRIGGER violations_tally_opened AFTER INSERT ON violations WHEN new.status = 'Open'
BEGIN
    INSERT INTO violation_tallies (unit, plan_id, plan_version, requirement_id, open, earliest_due, earliest_opened)
    VALUES (new.unit, new.plan_id, new.plan_version, new.requirement_id, 1, new.period_end, substr(new.opened_at, 1, 10))
    ON CONFLICT (unit, plan_id, plan_version, requirement_id) DO UPDATE SET
        open = open + 1, earliest_due = min(earliest_due, excluded.earliest_due), earliest_opened = min(earliest_opened, excluded.earliest_opened);
    INSERT INTO violation_open_days (unit, day, change) VALUES (new.unit, substr(new.opened_at, 1, 10), 1)
    ON CONFLICT (unit, day) DO UPDATE SET change = change + 1;
END;

CREATE TRIGGER violations_tally_reopened AFTER UPDATE OF status ON violations WHEN old.status <> 'Open' AND new.status = 'Open'
BEGIN
    INSERT INTO violation_tallies (unit, plan_id, plan_version, requirement_id, open, earliest_due, earliest_opened)
    VALUES (new.unit, new.plan_id, new.plan_version, new.requirement_id, 1, new.period_end, substr(new.opened_at, 1, 10))
    ON CONFLICT (unit, plan_id, plan_version, requirement_id) DO UPDATE SET
        open = open + 1, earliest_due = min(earliest_due, excluded.earliest_due), earliest_opened = min(earliest_opened, excluded.earliest_opened);
    INSERT INTO violation_open_days (unit, day, change) VALUES (new.unit, substr(new.opened_at, 1, 10), 1)
    ON CONFLICT (unit, day) DO UPDATE SET change = change + 1;
END;

-- A violation resolved: its tally is counted again from the unit's open rows of that plan version (the unit index
-- leads, so this reads only those rows), because the earliest days may have been the resolved violation's.
CREATE TRIGGER violations_tally_resolved AFTER UPDATE OF status ON violations WHEN old.status = 'Open' AND new.status <> 'Open'
BEGIN
    DELETE FROM violation_tallies
    WHERE unit = old.unit AND plan_id = old.plan_id AND plan_version = old.plan_version AND requirement_id = old.requirement_id;
    INSERT INTO violation_tallies (unit, plan_id, plan_version, requirement_id, open, earliest_due, earliest_opened)
    SELECT unit, plan_id, plan_version, requirement_id, count(*), min(period_end), min(substr(opened_at, 1, 10))
    FROM violations
    WHERE unit = old.unit AND plan_id = old.plan_id AND plan_version = old.plan_version AND status = 'Open' AND requirement_id = old.requirement_id
    GROUP BY unit, plan_id, plan_version, requirement_id;
    INSERT INTO violation_open_days (unit, day, change) VALUES (new.unit, substr(coalesce(new.resolved_at, new.changed_at), 1, 10), -1)
    ON CONFLICT (unit, day) DO UPDATE SET change = change - 1;
END;

-- A file written before this version: the tallies from its open violations, the days from their history.
INSERT INTO violation_tallies (unit, plan_id, plan_version, requirement_id, open, earliest_due, earliest_opened)
SELECT unit, plan_id, plan_version, requirement_id, count(*), min(period_end), min(substr(opened_at, 1, 10))
FROM violations WHERE status = 'Open'
GROUP BY unit, plan_id, plan_version, requirement_id;

INSERT INTO violation_open_days (unit, day, change)
SELECT v.unit, substr(e.at, 1, 10), sum(CASE e.kind WHEN 'Opened' THEN 1 WHEN 'Reopened' THEN 1 WHEN 'Resolved' THEN -1 ELSE 0 END)
FROM violation_events e JOIN violations v ON v.id = e.violation_id
GROUP BY v.unit, substr(e.at, 1, 10);
