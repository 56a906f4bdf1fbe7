package org.tribune.articles.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The front page's featured articles ("À la une"): editors put an article there with a position (1:
 * the lead story) and an optional end, and take it off. Only readable (published) articles whose
 * end has not come are shown. Changes are the console's: it empties the page cache, on every node,
 * as for any of its changes.
 */
public interface FrontPageService {
  /** The featured articles to show now, in order (position, then the newest first). */
  List<ArticleSummary> featured(@Min(1) @Max(50) int limit);

  /** Every article placed on the front page, shown or not (the console's list). */
  List<Featured> placed();

  /** The article's place, if it has one. */
  Optional<Featured> place(long articleId);

  /**
   * Puts an article on the front page, or moves it.
   *
   * @throws ArticleNotFoundException when there is no such article
   */
  void feature(long articleId, @Min(1) @Max(Featured.MAX_POSITION) int position, Instant until);

  /** Takes an article off the front page (nothing when it was not there). */
  void unfeature(long articleId);
}
