-- The administrators' console (ModerationService). Same script for H2 2.x and PostgreSQL.

-- A reply written by the editorial team from the console: shown with a badge, approved at once.
ALTER TABLE comments_comment ADD COLUMN staff BOOLEAN DEFAULT FALSE NOT NULL;

-- comments_setting now also keeps the discussion settings saved from the console, one row per
-- setting named like its configuration key without the prefix (max-length, blocked-words...).
-- The list of blocked words may be long: at most 500 entries of 100 characters, commas between.
ALTER TABLE comments_setting ALTER COLUMN setting_value SET DATA TYPE VARCHAR(60000);

-- The dashboard: the newest comments whatever their status, and comments per day of a period.
CREATE INDEX comments_comment_created_ix ON comments_comment (created_at);
