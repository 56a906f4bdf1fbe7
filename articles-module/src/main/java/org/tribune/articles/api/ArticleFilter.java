package org.tribune.articles.api;

/**
 * Which articles the console lists. Every criterion left {@code null} matches any article.
 *
 * @param status one status, or {@code null} for every status but {@link ArticleStatus#TRASHED}
 *     (trashed articles are seen only when asked for)
 * @param sectionId articles filed in exactly this section
 * @param authorId articles signed (among others) by this author
 * @param text words in the title, any case; {@code %} and {@code _} are plain characters here.
 *     Blank means any title.
 * @param pages pages only when {@code true}, articles only when {@code false}
 */
public record ArticleFilter(
    ArticleStatus status, Long sectionId, Long authorId, String text, boolean pages) {

  public ArticleFilter {
    text = text == null || text.isBlank() ? null : text.strip();
  }

  /** Every article but the trashed ones. */
  public static ArticleFilter all() {
    return new ArticleFilter(null, null, null, null, false);
  }

  public ArticleFilter withStatus(ArticleStatus newStatus) {
    return new ArticleFilter(newStatus, sectionId, authorId, text, pages);
  }

  public ArticleFilter withSection(Long id) {
    return new ArticleFilter(status, id, authorId, text, pages);
  }

  public ArticleFilter withAuthor(Long id) {
    return new ArticleFilter(status, sectionId, id, text, pages);
  }

  public ArticleFilter withText(String newText) {
    return new ArticleFilter(status, sectionId, authorId, newText, pages);
  }

  /** Every page but the trashed ones. */
  public static ArticleFilter allPages() {
    return new ArticleFilter(null, null, null, null, true);
  }
}
