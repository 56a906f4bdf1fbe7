-- The article domain. Same script for H2 2.x and PostgreSQL.
-- Sequences start at 50: EclipseLink takes the value it gets as the last id of a block of 50
-- (allocationSize).

CREATE SEQUENCE articles_author_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE articles_author (
    id         BIGINT        NOT NULL PRIMARY KEY,
    version    BIGINT        NOT NULL,
    slug       VARCHAR(200)  NOT NULL,
    name       VARCHAR(200)  NOT NULL,
    bio        VARCHAR(2000) NOT NULL,
    CONSTRAINT articles_author_slug_uk UNIQUE (slug)
);

CREATE SEQUENCE articles_section_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE articles_section (
    id          BIGINT        NOT NULL PRIMARY KEY,
    version     BIGINT        NOT NULL,
    slug        VARCHAR(200)  NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    description VARCHAR(2000) NOT NULL,
    parent_id   BIGINT,
    position    INTEGER       NOT NULL,
    CONSTRAINT articles_section_slug_uk UNIQUE (slug),
    CONSTRAINT articles_section_parent_fk FOREIGN KEY (parent_id) REFERENCES articles_section (id)
);

CREATE SEQUENCE articles_tag_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE articles_tag (
    id          BIGINT        NOT NULL PRIMARY KEY,
    version     BIGINT        NOT NULL,
    slug        VARCHAR(200)  NOT NULL,
    name        VARCHAR(200)  NOT NULL,
    description VARCHAR(2000) NOT NULL,
    CONSTRAINT articles_tag_slug_uk UNIQUE (slug)
);

CREATE SEQUENCE articles_article_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE articles_article (
    id             BIGINT                      NOT NULL PRIMARY KEY,
    version        BIGINT                      NOT NULL,
    slug           VARCHAR(200)                NOT NULL,
    title          VARCHAR(300)                NOT NULL,
    standfirst     VARCHAR(1000)               NOT NULL,
    body           VARCHAR(200000)             NOT NULL,
    body_format    VARCHAR(20)                 NOT NULL,
    -- The body rendered to sanitised HTML, redone at each revision, never per request.
    body_html      VARCHAR(400000)             NOT NULL,
    word_count     INTEGER                     NOT NULL,
    revision       INTEGER                     NOT NULL,
    status         VARCHAR(20)                 NOT NULL,
    section_id     BIGINT,
    lead_image_url VARCHAR(1000),
    lead_image_alt VARCHAR(300),
    comments_open  BOOLEAN                     NOT NULL,
    created_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    published_at   TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT articles_article_slug_uk UNIQUE (slug),
    CONSTRAINT articles_article_status_ck
        CHECK (status IN ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED')),
    CONSTRAINT articles_article_format_ck CHECK (body_format IN ('MARKDOWN', 'HTML')),
    CONSTRAINT articles_article_image_ck
        CHECK (lead_image_url IS NULL OR lead_image_alt IS NOT NULL),
    CONSTRAINT articles_article_section_fk FOREIGN KEY (section_id) REFERENCES articles_section (id)
);
CREATE INDEX articles_article_published_ix ON articles_article (published_at, status);
CREATE INDEX articles_article_section_ix ON articles_article (section_id, published_at);

CREATE TABLE articles_article_author (
    article_id BIGINT  NOT NULL,
    author_id  BIGINT  NOT NULL,
    position   INTEGER NOT NULL,
    CONSTRAINT articles_article_author_pk PRIMARY KEY (article_id, author_id),
    CONSTRAINT articles_article_author_article_fk
        FOREIGN KEY (article_id) REFERENCES articles_article (id) ON DELETE CASCADE,
    CONSTRAINT articles_article_author_author_fk
        FOREIGN KEY (author_id) REFERENCES articles_author (id)
);
CREATE INDEX articles_article_author_author_ix ON articles_article_author (author_id);

CREATE TABLE articles_article_tag (
    article_id BIGINT NOT NULL,
    tag_id     BIGINT NOT NULL,
    CONSTRAINT articles_article_tag_pk PRIMARY KEY (article_id, tag_id),
    CONSTRAINT articles_article_tag_article_fk
        FOREIGN KEY (article_id) REFERENCES articles_article (id) ON DELETE CASCADE,
    CONSTRAINT articles_article_tag_tag_fk FOREIGN KEY (tag_id) REFERENCES articles_tag (id)
);
CREATE INDEX articles_article_tag_tag_ix ON articles_article_tag (tag_id);

-- Former slugs of articles, answered with a 301 to the current one.
CREATE TABLE articles_slug_history (
    slug       VARCHAR(200)                NOT NULL PRIMARY KEY,
    article_id BIGINT                      NOT NULL,
    replaced_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT articles_slug_history_article_fk
        FOREIGN KEY (article_id) REFERENCES articles_article (id) ON DELETE CASCADE
);
