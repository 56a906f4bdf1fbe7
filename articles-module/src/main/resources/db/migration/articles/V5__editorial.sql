-- The editorial console (EditorialService). Same script for H2 2.x and PostgreSQL.

-- Two more statuses, neither readable nor listed: PENDING (an author asks for review) and TRASHED
-- (in the bin, restorable as a draft, deletable for good).
ALTER TABLE articles_article DROP CONSTRAINT articles_article_status_ck;
ALTER TABLE articles_article ADD CONSTRAINT articles_article_status_ck
    CHECK (status IN ('DRAFT', 'PENDING', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED', 'TRASHED'));

-- The console's article list, newest change first, over every status but TRASHED (read backwards
-- with the few trashed rows skipped) or over one status. Both end with the id, the tie-breaker of
-- the order, so a page is cut from the index without sorting.
CREATE INDEX articles_article_updated_ix ON articles_article (updated_at, id);
CREATE INDEX articles_article_status_updated_ix ON articles_article (status, updated_at, id);

-- Every saved version of an article's content, numbered from 1 per article. Authors and tags are
-- kept as comma-separated ids (byline order for authors): a revision is read whole, never queried
-- by author or tag. No foreign key to sections, authors or tags: a revision outlives them.
CREATE TABLE articles_revision (
    article_id     BIGINT                      NOT NULL,
    revision       INTEGER                     NOT NULL,
    saved_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    saved_by       VARCHAR(200)                NOT NULL,
    title          VARCHAR(300)                NOT NULL,
    slug           VARCHAR(200)                NOT NULL,
    standfirst     VARCHAR(1000)               NOT NULL,
    body_format    VARCHAR(20)                 NOT NULL,
    body           VARCHAR(200000)             NOT NULL,
    section_id     BIGINT,
    author_ids     VARCHAR(4000)               NOT NULL,
    tag_ids        VARCHAR(4000)               NOT NULL,
    lead_image_url VARCHAR(1000),
    lead_image_alt VARCHAR(300),
    comments_open  BOOLEAN                     NOT NULL,
    CONSTRAINT articles_revision_pk PRIMARY KEY (article_id, revision),
    CONSTRAINT articles_revision_article_fk
        FOREIGN KEY (article_id) REFERENCES articles_article (id) ON DELETE CASCADE
);

-- Existing articles start their history with their current content, saved by "system".
INSERT INTO articles_revision (article_id, revision, saved_at, saved_by, title, slug, standfirst,
        body_format, body, section_id, author_ids, tag_ids, lead_image_url, lead_image_alt,
        comments_open)
SELECT a.id, 1, a.updated_at, 'system', a.title, a.slug, a.standfirst, a.body_format, a.body,
       a.section_id,
       COALESCE((SELECT STRING_AGG(CAST(w.author_id AS VARCHAR(20)), ',' ORDER BY w.position)
                 FROM articles_article_author w WHERE w.article_id = a.id), ''),
       COALESCE((SELECT STRING_AGG(CAST(t.tag_id AS VARCHAR(20)), ',' ORDER BY t.tag_id)
                 FROM articles_article_tag t WHERE t.article_id = a.id), ''),
       a.lead_image_url, a.lead_image_alt, a.comments_open
FROM articles_article a;

-- Former slugs of sections, tags and authors (renamed, or a tag merged into another), answered
-- with a 301 to the current page of the one that has it now.
CREATE TABLE articles_former_slug (
    kind        VARCHAR(10)                 NOT NULL,
    slug        VARCHAR(200)                NOT NULL,
    target_id   BIGINT                      NOT NULL,
    replaced_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT articles_former_slug_pk PRIMARY KEY (kind, slug),
    CONSTRAINT articles_former_slug_kind_ck CHECK (kind IN ('SECTION', 'TAG', 'AUTHOR'))
);
CREATE INDEX articles_former_slug_target_ix ON articles_former_slug (kind, target_id);
