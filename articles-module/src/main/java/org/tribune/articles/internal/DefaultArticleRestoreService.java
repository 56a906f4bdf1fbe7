package org.tribune.articles.internal;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import jakarta.validation.executable.ValidateOnExecution;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.tribune.articles.api.ArticleRestoreService;
import org.tribune.articles.api.DemoContentService;
import org.tribune.articles.api.ExportedArticle;
import org.tribune.articles.api.ExportedAuthor;
import org.tribune.articles.api.ExportedSection;
import org.tribune.articles.api.Featured;
import org.tribune.articles.api.FormerAddress;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaRejectedException;
import org.tribune.articles.api.Tag;

/**
 * The {@link ArticleRestoreService}: rows written with plain JDBC ({@link ArticleTables}) on the
 * data source's connection, which inside the caller's JTA transaction is the one the persistence
 * unit uses too. Not through entities: a restore writes ids of its own, tens of thousands of rows
 * per batch of articles, and none of the editing services' rules or events apply (the export came
 * from a site that applied them). Every write needs the caller's transaction ({@code MANDATORY}): a
 * restore is all or nothing, and a write outside one would be committed alone.
 *
 * <p>The restore's parts that are rules rather than rows are the module's own: which articles are
 * untouched demo content ({@link DemoContentService}), the word count ({@link BodyRenderer}), the
 * search index ({@link SearchIndex}), the media uses ({@link Article#mediaShown}), revisions'
 * author and tag lists ({@link Revision}), and the media library's files and row ({@link
 * MediaRestore}).
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
@ValidateOnExecution
public class DefaultArticleRestoreService implements ArticleRestoreService {
  private static final Logger LOG = Logger.getLogger(DefaultArticleRestoreService.class.getName());

  @Resource(lookup = "java:app/jdbc/tribune")
  private DataSource dataSource;

  @Inject private DemoContentService demoContent;
  @Inject private MediaRestore media;
  @Inject private ArticlesPersistence persistence;

  /** A read may come before the restore's transaction, or inside it. */
  @Override
  @Transactional(TxType.REQUIRED)
  public boolean holdsContent() {
    return read("media count", ArticleTables::hasMedia)
        || read("article count", ArticleTables::articleCount)
            > demoContent.demoContent().remaining()
                + read("untouched drafts", ArticleTables::untouchedSystemDrafts);
  }

  @Override
  public void clear() {
    write("clear", ArticleTables::clear);
  }

  @Override
  public void restoreSettings(Map<String, String> settings) {
    write("settings", tables -> tables.settings(settings));
  }

  @Override
  public void restoreSection(ExportedSection section) {
    write("section " + section.id(), tables -> tables.section(section));
  }

  @Override
  public void restoreTag(Tag tag) {
    write("tag " + tag.id(), tables -> tables.tag(tag));
  }

  @Override
  public void restoreAuthor(ExportedAuthor author) {
    write("author " + author.id(), tables -> tables.author(author));
  }

  /**
   * A refused file leaves the caller's transaction as it was: nothing of the item was written, and
   * the caller decides whether the restore goes on without it.
   */
  @Override
  @Transactional(value = TxType.MANDATORY, dontRollbackOn = MediaRejectedException.class)
  public void restoreMedia(MediaItem item, Path original) throws IOException {
    ArticleTables.MediaRow row = media.store(item, original);
    write("media item " + item.id(), tables -> tables.media(row));
  }

  @Override
  public void restoreArticles(List<ExportedArticle> articles) {
    if (!articles.isEmpty()) {
      write(
          "articles " + articles.get(0).id() + "…" + articles.get(articles.size() - 1).id(),
          tables -> tables.articles(articles));
    }
  }

  @Override
  public void restorePageParents(Map<Long, Long> parentOfPage) {
    write("page parents", tables -> tables.pageParents(parentOfPage));
  }

  @Override
  public void restoreFormerAddresses(List<FormerAddress> addresses) {
    write("former addresses", tables -> tables.formerAddresses(addresses));
  }

  @Override
  public void restoreFrontPage(List<Featured> places) {
    write("front page", tables -> tables.frontPage(places));
  }

  @Override
  public void finish() {
    write(
        "sequences",
        tables -> {
          Map<String, Long> next = tables.continueSequences();
          LOG.info(() -> "Articles restored; the id sequences continue at " + next);
        });
  }

  /**
   * Needs no transaction: it comes after the restore's commit. Besides the entity copies and the
   * blocks of ids, the media library's names of known files go: a name of the former content may
   * have no item now, while its file is still in the store. The settings, the demo content's state
   * and the listings' former slugs are read from the database each time, so nothing else is kept.
   */
  @Override
  @Transactional(TxType.SUPPORTS)
  public void forgetCopies() {
    persistence.forget();
    persistence.forgetIdBlocks();
    media.forgetCopies();
  }

  /** Runs one step on the transaction's connection; a failure is the transaction's end. */
  private void write(String what, Step step) {
    read(
        what,
        tables -> {
          step.run(tables);
          return null;
        });
  }

  private <T> T read(String what, Query<T> query) {
    try (Connection connection = dataSource.getConnection()) {
      return query.on(new ArticleTables(connection));
    } catch (SQLException e) {
      throw new PersistenceException("Restore of the articles: " + what + " failed", e);
    }
  }

  /** A step of a restore, on the module's tables. */
  @FunctionalInterface
  private interface Step {
    void run(ArticleTables tables) throws SQLException;
  }

  /** A read of the module's tables. */
  @FunctionalInterface
  private interface Query<T> {
    T on(ArticleTables tables) throws SQLException;
  }
}
