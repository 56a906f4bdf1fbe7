-- Pages (issue 19): content without byline, date, share links or discussion unless turned on,
-- addressed from the site's root by a path of slugs. Same table as articles (the same editor,
-- revisions, slug history, drafts and scheduling), told apart by page_path, which is NULL for an
-- article. The slug stays unique over both kinds: it is a page's last segment, and the discussion's
-- own addresses (/articles/{slug}/comments…) name a page by it. Same script for H2 2.x and
-- PostgreSQL.
ALTER TABLE articles_article ADD COLUMN page_path VARCHAR(200);
ALTER TABLE articles_article ADD COLUMN parent_id BIGINT;
ALTER TABLE articles_article ADD COLUMN show_byline BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE articles_article ADD COLUMN show_date BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE articles_article ADD COLUMN show_share BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE articles_article ADD CONSTRAINT articles_article_page_path_uk UNIQUE (page_path);
-- A page with sub-pages is never deleted for good (the service refuses it); the key says so too.
ALTER TABLE articles_article ADD CONSTRAINT articles_article_parent_fk
    FOREIGN KEY (parent_id) REFERENCES articles_article (id);
ALTER TABLE articles_article ADD CONSTRAINT articles_article_parent_ck
    CHECK (parent_id IS NULL OR page_path IS NOT NULL);
CREATE INDEX articles_article_parent_ix ON articles_article (parent_id);
