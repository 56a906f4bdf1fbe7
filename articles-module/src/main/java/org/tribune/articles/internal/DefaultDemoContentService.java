package org.tribune.articles.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.tribune.articles.api.ArticleDeleted;
import org.tribune.articles.api.DemoContentService;
import org.tribune.articles.api.DemoContentStatus;

/**
 * The JPA-backed {@link DemoContentService}. Demo articles, authors, sections and tags are found by
 * the slugs of the shipped demo files ({@link DemoSet}); an article is still demo content while its
 * only revision is number 1 saved by {@code "system"}. Removal locks the {@code demo-content} row
 * of {@code articles_setting} first, so that two administrators removing at once do it once.
 */
@ApplicationScoped
@Transactional
public class DefaultDemoContentService implements DemoContentService {
  private static final Logger LOG = Logger.getLogger(DefaultDemoContentService.class.getName());

  @Inject @ArticlesDatabase private EntityManager em;
  @Inject private DemoContent demoContent;
  @Inject private ListingSlugs slugs;
  @Inject private Event<ArticleDeleted> deleted;

  @Override
  public DemoContentStatus demoContent() {
    List<Article> candidates = candidates(DemoSet.shipped());
    Set<Long> edited = edited(candidates);
    return new DemoContentStatus(
        candidates.size() - edited.size(), edited.size(), demoContent.isOff());
  }

  @Override
  public int removeDemoContent() {
    ArticlesSetting setting =
        em.find(
            ArticlesSetting.class, ArticlesSetting.DEMO_CONTENT, LockModeType.PESSIMISTIC_WRITE);
    if (setting == null) {
      setting = new ArticlesSetting(ArticlesSetting.DEMO_CONTENT, ArticlesSetting.OFF);
      em.persist(setting);
    }
    DemoSet demo = DemoSet.shipped();
    List<Article> candidates = candidates(demo);
    Set<Long> edited = edited(candidates);
    int removed = 0;
    for (Article article : candidates) {
      if (!edited.contains(article.getId())) {
        // As ArticleService.delete: observers (the comments) delete their part in this transaction.
        deleted.fire(new ArticleDeleted(article.getId()));
        em.remove(article);
        removed++;
      }
    }
    em.flush();
    int authors = removeUnusedAuthors(demo.authorSlugs());
    int sections = removeUnusedSections(demo.sectionSlugsChildrenFirst());
    int tags = removeUnusedTags(demo.tagSlugs());
    setting.change(ArticlesSetting.OFF);
    int articles = removed;
    LOG.info(
        () ->
            String.format(
                "Demo content off for good: %d articles, %d authors, %d sections, %d tags removed;"
                    + " %d edited articles kept",
                articles, authors, sections, tags, edited.size()));
    return removed;
  }

  @Override
  public int createIfSiteIsEmpty() {
    return demoContent.createIfSiteIsEmpty();
  }

  /** Articles whose slug is a demo one, edited or not. */
  private List<Article> candidates(DemoSet demo) {
    return em.createQuery("SELECT a FROM Article a WHERE a.slug IN :slugs", Article.class)
        .setParameter("slugs", List.copyOf(demo.articleSlugs()))
        .getResultList();
  }

  /**
   * Of these articles, those someone has saved since the demo content wrote them: a revision past
   * the first, or one not saved by the system (an article written before demo content had a history
   * gets revision 1 at its first save in the console).
   */
  private Set<Long> edited(List<Article> articles) {
    if (articles.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        em.createQuery(
                "SELECT DISTINCT r.articleId FROM Revision r WHERE r.articleId IN :ids"
                    + " AND (r.number > 1 OR r.savedBy <> :system)",
                Long.class)
            .setParameter("ids", articles.stream().map(Article::getId).toList())
            .setParameter("system", DemoContent.SYSTEM)
            .getResultList());
  }

  private int removeUnusedAuthors(Set<String> demoSlugs) {
    int removed = 0;
    for (Author author : bySlug(Author.class, "ArticleAuthor", demoSlugs)) {
      long uses =
          em.createQuery(
                  "SELECT COUNT(a) FROM Article a JOIN a.authors w WHERE w.id = :id", Long.class)
              .setParameter("id", author.getId())
              .getSingleResult();
      if (uses == 0) {
        slugs.forget(FormerListingSlug.Kind.AUTHOR, author.getId());
        em.remove(author);
        removed++;
      }
    }
    return removed;
  }

  private int removeUnusedSections(List<String> demoSlugsChildrenFirst) {
    int removed = 0;
    for (String slug : demoSlugsChildrenFirst) {
      for (Section section : bySlug(Section.class, "ArticleSection", Set.of(slug))) {
        long uses =
            em.createQuery("SELECT COUNT(a) FROM Article a WHERE a.section.id = :id", Long.class)
                .setParameter("id", section.getId())
                .getSingleResult();
        long children =
            em.createQuery(
                    "SELECT COUNT(s) FROM ArticleSection s WHERE s.parent.id = :id", Long.class)
                .setParameter("id", section.getId())
                .getSingleResult();
        if (uses == 0 && children == 0) {
          slugs.forget(FormerListingSlug.Kind.SECTION, section.getId());
          em.remove(section);
          // The parent's count of sub-sections must see this one gone.
          em.flush();
          removed++;
        }
      }
    }
    return removed;
  }

  private int removeUnusedTags(Set<String> demoSlugs) {
    int removed = 0;
    for (Tag tag : bySlug(Tag.class, "ArticleTag", demoSlugs)) {
      long uses =
          em.createQuery(
                  "SELECT COUNT(a) FROM Article a JOIN a.tags t WHERE t.id = :id", Long.class)
              .setParameter("id", tag.getId())
              .getSingleResult();
      if (uses == 0) {
        slugs.forget(FormerListingSlug.Kind.TAG, tag.getId());
        em.remove(tag);
        removed++;
      }
    }
    return removed;
  }

  private <T> List<T> bySlug(Class<T> type, String entity, Set<String> demoSlugs) {
    return em.createQuery("SELECT e FROM " + entity + " e WHERE e.slug IN :slugs", type)
        .setParameter("slugs", List.copyOf(demoSlugs))
        .getResultList();
  }
}
