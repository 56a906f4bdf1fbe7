package org.tribune.articles.internal.media;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** An article shows an image of the library: rewritten with each save of the article. */
@Entity(name = "MediaUseRow")
@Table(name = "articles_media_use")
@IdClass(MediaUseRow.Key.class)
public class MediaUseRow {
  @Id
  @Column(name = "media_id")
  private long mediaId;

  @Id
  @Column(name = "article_id")
  private long articleId;

  protected MediaUseRow() {}

  public MediaUseRow(long mediaId, long articleId) {
    this.mediaId = mediaId;
    this.articleId = articleId;
  }

  /** The primary key: an image and an article. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private long mediaId;
    private long articleId;

    public Key() {}

    public Key(long mediaId, long articleId) {
      this.mediaId = mediaId;
      this.articleId = articleId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.mediaId == mediaId && key.articleId == articleId;
    }

    @Override
    public int hashCode() {
      return Objects.hash(mediaId, articleId);
    }
  }
}
