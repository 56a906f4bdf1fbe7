package org.tribune.articles.api;

/**
 * The demo articles (with their authors, sections and tags) that a new, empty site starts with when
 * {@code tribune.demo-content} is true, and their removal for good from the console. Inject it with
 * CDI.
 *
 * <p>A demo article is one whose slug is still that of a demo file and that nobody has saved since
 * it was written: its only revision is number 1, saved by {@code "system"}. An article an editor
 * has saved (or whose slug they changed) is the site's own and is never removed.
 */
public interface DemoContentService {

  /** How many demo articles remain, how many were edited, and whether demo content is off. */
  DemoContentStatus demoContent();

  /**
   * Deletes the demo articles as {@link ArticleService#delete} does ({@link ArticleDeleted} fires
   * in the transaction, so their comments go too), then the demo authors, sections and tags that no
   * remaining article (or sub-section) uses, and records that demo content is off, so that it is
   * never written again, even on an empty site. Running it again deletes nothing more.
   *
   * @return how many articles were deleted
   */
  int removeDemoContent();

  /**
   * Writes the demo content when the site has no article at all and demo content was never switched
   * off; the module calls it at start-up when {@code tribune.demo-content} is true.
   *
   * @return how many articles were written (0 when the site has articles or demo content is off)
   */
  int createIfSiteIsEmpty();
}
