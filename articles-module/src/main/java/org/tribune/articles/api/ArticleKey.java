package org.tribune.articles.api;

/**
 * What an importer keeps of an article it wrote: the id, the slug it got (its permalink is {@code
 * /articles/{slug}}) and the revision it is at, to know later whether somebody edited it since. A
 * page also has its path ({@code a-propos/equipe}: it is read at {@code /a-propos/equipe}); an
 * article's is {@code null}.
 */
public record ArticleKey(
    long id, String slug, int revision, ArticleStatus status, String pagePath) {

  public boolean isPage() {
    return pagePath != null;
  }

  /** Where it is read, from the site's root: {@code /articles/{slug}} or {@code /{page path}}. */
  public String sitePath() {
    return isPage() ? "/" + pagePath : "/articles/" + slug;
  }
}
