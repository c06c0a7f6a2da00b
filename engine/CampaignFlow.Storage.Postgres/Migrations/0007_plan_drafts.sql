-- Version 7: plan versions on their way to publication (docs/adr/0014). New tables only: a schema of version 6 keeps
-- every row it had, and its published versions (campaign_plan_version) have no draft, so their history is the folder's.
CREATE TABLE campaign_plan_draft (
    plan_id text COLLATE "C" NOT NULL,
    version integer NOT NULL,
    unit    text COLLATE "C" NOT NULL,
    hash    text NOT NULL,
    files   jsonb NOT NULL,
    PRIMARY KEY (plan_id, version)
);

-- Each step of a draft's history, appended only; step counts from 0.
CREATE TABLE campaign_plan_draft_step (
    plan_id           text COLLATE "C" NOT NULL,
    version           integer NOT NULL,
    step              integer NOT NULL,
    action            text NOT NULL,
    by_name           text NOT NULL,
    at                timestamptz NOT NULL,
    at_offset_minutes smallint NOT NULL,
    comment           text,
    PRIMARY KEY (plan_id, version, step),
    FOREIGN KEY (plan_id, version) REFERENCES campaign_plan_draft (plan_id, version)
);
