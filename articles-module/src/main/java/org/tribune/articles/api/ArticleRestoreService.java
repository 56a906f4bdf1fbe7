package org.tribune.articles.api;

import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Takes back what {@link ArticleTransferService} exported, with its ids: a site restored from its
 * own export, where every old address keeps answering. Inject it with CDI; the web module's JSON
 * restore is its caller.
 *
 * <p>Every method joins the caller's transaction (the restore of a whole site is one transaction:
 * all or nothing) and writes rows as they were, without the checks and side effects of the editing
 * services: no event fires, no revision is added, nothing is renamed or re-rendered (the exported
 * HTML is kept), since the export came from a site that made them already. Callers write in this
 * order: {@link #clear} when replacing, settings, sections (parents first), tags, authors, media,
 * articles (any order), then {@link #restorePageParents}, {@link #restoreFormerAddresses}, {@link
 * #restoreFrontPage} and {@link #finish}; after the commit, {@link #forgetCopies}.
 */
public interface ArticleRestoreService {

  /**
   * Whether the module holds anything a restore would replace: an article that is not untouched
   * demo content nor a page the site drafted itself and nobody touched (a new site's legal pages: a
   * draft at its first revision, saved by {@code system}), or an item of the media library.
   * Sections, tags and authors alone (the demo's, or left empty) do not count.
   */
  boolean holdsContent();

  /**
   * Deletes everything the module keeps: articles with their revisions, slugs and search terms,
   * sections, tags, authors, former slugs, the front page, the media library's records (its files
   * stay in the store: the restore puts back those it needs, and a file shared by no record is
   * never served) and the module's settings.
   */
  void clear();

  /** The module's stored settings as they are written ({@code articles_setting}). */
  void restoreSettings(@NotNull Map<String, String> settings);

  /** A section with its id; its parent, if any, was restored before it. */
  void restoreSection(@NotNull ExportedSection section);

  /** A tag with its id. */
  void restoreTag(@NotNull Tag tag);

  /** An author with its id. */
  void restoreAuthor(@NotNull ExportedAuthor author);

  /**
   * An item of the media library with its id and description, and its original: the file is checked
   * against the item's hash, stored, and the site's widths are made from it again.
   *
   * @param original the original's bytes, read here; the caller deletes the file afterwards
   * @throws MediaRejectedException when the file is not the item's (another hash) or not an image
   *     the library takes
   */
  void restoreMedia(@NotNull MediaItem item, @NotNull Path original) throws IOException;

  /**
   * Articles and pages with their ids, revisions, authors, tags, lead media, page options and
   * flags, as exported; their search terms and media uses are made again. A page's parent is set by
   * {@link #restorePageParents} (a parent may come later in the export).
   */
  void restoreArticles(@NotNull List<ExportedArticle> articles);

  /** Each page's parent page, by id. */
  void restorePageParents(@NotNull Map<Long, Long> parentOfPage);

  /** Every former slug of articles, pages, sections, tags and authors. */
  void restoreFormerAddresses(@NotNull List<FormerAddress> addresses);

  /** The front page's places. */
  void restoreFrontPage(@NotNull List<Featured> places);

  /**
   * Ends a restore, in its transaction: the id sequences continue after the highest restored id.
   */
  void finish();

  /**
   * After the restore's transaction committed: every copy of the module's objects kept in memory
   * (entity caches, blocks of ids taken from the sequences) is dropped, on this node.
   */
  void forgetCopies();
}
