-- Readers' reports of published comments and the staff's decisions on them (ReportService). Same
-- script for H2 2.x and PostgreSQL; text columns checked in code points are twice as wide as their
-- limit (see V2). No foreign key into comments_comment: a report and its decision are the record
-- of what was reported and decided, and outlive the comment (deleted for good, erased).

-- A decision on the open reports of one comment: what was done, under which rule of the charter,
-- the statement of reasons sent to the author and the reporters, who decided and when. The first
-- open report's date is kept beside it: time to decision = decided_at - first_report_at.
CREATE SEQUENCE comments_decision_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE comments_decision (
    id              BIGINT                      NOT NULL PRIMARY KEY,
    comment_id      BIGINT                      NOT NULL,
    article_id      BIGINT                      NOT NULL,
    outcome         VARCHAR(24)                 NOT NULL,
    charter_rule    VARCHAR(32)                 NOT NULL,
    statement       VARCHAR(4000),
    decided_by      VARCHAR(640)                NOT NULL,
    decided_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    first_report_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    report_count    INTEGER                     NOT NULL,
    CONSTRAINT comments_decision_outcome_ck
        CHECK (outcome IN ('KEEP', 'REMOVE', 'REMOVE_AND_SUSPEND'))
);
CREATE INDEX comments_decision_comment_ix ON comments_decision (comment_id, decided_at);
-- The transparency figures of a period.
CREATE INDEX comments_decision_decided_ix ON comments_decision (decided_at);

-- One report: its reason (and category for illicit content), the explanation, who reported (name
-- and e-mail address may be empty except for illicit content), the good-faith statement, the
-- text of the comment when it was reported (kept even if it is edited or erased since), and the
-- decision that closed it (NULL while open). reporter_key is the salted hash of the reporter's
-- address: one report per address and comment; it also serves the rate limit.
CREATE SEQUENCE comments_report_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE comments_report (
    id             BIGINT                      NOT NULL PRIMARY KEY,
    comment_id     BIGINT                      NOT NULL,
    article_id     BIGINT                      NOT NULL,
    reason         VARCHAR(16)                 NOT NULL,
    category       VARCHAR(32),
    explanation    VARCHAR(8000),
    reporter_name  VARCHAR(200),
    reporter_email VARCHAR(254),
    good_faith     BOOLEAN                     DEFAULT FALSE NOT NULL,
    reporter_key   VARCHAR(64)                 NOT NULL,
    reported_text  VARCHAR(100000)             NOT NULL,
    received_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    decision_id    BIGINT,
    CONSTRAINT comments_report_reporter_uk UNIQUE (comment_id, reporter_key),
    CONSTRAINT comments_report_reason_ck
        CHECK (reason IN ('ILLICIT', 'SPAM', 'OFF_TOPIC', 'OTHER')),
    CONSTRAINT comments_report_decision_fk FOREIGN KEY (decision_id)
        REFERENCES comments_decision (id)
);
-- The queue: open reports, oldest first; a comment's reports.
CREATE INDEX comments_report_open_ix ON comments_report (decision_id, received_at);
-- Rate limit: an address's reports of the last hour; the transparency figures of a period.
CREATE INDEX comments_report_key_ix ON comments_report (reporter_key, received_at);
CREATE INDEX comments_report_received_ix ON comments_report (received_at);
-- Erasure and export of one person's data.
CREATE INDEX comments_report_email_ix ON comments_report (reporter_email);
