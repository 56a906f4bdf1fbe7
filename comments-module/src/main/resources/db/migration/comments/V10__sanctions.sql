-- Sanctions: a ban row is now a suspension (later comments go to spam) or a watch (later comments
-- wait for a moderator, the lighter step), for good or until expires_at, with the reason the staff
-- gave. An expired row stays, as the author's record, until someone lifts it. Existing bans are
-- suspensions for good. Same script for H2 2.x and PostgreSQL.
ALTER TABLE comments_ban ADD COLUMN effect VARCHAR(10) DEFAULT 'SUSPENDED' NOT NULL;
ALTER TABLE comments_ban ADD COLUMN expires_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE comments_ban ADD COLUMN reason VARCHAR(4000);
ALTER TABLE comments_ban ADD CONSTRAINT comments_ban_effect_ck CHECK (effect IN ('SUSPENDED', 'HELD'));
