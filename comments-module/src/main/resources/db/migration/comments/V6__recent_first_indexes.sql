-- Indexes that answer "the newest first" and the checks made on every comment posted without
-- reading more rows than they return. Same script for H2 2.x and PostgreSQL.
--
-- Newest first (the home page's latest comments, the comments feeds, the moderation queue, the
-- dashboard): ORDER BY created_at DESC, id DESC. H2 reads an index in its own order only, and only
-- when the ORDER BY names the index's columns from the first (the equality columns too): with
-- (status, created_at) it sorted every approved comment of the site for the ten newest, one
-- page view at a time. The queries order by (status,) created_at DESC, id DESC, and these
-- indexes have that order; PostgreSQL uses them as well (and could read the old ones backwards).
DROP INDEX comments_comment_status_ix;
CREATE INDEX comments_comment_status_ix ON comments_comment (status, created_at DESC, id DESC);
DROP INDEX comments_comment_article_ix;
CREATE INDEX comments_comment_article_ix
    ON comments_comment (article_id, status, created_at DESC, id DESC);
DROP INDEX comments_comment_created_ix;
CREATE INDEX comments_comment_created_ix ON comments_comment (created_at DESC, id DESC);

-- The duplicate check on each comment posted looks up an address's comments of the last hour
-- (same address, article and text). With status in the middle of the old index,
-- "email = ? AND created_at > ?" read every comment the address ever posted. (email, created_at)
-- answers it; the check for an approved comment (first-time moderation) reads the address's
-- comments until it finds one.
DROP INDEX comments_comment_email_ix;
CREATE INDEX comments_comment_email_ix ON comments_comment (email, created_at);
