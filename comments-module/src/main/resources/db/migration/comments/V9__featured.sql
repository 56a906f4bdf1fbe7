-- Featured comments (« Sélection de la rédaction »): when, and by whom, the staff chose a comment.
-- NULL: not featured. Same script for H2 2.x and PostgreSQL.
ALTER TABLE comments_comment ADD COLUMN featured_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE comments_comment ADD COLUMN featured_by VARCHAR(640);
-- The selection of an article: its featured comments, most recently chosen first.
CREATE INDEX comments_comment_featured_ix ON comments_comment (article_id, featured_at);
