-- The media library (MediaService). Same script for H2 2.x and PostgreSQL.

-- An image uploaded by staff. Its files (the original, stripped of its metadata, and one derivative
-- per size in `widths`, "320x213,640x427", all in `derived_format`) are in the media store under
-- keys made from `hash`, the SHA-256 of the stripped original: a new file gives new public
-- addresses. `alt` is required before the image can
-- be shown in an article; `search_text` holds alt, caption, credit and file name folded (lower
-- case, no accents) for the library's search.
CREATE SEQUENCE articles_media_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE articles_media (
    id            BIGINT                      NOT NULL PRIMARY KEY,
    version       BIGINT                      NOT NULL,
    hash          VARCHAR(64)                 NOT NULL,
    format        VARCHAR(10)                 NOT NULL,
    original_name VARCHAR(255)                NOT NULL,
    bytes         BIGINT                      NOT NULL,
    width         INTEGER                     NOT NULL,
    height        INTEGER                     NOT NULL,
    widths        VARCHAR(200)                NOT NULL,
    derived_format VARCHAR(10)                NOT NULL,
    alt           VARCHAR(300)                NOT NULL,
    caption       VARCHAR(1000)               NOT NULL,
    credit        VARCHAR(300)                NOT NULL,
    focal_x       DOUBLE PRECISION,
    focal_y       DOUBLE PRECISION,
    uploaded_by   VARCHAR(254)                NOT NULL,
    uploaded_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    search_text   VARCHAR(2000)               NOT NULL,
    CONSTRAINT articles_media_format_ck CHECK (format IN ('JPEG', 'PNG', 'GIF', 'WEBP')),
    CONSTRAINT articles_media_derived_format_ck CHECK (derived_format IN ('JPEG', 'PNG')),
    CONSTRAINT articles_media_focal_ck
        CHECK ((focal_x IS NULL AND focal_y IS NULL)
            OR (focal_x BETWEEN 0 AND 1 AND focal_y BETWEEN 0 AND 1))
);
-- The public addresses name the hash: serving a file looks the item up by it.
CREATE INDEX articles_media_hash_ix ON articles_media (hash);

-- Which articles show which image (as lead image or in the body), kept with each saved article.
CREATE TABLE articles_media_use (
    media_id   BIGINT NOT NULL,
    article_id BIGINT NOT NULL,
    CONSTRAINT articles_media_use_pk PRIMARY KEY (media_id, article_id),
    CONSTRAINT articles_media_use_media_fk
        FOREIGN KEY (media_id) REFERENCES articles_media (id) ON DELETE CASCADE,
    CONSTRAINT articles_media_use_article_fk
        FOREIGN KEY (article_id) REFERENCES articles_article (id) ON DELETE CASCADE
);
CREATE INDEX articles_media_use_article_ix ON articles_media_use (article_id);

-- An article's lead image from the library (the URL columns stay for images elsewhere, flagged
-- in the editor). Revisions keep it too.
ALTER TABLE articles_article ADD COLUMN lead_media_id BIGINT;
ALTER TABLE articles_article ADD CONSTRAINT articles_article_lead_media_fk
    FOREIGN KEY (lead_media_id) REFERENCES articles_media (id) ON DELETE SET NULL;
ALTER TABLE articles_revision ADD COLUMN lead_media_id BIGINT;
