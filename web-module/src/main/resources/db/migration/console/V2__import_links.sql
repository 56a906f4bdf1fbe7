-- Imports from other platforms (WordPress, Disqus). Same script for H2 2.x and PostgreSQL.
--
-- One row per thing imported, keyed by where it came from: running the same import again finds
-- every row and writes nothing twice. target_id is the id it got here (an article, comment,
-- section, tag or author, owned by their modules: no foreign key; a row whose target was deleted
-- since is simply written again). The old permalink's path and slug answer the old addresses with
-- a 301. source_modified and target_revision tell whether the source changed since and whether
-- somebody edited the article here since (then a newer source version is not applied).
CREATE TABLE console_import_link (
    source          VARCHAR(300)                NOT NULL,
    kind            VARCHAR(10)                 NOT NULL,
    source_id       VARCHAR(200)                NOT NULL,
    target_id       BIGINT                      NOT NULL,
    old_path        VARCHAR(1000),
    old_slug        VARCHAR(400),
    source_modified TIMESTAMP(6) WITH TIME ZONE,
    target_revision INTEGER,
    imported_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT console_import_link_pk PRIMARY KEY (source, kind, source_id),
    CONSTRAINT console_import_link_kind_ck
        CHECK (kind IN ('POST', 'PAGE', 'COMMENT', 'SECTION', 'TAG', 'AUTHOR', 'THREAD'))
);
-- Old addresses: /?p={id}, /?page_id={id}, #comment-{id}; the old path; /{slug}/, /category/{slug}/.
-- Each index starts with the column looked up: H2 uses only a prefix of the primary key for an IN
-- list on source_id (it read every comment row per lookup), and PostgreSQL, on a table not yet
-- analysed, planned the primary-key lookups on an index led by kind alone.
CREATE INDEX console_import_link_id_ix ON console_import_link (source_id, kind);
CREATE INDEX console_import_link_path_ix ON console_import_link (old_path);
CREATE INDEX console_import_link_slug_ix ON console_import_link (old_slug, kind);
