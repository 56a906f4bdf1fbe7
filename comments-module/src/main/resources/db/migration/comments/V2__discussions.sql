-- Discussions: threads, moderation statuses, votes, bans, reply subscriptions and the module's
-- secrets. Same script for H2 2.x and PostgreSQL: H2 counts VARCHAR lengths in UTF-16 units and
-- PostgreSQL in characters, so text columns whose limit the service checks in code points are twice
-- as wide as that limit (an emoji is one code point, two UTF-16 units).
-- Like article_id, no column here has a foreign key into another module's tables.

ALTER TABLE comments_comment ALTER COLUMN author_name SET DATA TYPE VARCHAR(200);

-- The comment answered, or NULL at the top of a thread. No foreign key: an erased comment that has
-- replies stays as an anonymous tombstone, and an article's comments go in one DELETE.
ALTER TABLE comments_comment ADD COLUMN parent_id BIGINT;
-- The top-level comment of the thread (its own id at the top): a page of threads is a page of
-- root ids, and all their comments come in one query.
ALTER TABLE comments_comment ADD COLUMN root_id BIGINT;
-- 0 at the top of a thread, at most tribune.comments.max-depth.
ALTER TABLE comments_comment ADD COLUMN depth INTEGER DEFAULT 0 NOT NULL;
-- Lower case, never shown. NULL for comments written before e-mail addresses were asked for and for
-- erased ones.
ALTER TABLE comments_comment ADD COLUMN email VARCHAR(254);
ALTER TABLE comments_comment ADD COLUMN website VARCHAR(500);
-- The body rendered to safe HTML when it is written (escaping makes it longer than the body).
ALTER TABLE comments_comment ADD COLUMN body_html VARCHAR(1000000);
ALTER TABLE comments_comment ADD COLUMN edited_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE comments_comment ADD COLUMN score INTEGER DEFAULT 0 NOT NULL;
-- Hex SHA-256 of the site's salt and the address; the address itself is never stored.
ALTER TABLE comments_comment ADD COLUMN ip_hash VARCHAR(64);
ALTER TABLE comments_comment ADD COLUMN user_agent VARCHAR(500);
-- Hex SHA-256 of the secret edit token given to the author.
ALTER TABLE comments_comment ADD COLUMN edit_token_hash VARCHAR(64);
-- Whether the subscribers of the parent comment were told of this reply (once, when approved).
ALTER TABLE comments_comment ADD COLUMN replies_notified BOOLEAN DEFAULT FALSE NOT NULL;

UPDATE comments_comment SET root_id = id;
ALTER TABLE comments_comment ALTER COLUMN root_id SET NOT NULL;

ALTER TABLE comments_comment DROP CONSTRAINT comments_comment_status_ck;
ALTER TABLE comments_comment ADD CONSTRAINT comments_comment_status_ck
    CHECK (status IN ('PENDING', 'APPROVED', 'SPAM', 'TRASH'));
ALTER TABLE comments_comment ADD CONSTRAINT comments_comment_depth_ck CHECK (depth >= 0);

-- V1's (article_id, status, created_at) serves counts by article and an article's latest comments.
-- A discussion page: visible threads of an article grouped by root, then whole threads by root.
CREATE INDEX comments_comment_thread_ix ON comments_comment (article_id, root_id, status);
CREATE INDEX comments_comment_root_ix ON comments_comment (root_id, created_at);
-- Latest comments of the whole site, and the moderation lists.
CREATE INDEX comments_comment_status_ix ON comments_comment (status, created_at);
-- Rate limit: an address's comments of the last minute.
CREATE INDEX comments_comment_ip_ix ON comments_comment (ip_hash, created_at);
-- First comment of an address (any approved one?), duplicates, export and erasure.
CREATE INDEX comments_comment_email_ix ON comments_comment (email, status, created_at);

-- One vote per visitor and comment: known by the voter key (a hash of the visitor's cookie) and by
-- the address hash, each unique per comment.
CREATE SEQUENCE comments_vote_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE comments_vote (
    id         BIGINT                      NOT NULL PRIMARY KEY,
    comment_id BIGINT                      NOT NULL,
    voter_key  VARCHAR(64)                 NOT NULL,
    ip_hash    VARCHAR(64)                 NOT NULL,
    direction  SMALLINT                    NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT comments_vote_comment_fk FOREIGN KEY (comment_id)
        REFERENCES comments_comment (id) ON DELETE CASCADE,
    CONSTRAINT comments_vote_voter_uk UNIQUE (comment_id, voter_key),
    CONSTRAINT comments_vote_ip_uk UNIQUE (comment_id, ip_hash),
    CONSTRAINT comments_vote_direction_ck CHECK (direction IN (-1, 1))
);

-- Banned authors: a lower-case e-mail address or an address hash. Their later comments go to spam.
CREATE SEQUENCE comments_ban_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE comments_ban (
    id         BIGINT                      NOT NULL PRIMARY KEY,
    kind       VARCHAR(10)                 NOT NULL,
    ban_value  VARCHAR(254)                NOT NULL,
    comment_id BIGINT,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT comments_ban_uk UNIQUE (kind, ban_value),
    CONSTRAINT comments_ban_kind_ck CHECK (kind IN ('EMAIL', 'IP'))
);

-- Reply subscriptions (double opt-in): the token is the secret of the confirmation and
-- unsubscription links, which every mail carries.
CREATE SEQUENCE comments_subscription_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE comments_subscription (
    id         BIGINT                      NOT NULL PRIMARY KEY,
    comment_id BIGINT                      NOT NULL,
    email      VARCHAR(254)                NOT NULL,
    token      VARCHAR(64)                 NOT NULL,
    confirmed  BOOLEAN                     NOT NULL,
    created_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT comments_subscription_comment_fk FOREIGN KEY (comment_id)
        REFERENCES comments_comment (id) ON DELETE CASCADE,
    CONSTRAINT comments_subscription_uk UNIQUE (comment_id, email),
    CONSTRAINT comments_subscription_token_uk UNIQUE (token)
);
CREATE INDEX comments_subscription_email_ix ON comments_subscription (email);

-- Values the module makes once and every node shares, such as the salt of the address hashes.
CREATE TABLE comments_setting (
    name          VARCHAR(100)  NOT NULL PRIMARY KEY,
    setting_value VARCHAR(1000) NOT NULL
);
