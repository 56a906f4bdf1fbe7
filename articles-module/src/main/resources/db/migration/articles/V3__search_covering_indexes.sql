-- Search at 100 000 articles (bench/search/RESULTS.md). Same script for H2 and PostgreSQL.
--
-- A query reads every posting of its terms. Through the primary key alone each posting cost a
-- visit to the table, where a common word's rows lie scattered over the whole table (rows are
-- written article by article): about 2 s for a word in 70 % of the articles. With the weight in
-- the index they are read from the index alone, side by side.
CREATE INDEX articles_search_term_posting_ix ON articles_search_term (term, article_id, weight);

-- The search keeps the listed articles among the matches: with these three columns in one small
-- index, that check reads the index, not the article rows (titles, standfirsts, bodies).
CREATE INDEX articles_article_listing_ix ON articles_article (id, status, published_at);
