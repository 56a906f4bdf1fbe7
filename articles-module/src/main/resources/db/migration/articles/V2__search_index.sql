-- Full-text search index, the same on H2 and PostgreSQL: one row per (term, article) with the
-- term's weight in that article (title counts most). Terms are folded as SearchTerms describes.
CREATE TABLE articles_search_term (
    term       VARCHAR(60) NOT NULL,
    article_id BIGINT      NOT NULL,
    weight     INTEGER     NOT NULL,
    CONSTRAINT articles_search_term_pk PRIMARY KEY (term, article_id),
    CONSTRAINT articles_search_term_article_fk
        FOREIGN KEY (article_id) REFERENCES articles_article (id) ON DELETE CASCADE
);
CREATE INDEX articles_search_term_article_ix ON articles_search_term (article_id);
