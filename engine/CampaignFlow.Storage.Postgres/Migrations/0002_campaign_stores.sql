-- Version 2: what units record, violations with their history, published plan versions, and the views
-- auditors query with SQL tools. Text keys are COLLATE "C" (ordinal, as in memory). Record payloads and
-- violation details are `json`, which keeps the exact text (the stores compare it as text) and still
-- answers ->, ->> and casts to jsonb; plan files are `jsonb` (read back by name). Instants are timestamptz
-- with the unit's clock offset beside them; days are `date`.

CREATE TABLE campaign_record (
    sequence                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit                    text COLLATE "C" NOT NULL,
    key                     text COLLATE "C" NOT NULL,
    type                    text NOT NULL,
    kind                    text NOT NULL,
    day                     date NOT NULL,
    payload                 json NOT NULL,
    recorded_at             timestamptz NOT NULL,
    recorded_offset_minutes smallint NOT NULL,
    recorded_by             text NOT NULL,
    CONSTRAINT campaign_record_key UNIQUE (unit, key)
);
CREATE INDEX campaign_record_by_unit ON campaign_record (unit, sequence);

CREATE TABLE campaign_violation (
    id                     text COLLATE "C" PRIMARY KEY,
    unit                   text COLLATE "C" NOT NULL,
    body                   text COLLATE "C",
    plan_id                text COLLATE "C" NOT NULL,
    plan_version           integer NOT NULL,
    requirement_id         text COLLATE "C" NOT NULL,
    action_id              text COLLATE "C" NOT NULL,
    kind                   text NOT NULL,
    severity               text NOT NULL,
    phase_id               text COLLATE "C",
    period                 text COLLATE "C" NOT NULL,
    period_start           date NOT NULL,
    period_end             date NOT NULL,
    target                 text COLLATE "C",
    code                   text NOT NULL,
    message_zh             text NOT NULL,
    message_en             text NOT NULL,
    details                json NOT NULL,
    status                 text NOT NULL,
    opened_at              timestamptz NOT NULL,
    opened_offset_minutes  smallint NOT NULL,
    resolved_at            timestamptz,
    resolved_offset_minutes smallint,
    changed_at             timestamptz NOT NULL,
    changed_offset_minutes smallint NOT NULL
);
CREATE INDEX campaign_violation_by_unit ON campaign_violation (unit, plan_id, plan_version, status);
CREATE INDEX campaign_violation_by_status ON campaign_violation (status, period_end, id);
CREATE INDEX campaign_violation_by_period ON campaign_violation (period_end, id);
CREATE INDEX campaign_violation_by_requirement ON campaign_violation (requirement_id, period_end);

CREATE TABLE campaign_violation_event (
    sequence       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    violation_id   text COLLATE "C" NOT NULL REFERENCES campaign_violation (id),
    kind           text NOT NULL,
    at             timestamptz NOT NULL,
    offset_minutes smallint NOT NULL,
    details        json NOT NULL
);
CREATE INDEX campaign_violation_event_by_violation ON campaign_violation_event (violation_id, sequence);

CREATE TABLE campaign_plan_version (
    plan_id                  text COLLATE "C" NOT NULL,
    version                  integer NOT NULL,
    unit                     text COLLATE "C" NOT NULL,
    hash                     text NOT NULL,
    files                    jsonb NOT NULL,
    published_at             timestamptz NOT NULL,
    published_offset_minutes smallint NOT NULL,
    PRIMARY KEY (plan_id, version)
);

-- For auditors with SQL tools: one row per violation, every column by its plain name; times are timestamptz
-- (show them in Beijing time with AT TIME ZONE 'Asia/Shanghai'). Documented in the project's README.md.
CREATE VIEW campaignflow_violations AS
SELECT id              AS violation_id,
       unit,
       body,
       plan_id,
       plan_version,
       requirement_id,
       action_id,
       kind,
       severity,
       phase_id        AS phase,
       period,
       period_start,
       period_end,
       target,
       lower(status)   AS status,
       opened_at,
       resolved_at,
       changed_at,
       code,
       message_zh,
       message_en,
       details::jsonb  AS details
FROM campaign_violation;

-- Every step of every violation (opened, changed, resolved, reopened), with the columns to find it by.
CREATE VIEW campaignflow_violation_history AS
SELECT e.sequence,
       e.violation_id,
       v.unit,
       v.body,
       v.plan_id,
       v.plan_version,
       v.requirement_id,
       v.phase_id       AS phase,
       v.period,
       v.target,
       lower(e.kind)    AS event,
       e.at,
       e.details::jsonb AS details
FROM campaign_violation_event e
JOIN campaign_violation v ON v.id = e.violation_id;

-- What units recorded, the payload as jsonb for ->> queries.
CREATE VIEW campaignflow_records AS
SELECT sequence, unit, key, type, kind, day, recorded_at, recorded_by, payload::jsonb AS payload
FROM campaign_record;
