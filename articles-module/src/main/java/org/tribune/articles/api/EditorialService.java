package org.tribune.articles.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the administrators' console does with articles, beside {@link ArticleService} (which it
 * still uses to publish, schedule, archive and unpublish). Inject it with CDI.
 *
 * <p>Every save stores a revision (numbered from 1 per article, with who saved it), so that the
 * history can be read, compared and restored. Saves, submissions and restorations name the version
 * they were based on: when someone else saved in between, they are refused with {@link
 * ConcurrentEditException} instead of overwriting the other person's work.
 *
 * <p>Neither {@link ArticleStatus#PENDING} nor {@link ArticleStatus#TRASHED} articles are readable.
 */
public interface EditorialService {

  /** Largest page a caller may ask for in one call. */
  int MAX_PAGE_SIZE = 100;

  /** A page of articles, without their bodies; the total counts with the same filter. */
  Page<ArticleRow> list(
      @NotNull ArticleFilter filter,
      @NotNull ArticleOrder order,
      @Min(1) int page,
      @Min(1) @Max(MAX_PAGE_SIZE) int size);

  /**
   * How many articles (or pages) have each status; every status is a key (0 when none).
   *
   * @param pages counts pages when {@code true}, articles when {@code false}
   */
  Map<ArticleStatus, Long> countByStatus(boolean pages);

  /** The article with its current content, whatever its status. */
  Optional<ArticleEdit> forEditing(long articleId);

  /**
   * Stores a new draft and its revision 1; returns its id.
   *
   * @throws SlugTakenException if the draft names a slug used (now or formerly) by another article
   * @throws IllegalArgumentException if an author, the section or a tag does not exist
   */
  long create(@NotNull @Valid ArticleDraft draft, @NotNull String editor);

  /**
   * Replaces an article's content and stores it as a new revision.
   *
   * @return the article's new version
   * @throws ConcurrentEditException if the article is no longer at {@code expectedVersion}
   * @throws ArticleNotFoundException if no article has this id
   * @throws SlugTakenException if the new slug is used (now or formerly) by another article
   */
  long save(
      long articleId,
      long expectedVersion,
      @NotNull @Valid ArticleDraft draft,
      @NotNull String editor);

  /**
   * Submits a draft for review: it becomes {@link ArticleStatus#PENDING}.
   *
   * @throws ConcurrentEditException if the article is no longer at {@code expectedVersion}
   * @throws IllegalStateException if it is not a draft
   */
  void submit(long articleId, long expectedVersion);

  /**
   * Puts an article in the bin, whatever its status; it leaves the public site at once. Its former
   * status and publication instant are forgotten.
   */
  void trash(long articleId);

  /**
   * Takes an article out of the bin, as a draft.
   *
   * @throws IllegalStateException if it is not in the bin
   */
  void restore(long articleId);

  /**
   * Deletes an article in the bin for good, with its history; observers of {@link ArticleDeleted}
   * run in the same transaction, as for {@link ArticleService#delete}.
   *
   * @throws IllegalStateException if it is not in the bin
   */
  void deleteForGood(long articleId);

  /** The article's revisions, newest first; empty if there is no such article. */
  List<RevisionInfo> revisions(long articleId);

  /** One revision's content, as it was saved. */
  Optional<RevisionContent> revision(long articleId, int number);

  /**
   * The line differences from one revision to another of the source: the title and the standfirst
   * are its first two lines, then the Markdown or HTML body line by line.
   *
   * @throws IllegalArgumentException if either revision does not exist
   */
  List<DiffLine> diff(long articleId, int fromNumber, int toNumber);

  /**
   * Saves an older revision's content as a new revision (authors, tags or section deleted since are
   * left out).
   *
   * @return the article's new version
   * @throws ConcurrentEditException if the article is no longer at {@code expectedVersion}
   * @throws IllegalArgumentException if the revision does not exist
   */
  long restoreRevision(long articleId, int number, long expectedVersion, @NotNull String editor);

  /**
   * A body rendered exactly as the public page would show it once saved: sanitised HTML, safe to
   * print as is.
   */
  String preview(@NotNull BodyFormat format, String body);

  /**
   * Tags whose name (or slug) starts with {@code prefix}, any case and accents, by name; for
   * completion while typing.
   */
  List<TagRef> suggestTags(@NotNull String prefix, @Min(1) @Max(50) int limit);
}
