-- The periodic jobs of the module (scheduled publishing) run on one node of a cluster at a time:
-- the node that takes a job's row (ShedLock's JDBC lock provider) runs it, the others skip that
-- turn; a node that dies holding it lets it go when lock_until passes. Same script for H2 2.x and
-- PostgreSQL. WITH TIME ZONE: the nodes compare instants whatever their own time zones.
CREATE TABLE articles_job_lock (
    name       VARCHAR(64)                 NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    locked_at  TIMESTAMP(3) WITH TIME ZONE NOT NULL,
    locked_by  VARCHAR(255)                NOT NULL
);
