-- Moderation mode and closing date per article, moderation mode per section: what the console sets
-- for one discussion or one section over the site's settings. No row: the next level's rule (the
-- article's section, then the site). No foreign key into the articles module's tables. Same script
-- for H2 2.x and PostgreSQL.
CREATE TABLE comments_article_rules (
    article_id BIGINT                      NOT NULL PRIMARY KEY,
    moderation VARCHAR(16),
    closes_at  TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT comments_article_rules_mode_ck
        CHECK (moderation IN ('FIRST_TIME', 'APPROVE_ALL', 'HOLD_ALL'))
);
CREATE TABLE comments_section_rules (
    section_id BIGINT      NOT NULL PRIMARY KEY,
    moderation VARCHAR(16) NOT NULL,
    CONSTRAINT comments_section_rules_mode_ck
        CHECK (moderation IN ('FIRST_TIME', 'APPROVE_ALL', 'HOLD_ALL'))
);
