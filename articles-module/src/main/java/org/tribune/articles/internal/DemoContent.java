package org.tribune.articles.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.tribune.articles.api.BodyFormat;

/**
 * Writes a few original articles, with their authors, sections and tags, on the very first start so
 * that a newcomer sees a real site. It runs only when the site has no article at all and demo
 * content was not removed for good ({@link ArticlesSetting#DEMO_CONTENT}), in one transaction; a
 * second node racing on the same empty database fails on the unique slugs and rolls back, so the
 * content exists once. Each article gets its revision 1, saved by {@code "system"}: that is how
 * {@link DefaultDemoContentService} tells an untouched demo article from an edited one.
 */
@ApplicationScoped
public class DemoContent {
  private static final Logger LOG = Logger.getLogger(DemoContent.class.getName());
  static final String SYSTEM = "system";

  @Inject @ArticlesDatabase private EntityManager em;

  @Inject private BodyRenderer renderer;
  @Inject private SearchIndex searchIndex;

  private final Clock clock = Clock.systemUTC();

  /** Whether demo content was removed for good from the console. */
  boolean isOff() {
    ArticlesSetting setting = em.find(ArticlesSetting.class, ArticlesSetting.DEMO_CONTENT);
    return setting != null && ArticlesSetting.OFF.equals(setting.getValue());
  }

  /**
   * Writes the demo content if the site has no article (pages, such as the legal ones drafted on
   * the first start, do not count) and it is not off; returns the article count.
   */
  @Transactional
  public int createIfSiteIsEmpty() {
    if (isOff()
        || em.createQuery("SELECT COUNT(a) FROM Article a WHERE a.pagePath IS NULL", Long.class)
                .getSingleResult()
            > 0) {
      return 0;
    }
    DemoSet demo = DemoSet.shipped();
    Instant now = clock.instant();
    Map<String, Author> authors = new HashMap<>();
    demo.authors()
        .forEach(
            (name, bio) -> {
              Author author = new Author(Slugs.of(name), name, bio);
              em.persist(author);
              authors.put(name, author);
            });
    Map<String, Section> sections = new HashMap<>();
    Map<String, Tag> tags = new HashMap<>();
    for (DemoArticle article : demo.articles()) {
      List<Author> byline = new ArrayList<>();
      for (String name : article.authors()) {
        byline.add(authors.get(name));
      }
      // Written when it was published, so that it does not read as "updated" today.
      Instant at = now.minus(Duration.ofHours(article.hoursAgo())).truncatedTo(ChronoUnit.MINUTES);
      Article written =
          new Article(
              Slugs.of(article.title()),
              new Article.Content(
                  article.title(),
                  article.standfirst(),
                  BodyFormat.MARKDOWN,
                  article.body(),
                  renderer.render(BodyFormat.MARKDOWN, article.body()),
                  byline,
                  section(article.section(), sections),
                  article.tags().stream().map(name -> tag(name, tags)).toList(),
                  null,
                  null,
                  true,
                  null),
              at);
      written.publish(at, at);
      em.persist(written);
      em.flush();
      searchIndex.index(written);
      em.persist(new Revision(written, 1, SYSTEM, at));
    }
    LOG.info(
        "The site was empty: demo articles created (tribune.demo-content=false, or removing them"
            + " in the console's settings, turns this off)");
    return demo.articles().size();
  }

  private Section section(List<String> path, Map<String, Section> sections) {
    Section parent = null;
    for (String name : path) {
      Section current = sections.get(name);
      if (current == null) {
        current = new Section(Slugs.of(name), name, "", parent, sections.size() + 1);
        em.persist(current);
        sections.put(name, current);
      }
      parent = current;
    }
    return parent;
  }

  private Tag tag(String name, Map<String, Tag> tags) {
    return tags.computeIfAbsent(
        name,
        n -> {
          Tag tag = new Tag(Slugs.of(n), n, "");
          em.persist(tag);
          return tag;
        });
  }
}
