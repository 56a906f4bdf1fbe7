-- Settings of the articles module that must hold on every node and outlive restarts. Same script
-- for H2 2.x and PostgreSQL.
CREATE TABLE articles_setting (
    name          VARCHAR(100) NOT NULL,
    setting_value VARCHAR(200) NOT NULL,
    CONSTRAINT articles_setting_pk PRIMARY KEY (name)
);

-- 'configured': demo content is written on an empty site when tribune.demo-content is true;
-- 'off': removed from the console, never written again. The row always exists, so that removing
-- the demo content can lock it.
INSERT INTO articles_setting (name, setting_value) VALUES ('demo-content', 'configured');

-- Demo articles written since V5 had no history. They start it now, as V5 did for every article,
-- so that a demo article nobody has saved is one whose only revision is 1, saved by 'system'.
INSERT INTO articles_revision (article_id, revision, saved_at, saved_by, title, slug, standfirst,
        body_format, body, section_id, author_ids, tag_ids, lead_image_url, lead_image_alt,
        comments_open)
SELECT a.id, 1, a.created_at, 'system', a.title, a.slug, a.standfirst, a.body_format, a.body,
       a.section_id,
       COALESCE((SELECT STRING_AGG(CAST(w.author_id AS VARCHAR(20)), ',' ORDER BY w.position)
                 FROM articles_article_author w WHERE w.article_id = a.id), ''),
       COALESCE((SELECT STRING_AGG(CAST(t.tag_id AS VARCHAR(20)), ',' ORDER BY t.tag_id)
                 FROM articles_article_tag t WHERE t.article_id = a.id), ''),
       a.lead_image_url, a.lead_image_alt, a.comments_open
FROM articles_article a
WHERE NOT EXISTS (SELECT 1 FROM articles_revision r WHERE r.article_id = a.id);
