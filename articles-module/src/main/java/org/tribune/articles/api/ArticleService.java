package org.tribune.articles.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes articles and reads them for the public pages. Inject it with CDI.
 *
 * <p>"Readable" means what a visitor may see: published, scheduled whose instant has come, or
 * archived. "Listed" means readable and not archived: what appears on the home page, section, tag
 * and author pages. Page numbers start at 1; a page past the end is empty.
 */
public interface ArticleService {

  /** Largest page a caller may ask for in one call. */
  int MAX_PAGE_SIZE = 100;

  /**
   * Stores a new draft and returns its id.
   *
   * @throws SlugTakenException if the draft names a slug already used by another article
   * @throws IllegalArgumentException if an author, the section or a tag does not exist
   */
  long create(@NotNull @Valid ArticleDraft draft);

  /**
   * Changes an article; its revision goes up and its body is rendered again. A changed slug keeps
   * the former one as a permanent redirect.
   *
   * @throws ArticleNotFoundException if no article has this id
   * @throws SlugTakenException if the new slug is used by another article
   */
  void update(long articleId, @NotNull @Valid ArticleDraft draft);

  /**
   * Publishes an article at an instant: now or in the past makes it readable at once; in the future
   * schedules it, and it becomes readable at that instant without anyone acting. Drafts and
   * articles pending review may be published; an article in the bin must be restored first.
   *
   * @throws IllegalStateException if the article is in the bin ({@link ArticleStatus#TRASHED})
   */
  void publish(long articleId, @NotNull Instant at);

  /** Takes a readable article off the lists, keeping it at its address and in the archives. */
  void archive(long articleId);

  /** Makes an article a draft again, invisible to readers. */
  void unpublish(long articleId);

  /**
   * Deletes an article for good. Observers of {@link ArticleDeleted} run in the same transaction.
   *
   * @throws ArticleNotFoundException if no article has this id
   */
  void delete(long articleId);

  /** The article with this id, whatever its status. */
  Optional<ArticleSummary> find(long articleId);

  /** The readable article at this slug, with its rendered body and neighbours. */
  Optional<ArticleView> findReadable(@NotNull String slug);

  /**
   * The readable article at this slug, without its body and neighbours: what a comment posted, a
   * vote or a page of the discussion needs.
   */
  Optional<ArticleSummary> findReadableSummary(@NotNull String slug);

  /**
   * The readable page at this path from the site's root ({@code a-propos/equipe}, no leading
   * slash), with its rendered body and its parents.
   */
  Optional<ArticleView> findReadablePage(@NotNull String path);

  /**
   * Where a readable page is now, for an address that no page has: the path of the page whose slug,
   * current or former, is the address's last segment (it was renamed or moved under another
   * parent).
   */
  Optional<String> currentPagePath(@NotNull String path);

  /** Every page not in the bin, ordered by path (so a parent comes just before its sub-pages). */
  List<PageRef> pages();

  /** The current slug of the readable article that formerly had this one. */
  Optional<String> currentSlug(@NotNull String formerSlug);

  /** Listed articles, newest first. */
  Page<ArticleSummary> latest(@Min(1) int page, @Min(1) @Max(MAX_PAGE_SIZE) int size);

  /** Listed articles of a section and of its sub-sections, newest first. */
  Page<ArticleSummary> inSection(
      long sectionId, @Min(1) int page, @Min(1) @Max(MAX_PAGE_SIZE) int size);

  /** Listed articles with a tag, newest first. */
  Page<ArticleSummary> withTag(long tagId, @Min(1) int page, @Min(1) @Max(MAX_PAGE_SIZE) int size);

  /** Listed articles signed by an author, newest first. */
  Page<ArticleSummary> byAuthor(
      long authorId, @Min(1) int page, @Min(1) @Max(MAX_PAGE_SIZE) int size);

  /** Readable articles (archived included) published in {@code [from, to)}, oldest first. */
  Page<ArticleSummary> publishedBetween(
      @NotNull Instant from,
      @NotNull Instant to,
      @Min(1) int page,
      @Min(1) @Max(MAX_PAGE_SIZE) int size);

  /**
   * Listed articles matching a query, best first: every term of the query must appear in the title,
   * standfirst or body (see {@link SearchTerms}); the title weighs most. A query without any usable
   * term gives an empty page.
   */
  Page<ArticleSummary> search(String query, @Min(1) int page, @Min(1) @Max(MAX_PAGE_SIZE) int size);

  /**
   * The newest listed articles with their bodies, for feeds.
   *
   * @param sectionId a section (its sub-sections included), or {@code null} for the whole site
   */
  List<ArticleContent> feed(Long sectionId, @Min(1) @Max(MAX_PAGE_SIZE) int limit);

  /** Every readable article, for the sitemap. */
  List<SitemapEntry> sitemap();

  /** Whether the article is readable and open to comments. */
  boolean acceptsComments(long articleId);

  /** Whether the article is readable. */
  boolean isReadable(long articleId);

  /** Which of these articles are readable, in one query (for lists that mix many articles). */
  Set<Long> readable(@NotNull Collection<Long> articleIds);

  /**
   * The readable articles among these ids, by id, in a fixed number of queries whatever their
   * number (for lists of comments that name their articles).
   */
  Map<Long, ArticleSummary> readableSummaries(@NotNull Collection<Long> articleIds);

  /**
   * Marks scheduled articles whose instant has come as published and fires {@link ArticlePublished}
   * once for each, even when several nodes do it at the same time. Readers see them from their
   * instant on whether or not this has run; it keeps statuses true for the console and drives the
   * side effects. Runs by itself every few seconds.
   *
   * @return how many articles this call published
   */
  int publishDueArticles();

  /** How many articles exist, whatever their status. */
  long count();
}
