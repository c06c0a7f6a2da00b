-- Version 8: hosts sharing the database split the workflow instances into partitions, each held by one host under a
-- lease (docs/adr/0022). New tables only. Times are the database's own clock, so hosts agree on when a lease ran out.
CREATE TABLE workflow_partition_lease (
    partition   integer PRIMARY KEY,
    owner       text COLLATE "C" NOT NULL,
    lease_until timestamptz NOT NULL
);

-- Each host's presence: a host alive counts in the fair share (partitions / live hosts) before it holds a partition.
-- Its partition count, so that a host started with another count is refused (0: not said).
CREATE TABLE workflow_partition_host (
    host_id     text COLLATE "C" PRIMARY KEY,
    alive_until timestamptz NOT NULL,
    partitions  integer NOT NULL DEFAULT 0
);
