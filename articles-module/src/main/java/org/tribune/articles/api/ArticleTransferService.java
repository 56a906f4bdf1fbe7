package org.tribune.articles.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Moves a site in and out: writes articles, sections, tags and authors exactly as another platform
 * had them (dates, statuses, HTML bodies), and reads everything back for a full export. Inject it
 * with CDI. The web module's importers and exporters are its callers; the console is not.
 *
 * <p>Every write joins the caller's transaction when there is one (an importer writes an article,
 * its tags and its comments in one transaction, so that a crash never leaves half an article), and
 * runs in its own otherwise. Nothing here fires {@link ArticlePublished}: an imported article is
 * not news. {@link ArticleChanged} fires as for any save, so caches forget what they held.
 */
public interface ArticleTransferService {

  /** At most this many articles per {@link #export} call. */
  int MAX_EXPORT_BATCH = 200;

  /**
   * The section with this slug, created when there is none (with the name, description and parent
   * given; an existing one is left as it is). A slug that is not a valid one is made from the name.
   *
   * @return the section's id
   */
  long importSection(@NotNull @Valid ImportedSection section);

  /**
   * The tag with this slug (or, failing that, this name), created when there is none.
   *
   * @return the tag's id
   */
  long importTag(
      @Size(max = ArticleLimits.SLUG_LENGTH) String slug,
      @NotBlank @Size(max = ArticleLimits.NAME_LENGTH) String name,
      @Size(max = ArticleLimits.DESCRIPTION_LENGTH) String description);

  /**
   * The author with this e-mail address (case-insensitive), or else with the slug of this login,
   * created when there is neither (slug from the login, else from the name).
   *
   * @return the author's id
   */
  long importAuthor(@NotNull @Valid ImportedAuthor author);

  /**
   * Writes a new article as given: status, dates, HTML or Markdown body (rendered and sanitised as
   * any body is), sticky flag. Its first revision is saved by {@link ImportedArticle#importedBy}.
   * The slug asked for is normalised to a valid one (from the title when nothing is left, then
   * {@code article}) and made unique with {@code -2}, {@code -3}… when another article has it.
   */
  ArticleKey create(@NotNull @Valid ImportedArticle article);

  /**
   * Replaces an imported article's content, status and dates with a newer version from the source,
   * as a new revision — unless somebody changed the article since it was written or last updated
   * here (its revision is no longer {@code expectedRevision}), in which case nothing is changed.
   *
   * @return the article's key after the update; empty when it was left alone (edited here, or gone)
   */
  Optional<ArticleKey> update(
      long articleId, int expectedRevision, @NotNull @Valid ImportedArticle article);

  /** The key of an article (trashed ones included), to tell whether an import's target is there. */
  Optional<ArticleKey> key(long articleId);

  /** Every section, parents before their children. */
  List<ExportedSection> sections();

  /** Every tag, by slug. */
  List<Tag> tags();

  /** Every author, by slug. */
  List<ExportedAuthor> authors();

  /** The ids of every article, whatever its status, oldest first (creation, then id). */
  List<Long> articleIds();

  /**
   * These articles whole (every status), with their revisions and former slugs, in the order of the
   * ids given; unknown ids are left out.
   */
  List<ExportedArticle> export(@NotNull @Size(max = MAX_EXPORT_BATCH) List<Long> articleIds);

  /**
   * Every former slug of articles, pages, sections, tags and authors, by kind, then target, then
   * date replaced.
   */
  List<FormerAddress> formerAddresses();

  /** The module's stored settings ({@code articles_setting}), by name. */
  Map<String, String> settings();
}
