package org.tribune.articles.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a writer supplies to create an article.
 *
 * @param title the headline
 * @param authorName the name shown as byline
 * @param body the text, in Markdown
 */
public record NewArticle(
    @NotBlank @Size(max = ArticleLimits.TITLE_LENGTH) String title,
    @NotBlank @Size(max = ArticleLimits.AUTHOR_NAME_LENGTH) String authorName,
    @Size(max = ArticleLimits.BODY_LENGTH) String body) {

  public NewArticle {
    body = body == null ? "" : body;
  }
}
