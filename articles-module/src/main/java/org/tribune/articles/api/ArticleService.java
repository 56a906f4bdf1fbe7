package org.tribune.articles.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reads and writes articles. Implemented by the articles module; inject it with CDI. */
public interface ArticleService {

  /** Largest page a caller may ask for in one call. */
  int MAX_PAGE_SIZE = 100;

  /** Stores a new draft and returns its id. */
  long createDraft(@NotNull @Valid NewArticle article);

  /**
   * Publishes a draft at the given instant (which may be in the past).
   *
   * @throws ArticleNotFoundException if no article has this id
   */
  void publish(long articleId, @NotNull Instant publishedAt);

  /**
   * Deletes an article for good. Observers of {@link ArticleDeleted} run in the same transaction.
   *
   * @throws ArticleNotFoundException if no article has this id
   */
  void delete(long articleId);

  /** The article with this id, whatever its status. */
  Optional<ArticleSummary> find(long articleId);

  /** The newest published articles, newest first. */
  List<ArticleSummary> latestPublished(@Min(1) @Max(MAX_PAGE_SIZE) int limit);

  /** Whether an article with this id exists and is published (visible to readers). */
  boolean isPublished(long articleId);

  /** How many articles exist, whatever their status. */
  long count();
}
