package org.tribune.articles.api;

/**
 * What is left of the demo articles a new site starts with.
 *
 * @param remaining demo articles still as they were written: {@link
 *     DemoContentService#removeDemoContent()} deletes them
 * @param edited demo articles that someone has saved since: they are the site's own now and are
 *     kept
 * @param off whether demo content was removed for good: it is never written again, whatever {@code
 *     tribune.demo-content} says
 */
public record DemoContentStatus(int remaining, int edited, boolean off)
    implements java.io.Serializable {

  public DemoContentStatus {
    if (remaining < 0 || edited < 0) {
      throw new IllegalArgumentException("Counts cannot be negative");
    }
  }
}
