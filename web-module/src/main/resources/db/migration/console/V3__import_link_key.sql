-- Writing fewer index entries per imported thing (bench/import/RESULTS.md). Same script for H2 2.x
-- and PostgreSQL.
--
-- Every lookup names source_id (by one id, or by an IN list of a post's comment ids), so the
-- primary key itself starts with it and the separate (source_id, kind) index goes: one B-tree less
-- for each of the 200 000 rows of a large import. Uniqueness is the same: (source, kind, source_id).
ALTER TABLE console_import_link DROP CONSTRAINT console_import_link_pk;
ALTER TABLE console_import_link
    ADD CONSTRAINT console_import_link_pk PRIMARY KEY (source_id, kind, source);
DROP INDEX console_import_link_id_ix;
