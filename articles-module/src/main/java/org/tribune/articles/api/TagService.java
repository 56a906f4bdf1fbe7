package org.tribune.articles.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/** Tags (keywords). */
public interface TagService {

  /**
   * The tag with this name's slug, created if it does not exist yet; returns its id. A slug that a
   * tag had before (renamed, or merged into another) gives the tag that has it now.
   */
  long findOrCreate(
      @NotBlank @Size(max = ArticleLimits.NAME_LENGTH) String name,
      @Size(max = ArticleLimits.DESCRIPTION_LENGTH) String description);

  Optional<Tag> findBySlug(@NotNull String slug);

  Optional<Tag> find(long id);

  /** Every tag, by name, with how many articles carry it. */
  List<TagUsage> all();

  /**
   * Renames a tag; a changed slug keeps the former one, which {@link #currentSlug} answers.
   *
   * @param slug the new slug, or {@code null}/blank to keep the current one
   * @throws SlugTakenException if another tag has, or had, that slug
   * @throws IllegalArgumentException if no tag has this id
   */
  void rename(
      long id,
      @NotBlank @Size(max = ArticleLimits.NAME_LENGTH) String name,
      @Size(max = ArticleLimits.SLUG_LENGTH) @Pattern(regexp = ArticleLimits.SLUG_PATTERN)
          String slug,
      @Size(max = ArticleLimits.DESCRIPTION_LENGTH) String description);

  /**
   * Merges one tag into another: the articles of {@code fromId} get {@code intoId} (once), then
   * {@code fromId} is deleted and its slugs (current and former) lead to {@code intoId}.
   *
   * @throws IllegalArgumentException if either tag does not exist, or they are the same
   */
  void merge(long fromId, long intoId);

  /**
   * Deletes a tag that no article carries.
   *
   * @throws InUseException if articles (any status) carry it
   */
  void delete(long id);

  /** The current slug of the tag that formerly had this one. */
  Optional<String> currentSlug(@NotNull String formerSlug);
}
