-- Comments: one row per comment. article_id refers to articles_article.id but carries no foreign
-- key: the articles module owns that table, and deletes reach comments through the ArticleDeleted
-- event in the same transaction. Same script for H2 2.x and PostgreSQL.
CREATE SEQUENCE comments_comment_seq START WITH 50 INCREMENT BY 50;
-- EclipseLink takes the value it gets as the last id of a block of 50 (allocationSize).

CREATE TABLE comments_comment (
    id          BIGINT                      NOT NULL PRIMARY KEY,
    version     BIGINT                      NOT NULL,
    article_id  BIGINT                      NOT NULL,
    author_name VARCHAR(100)                NOT NULL,
    body        VARCHAR(100000)             NOT NULL,
    status      VARCHAR(20)                 NOT NULL,
    created_at  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT comments_comment_status_ck CHECK (status IN ('PENDING', 'APPROVED'))
);

CREATE INDEX comments_comment_article_ix ON comments_comment (article_id, status, created_at);
