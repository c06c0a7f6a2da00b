-- Version 3: tallies of open violations, kept by a trigger in the transaction that changes a violation, so a roll-up
-- over a body's units reads one row per unit and requirement instead of every violation (issue 12, item 4). Days are
-- the units' own: the instant moved by the unit's clock offset stored beside it.

-- A unit's open violations of one requirement of one plan version: how many, the earliest last day of their periods
-- and the earliest day one of them opened. A tally with no open violation is deleted, not kept at 0.
CREATE TABLE campaign_violation_tally (
    unit            text COLLATE "C" NOT NULL,
    plan_id         text COLLATE "C" NOT NULL,
    plan_version    integer NOT NULL,
    requirement_id  text COLLATE "C" NOT NULL,
    open            integer NOT NULL,
    earliest_due    date NOT NULL,
    earliest_opened date NOT NULL,
    PRIMARY KEY (unit, plan_id, plan_version, requirement_id)
);

-- How a unit's open count changed on a day: +1 per violation opened or re-opened, -1 per violation resolved.
CREATE TABLE campaign_violation_open_day (
    unit   text COLLATE "C" NOT NULL,
    day    date NOT NULL,
    change integer NOT NULL,
    PRIMARY KEY (unit, day)
);

-- The function runs with the search path of this migration (the store's schema), whatever the writer's session says.
CREATE FUNCTION campaign_violation_keep_tally() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
DECLARE
    was_open boolean := TG_OP = 'UPDATE' AND OLD.status = 'Open';
    is_open  boolean := NEW.status = 'Open';
    opened   date := (NEW.opened_at AT TIME ZONE 'UTC' + make_interval(mins => NEW.opened_offset_minutes))::date;
    resolved date;
BEGIN
    IF is_open AND NOT was_open THEN
        INSERT INTO campaign_violation_tally AS t (unit, plan_id, plan_version, requirement_id, open, earliest_due, earliest_opened)
        VALUES (NEW.unit, NEW.plan_id, NEW.plan_version, NEW.requirement_id, 1, NEW.period_end, opened)
        ON CONFLICT (unit, plan_id, plan_version, requirement_id) DO UPDATE SET
            open = t.open + 1, earliest_due = least(t.earliest_due, excluded.earliest_due), earliest_opened = least(t.earliest_opened, excluded.earliest_opened);
        INSERT INTO campaign_violation_open_day AS d (unit, day, change) VALUES (NEW.unit, opened, 1)
        ON CONFLICT (unit, day) DO UPDATE SET change = d.change + 1;
    ELSIF was_open AND NOT is_open THEN
        -- Counted again from the unit's open rows of that plan version (the unit index leads): the earliest days may
        -- have been the resolved violation's.
        DELETE FROM campaign_violation_tally
        WHERE unit = OLD.unit AND plan_id = OLD.plan_id AND plan_version = OLD.plan_version AND requirement_id = OLD.requirement_id;
        INSERT INTO campaign_violation_tally (unit, plan_id, plan_version, requirement_id, open, earliest_due, earliest_opened)
        SELECT unit, plan_id, plan_version, requirement_id, count(*), min(period_end),
               min((opened_at AT TIME ZONE 'UTC' + make_interval(mins => opened_offset_minutes))::date)
        FROM campaign_violation
        WHERE unit = OLD.unit AND plan_id = OLD.plan_id AND plan_version = OLD.plan_version AND status = 'Open' AND requirement_id = OLD.requirement_id
        GROUP BY unit, plan_id, plan_version, requirement_id;
        resolved := (coalesce(NEW.resolved_at, NEW.changed_at) AT TIME ZONE 'UTC'
                     + make_interval(mins => coalesce(NEW.resolved_offset_minutes, NEW.changed_offset_minutes)))::date;
        INSERT INTO campaign_violation_open_day AS d (unit, day, change) VALUES (NEW.unit, resolved, -1)
        ON CONFLICT (unit, day) DO UPDATE SET change = d.change - 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER campaign_violation_tally AFTER INSERT OR UPDATE ON campaign_violation
FOR EACH ROW EXECUTE FUNCTION campaign_violation_keep_tally();

-- A database written before this version: the tallies from its open violations, the days from their history.
INSERT INTO campaign_violation_tally (unit, plan_id, plan_version, requirement_id, open, earliest_due, earliest_opened)
SELECT unit, plan_id, plan_version, requirement_id, count(*), min(period_end),
       min((opened_at AT TIME ZONE 'UTC' + make_interval(mins => opened_offset_minutes))::date)
FROM campaign_violation WHERE status = 'Open'
GROUP BY unit, plan_id, plan_version, requirement_id;

INSERT INTO campaign_violation_open_day (unit, day, change)
SELECT v.unit, (e.at AT TIME ZONE 'UTC' + make_interval(mins => e.offset_minutes))::date,
       sum(CASE e.kind WHEN 'Opened' THEN 1 WHEN 'Reopened' THEN 1 WHEN 'Resolved' THEN -1 ELSE 0 END)
FROM campaign_violation_event e JOIN campaign_violation v ON v.id = e.violation_id
GROUP BY 1, 2;
