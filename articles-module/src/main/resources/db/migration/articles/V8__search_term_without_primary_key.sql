-- Writing the search index (bench/import/RESULTS.md). Same script for H2 2.x and PostgreSQL.
--
-- Each posting was written to four B-trees: the table, the primary key (term, article_id), the
-- article index and the posting index (term, article_id, weight, listed_from). The primary key is
-- a prefix of the posting index, so every query it served is served by the posting index as well,
-- and its uniqueness is the writer's by construction (SearchIndex writes one row per distinct term
-- of an article, after deleting the article's rows). Checking it cost a range scan of uncommitted
-- rows per posting on H2, and a quarter of the index's writes: about 200 postings per article.
ALTER TABLE articles_search_term DROP CONSTRAINT articles_search_term_pk;
