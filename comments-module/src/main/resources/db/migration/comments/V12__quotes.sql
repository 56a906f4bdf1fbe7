-- The comments a comment quotes (the form's « Citer » on a comment), so that their authors who
-- subscribed to replies hear of it once it is approved. Removed with the quoting comment; the
-- quoted one may go first (no foreign key). Same script for H2 2.x and PostgreSQL.
CREATE TABLE comments_quote (
    comment_id BIGINT NOT NULL,
    quoted_id  BIGINT NOT NULL,
    CONSTRAINT comments_quote_pk PRIMARY KEY (comment_id, quoted_id),
    CONSTRAINT comments_quote_comment_fk FOREIGN KEY (comment_id)
        REFERENCES comments_comment (id) ON DELETE CASCADE
);
