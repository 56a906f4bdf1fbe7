-- Imports from other platforms and full exports (ArticleTransferService). Same script for H2 2.x
-- and PostgreSQL.

-- WordPress's "stick to the front page": a listed sticky article comes first on the home page.
ALTER TABLE articles_article ADD COLUMN sticky BOOLEAN DEFAULT FALSE NOT NULL;
-- The home page reads the few listed sticky articles on each visit: from this index, not a scan.
CREATE INDEX articles_article_sticky_ix ON articles_article (sticky, published_at);
-- An export reads every article id oldest first: from this index, without sorting.
CREATE INDEX articles_article_created_ix ON articles_article (created_at, id);
-- An export reads the former slugs of 200 articles at a time by article.
CREATE INDEX articles_slug_history_article_ix ON articles_slug_history (article_id);

-- An author's e-mail address, never shown: a later import finds the same author by it. Stored in
-- lower case; several authors may have none (a UNIQUE constraint allows several NULLs on both
-- databases), no two the same.
ALTER TABLE articles_author ADD COLUMN email VARCHAR(254);
ALTER TABLE articles_author ADD CONSTRAINT articles_author_email_uk UNIQUE (email);
ALTER TABLE articles_author ADD CONSTRAINT articles_author_email_ck
    CHECK (email IS NULL OR email = LOWER(email));
