-- The oEmbed answers of the embeds (posts and videos of other sites in article bodies), fetched
-- once at save time: an article saved again, or another article showing the same post, does not
-- fetch again. Only what the cards show, as plain text. A failed fetch is not kept (the next save
-- tries again). Same script for H2 2.x and PostgreSQL.
CREATE TABLE articles_embed (
    url_hash   VARCHAR(64)                 NOT NULL PRIMARY KEY,
    url        VARCHAR(2000)               NOT NULL,
    author     VARCHAR(2001)               NOT NULL,
    title      VARCHAR(2001)               NOT NULL,
    body_text  VARCHAR(2001)               NOT NULL,
    post_date  VARCHAR(2001)               NOT NULL,
    fetched_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
