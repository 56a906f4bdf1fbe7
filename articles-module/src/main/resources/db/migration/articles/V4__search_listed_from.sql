-- Search without reading articles (bench/search/RESULTS.md). Same script for H2 and PostgreSQL.
--
-- Each posting now carries the instant from which its article is listed (its publication instant
-- while PUBLISHED or SCHEDULED, NULL for a draft or an archived article), kept up to date by the
-- article service whenever the status or the instant changes. A query then filters and ranks from
-- the postings alone: no join to articles_article, whose rows for a common word (70 % of 100 000
-- articles) were the bulk of the cost.
ALTER TABLE articles_search_term ADD COLUMN listed_from TIMESTAMP(6) WITH TIME ZONE;

UPDATE articles_search_term SET listed_from = (
    SELECT a.published_at FROM articles_article a
    WHERE a.id = articles_search_term.article_id AND a.status IN ('PUBLISHED', 'SCHEDULED'));

-- The postings of a term, read from the index alone, side by side.
DROP INDEX articles_search_term_posting_ix;
CREATE INDEX articles_search_term_posting_ix
    ON articles_search_term (term, article_id, weight, listed_from);

-- Only search read it.
DROP INDEX articles_article_listing_ix;
