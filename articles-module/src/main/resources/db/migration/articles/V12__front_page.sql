-- "À la une": the articles editors put on the front page, in their order, each until an optional
-- end. Same script for H2 2.x and PostgreSQL. An article deleted leaves the front page with it.
CREATE TABLE articles_featured (
    article_id BIGINT                      NOT NULL PRIMARY KEY,
    position   INTEGER                     NOT NULL,
    until      TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT articles_featured_article_fk FOREIGN KEY (article_id)
        REFERENCES articles_article (id) ON DELETE CASCADE
);
CREATE INDEX articles_featured_position_ix ON articles_featured (position);
