-- Articles: one row per article. Same script for H2 2.x and PostgreSQL.
CREATE SEQUENCE articles_article_seq START WITH 50 INCREMENT BY 50;
-- EclipseLink takes the value it gets as the last id of a block of 50 (allocationSize).

CREATE TABLE articles_article (
    id           BIGINT                      NOT NULL PRIMARY KEY,
    version      BIGINT                      NOT NULL,
    slug         VARCHAR(200)                NOT NULL,
    title        VARCHAR(300)                NOT NULL,
    author_name  VARCHAR(200)                NOT NULL,
    body         VARCHAR(200000)             NOT NULL,
    status       VARCHAR(20)                 NOT NULL,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    published_at TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT articles_article_slug_uk UNIQUE (slug),
    CONSTRAINT articles_article_status_ck CHECK (status IN ('DRAFT', 'PUBLISHED'))
);

CREATE INDEX articles_article_published_ix ON articles_article (status, published_at);
