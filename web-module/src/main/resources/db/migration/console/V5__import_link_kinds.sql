-- WordPress's numeric ids of categories and authors, for its old addresses /?cat={id} and
-- /?author={id}, and the images an import took into the media library (issue 20). Same script for
-- H2 2.x and PostgreSQL.
ALTER TABLE console_import_link DROP CONSTRAINT console_import_link_kind_ck;
ALTER TABLE console_import_link
    ADD CONSTRAINT console_import_link_kind_ck
        CHECK (kind IN ('POST', 'PAGE', 'COMMENT', 'SECTION', 'TAG', 'AUTHOR', 'THREAD', 'TERM_ID',
                        'USER_ID', 'MEDIA'));
