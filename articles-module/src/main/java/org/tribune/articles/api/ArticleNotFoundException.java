package org.tribune.articles.api;

/** No article has the requested id. */
public class ArticleNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final long articleId;

  public ArticleNotFoundException(long articleId) {
    super("No article with id " + articleId);
    this.articleId = articleId;
  }

  public long articleId() {
    return articleId;
  }
}
