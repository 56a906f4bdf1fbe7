package org.tribune.web.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tribune.articles.api.ArticleKey;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.ArticleTransferService;
import org.tribune.articles.api.Featured;
import org.tribune.articles.api.FrontPageService;
import org.tribune.articles.api.ImportedArticle;
import org.tribune.comments.api.CommentTransferService;
import org.tribune.comments.api.ImportedComment;
import org.tribune.web.transfer.ImportLinks.Kind;
import org.tribune.web.transfer.ImportLinks.Link;

/**
 * Writes one imported article with its comments, and the rows that remember them, in one
 * transaction of its own: an import that stops (a bad file further on, a crash) leaves whole
 * articles or none, and running it again goes on where it stopped.
 */
@ApplicationScoped
public class ImportWriter {

  /** An article to write (null for comments on an article already here), and where it was. */
  public record ArticlePlan(
      String source,
      Kind kind,
      String sourceId,
      ImportedArticle article,
      Instant sourceModified,
      String oldPath,
      String oldSlug) {}

  /**
   * A comment to write; its {@code comment}'s article and parent ids are filled in here. The parent
   * is named by its id in the source ({@code null} at the top of a thread).
   */
  public record CommentPlan(String sourceId, String parentSourceId, ImportedComment comment) {}

  /**
   * What was written. {@code orphans}: comments whose parent was not found, put at the top; {@code
   * refused}: comments the discussion module refused (source id → why), left out.
   */
  public record Written(
      long articleId,
      String slug,
      boolean created,
      boolean updated,
      boolean editedHere,
      int commentsImported,
      int commentsUnchanged,
      List<String> orphans,
      Map<String, String> refused) {

    /** Puts what happened to the comments in the report. */
    void reportComments(ImportReport report) {
      report.count("comments", ImportReport.Outcome.IMPORTED, commentsImported);
      report.count("comments", ImportReport.Outcome.UNCHANGED, commentsUnchanged);
      for (String orphan : orphans) {
        report.warn("comments", orphan, "orphan");
      }
      refused.forEach((comment, why) -> report.skip("comments", comment, "refused", why));
    }
  }

  @Inject private ArticleTransferService articles;
  @Inject private CommentTransferService comments;
  @Inject private ImportLinks links;
  @Inject private FrontPageService frontPage;

  /**
   * Writes the article when it is new (or its earlier import was deleted since), updates it when
   * the source has a newer version and nobody edited it here, else leaves it; then writes the
   * comments not written before, parents first.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Written writeArticle(ArticlePlan plan, List<CommentPlan> commentPlans) {
    return write(plan, commentPlans);
  }

  /** An article and its comments, for {@link #writeArticles}. */
  public record Item(ArticlePlan plan, List<CommentPlan> comments) {}

  /**
   * Writes several articles (each as {@link #writeArticle} does) in one transaction: all of them,
   * or none when one fails — the caller then writes them one by one to set the failing one apart. A
   * commit per article was a sixth of an import's time.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public List<Written> writeArticles(List<Item> items) {
    List<Written> written = new ArrayList<>(items.size());
    for (Item item : items) {
      written.add(write(item.plan(), item.comments()));
    }
    return written;
  }

  /**
   * A post the old site stuck to its front page goes « À la une » here, after the ones there
   * already (once, when it arrives: what editors change afterwards is theirs). Only a published or
   * scheduled one: the front page shows readable articles only.
   */
  private void featureIfSticky(long articleId, ImportedArticle article) {
    if (!article.sticky()
        || !(article.status() == ArticleStatus.PUBLISHED
            || article.status() == ArticleStatus.SCHEDULED)) {
      return;
    }
    int next = frontPage.placed().size() + 1;
    if (next <= Featured.MAX_POSITION) {
      frontPage.feature(articleId, next, null);
    }
  }

  private Written write(ArticlePlan plan, List<CommentPlan> commentPlans) {
    Optional<Link> earlier = links.find(plan.source(), plan.kind(), plan.sourceId());
    Optional<ArticleKey> present = earlier.flatMap(link -> articles.key(link.targetId()));
    ArticleKey key;
    boolean created = false;
    boolean updated = false;
    boolean editedHere = false;
    Instant modified = plan.sourceModified();
    if (present.isEmpty()) {
      key = articles.create(plan.article());
      created = true;
      featureIfSticky(key.id(), plan.article());
    } else {
      key = present.get();
      Link link = earlier.get();
      boolean newer =
          modified != null
              && (link.sourceModified() == null || modified.isAfter(link.sourceModified()));
      if (newer && link.revision() != null) {
        Optional<ArticleKey> after = articles.update(key.id(), link.revision(), plan.article());
        if (after.isPresent()) {
          key = after.get();
          updated = true;
        } else {
          editedHere = true;
        }
      }
      if (!updated) {
        modified = link.sourceModified();
      }
    }
    links.save(
        List.of(
            new Link(
                plan.source(),
                plan.kind(),
                plan.sourceId(),
                key.id(),
                plan.oldPath(),
                plan.oldSlug(),
                modified,
                created || updated
                    ? key.revision()
                    : earlier.map(Link::revision).orElse(key.revision()))));
    // Rows of comments written before are kept when the article is, and found again; when the
    // article was deleted here and is written anew, its comments are too, over their old rows.
    List<Link> rows = new ArrayList<>();
    CommentsWritten c = comments(plan.source(), key.id(), commentPlans, !created, rows);
    if (created && earlier.isPresent()) {
      links.save(rows);
    } else {
      links.insert(rows);
    }
    return new Written(
        key.id(),
        key.slug(),
        created,
        updated,
        editedHere,
        c.imported,
        c.unchanged,
        c.orphans,
        c.refused);
  }

  /** Comments on an article already here (a Disqus thread), written as {@link #writeArticle}. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Written writeComments(String source, long articleId, List<CommentPlan> commentPlans) {
    List<Link> rows = new ArrayList<>();
    CommentsWritten c = comments(source, articleId, commentPlans, true, rows);
    links.insert(rows);
    return new Written(
        articleId, null, false, false, false, c.imported, c.unchanged, c.orphans, c.refused);
  }

  private record CommentsWritten(
      int imported, int unchanged, List<String> orphans, Map<String, String> refused) {}

  private CommentsWritten comments(
      String source, long articleId, List<CommentPlan> plans, boolean mayExist, List<Link> rows) {
    Set<String> wanted = new HashSet<>();
    for (CommentPlan plan : plans) {
      wanted.add(plan.sourceId());
      if (plan.parentSourceId() != null) {
        wanted.add(plan.parentSourceId());
      }
    }
    Map<String, Long> ids = new HashMap<>();
    Set<String> already = new HashSet<>();
    if (mayExist && !wanted.isEmpty()) {
      links
          .find(source, Kind.COMMENT, wanted)
          .forEach(
              (id, link) -> {
                ids.put(id, link.targetId());
                already.add(id);
              });
    }
    int imported = 0;
    int unchanged = 0;
    List<String> orphans = new ArrayList<>();
    Map<String, String> refused = new LinkedHashMap<>();
    for (CommentPlan plan : plans) {
      if (already.contains(plan.sourceId())) {
        unchanged++;
        continue;
      }
      Long parent = null;
      if (plan.parentSourceId() != null) {
        parent = ids.get(plan.parentSourceId());
        if (parent == null) {
          orphans.add(plan.sourceId());
        }
      }
      ImportedComment c = plan.comment();
      long id;
      try {
        // The module refuses before writing anything, and such a refusal leaves this
        // transaction usable (its dontRollbackOn): the comment is left out, the rest goes on.
        id =
            comments.create(
                new ImportedComment(
                    articleId,
                    parent,
                    c.authorName(),
                    c.email(),
                    c.website(),
                    c.bodyHtml(),
                    c.status(),
                    c.createdAt(),
                    c.address(),
                    c.userAgent(),
                    c.staff()));
      } catch (IllegalArgumentException | ConstraintViolationException e) {
        refused.put(plan.sourceId(), String.valueOf(e.getMessage()));
        orphans.remove(plan.sourceId());
        continue;
      }
      ids.put(plan.sourceId(), id);
      rows.add(new Link(source, Kind.COMMENT, plan.sourceId(), id, null, null, null, null));
      imported++;
    }
    return new CommentsWritten(imported, unchanged, orphans, refused);
  }
}
