package org.tribune.articles.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/** Sections (categories), nested one level. */
public interface SectionService {

  /**
   * Creates a section, at the end of its level.
   *
   * @param parentId a top section, or {@code null} to create a top section
   * @throws IllegalArgumentException if the parent is itself a sub-section or does not exist
   */
  long create(
      @NotBlank @Size(max = ArticleLimits.NAME_LENGTH) String name,
      @Size(max = ArticleLimits.DESCRIPTION_LENGTH) String description,
      Long parentId);

  Optional<Section> findBySlug(@NotNull String slug);

  /** Top sections in display order, each with its sub-sections. */
  List<Section> topSections();

  /** Every section, flat, in display order, with its parent and how many articles it files. */
  List<SectionUsage> all();

  /**
   * Renames a section; a changed slug keeps the former one, which {@link #currentSlug} answers.
   *
   * @param slug the new slug, or {@code null}/blank to keep the current one
   * @throws SlugTakenException if another section has, or had, that slug
   * @throws IllegalArgumentException if no section has this id
   */
  void rename(
      long id,
      @NotBlank @Size(max = ArticleLimits.NAME_LENGTH) String name,
      @Size(max = ArticleLimits.SLUG_LENGTH) @Pattern(regexp = ArticleLimits.SLUG_PATTERN)
          String slug,
      @Size(max = ArticleLimits.DESCRIPTION_LENGTH) String description);

  /**
   * Deletes a section that nothing uses.
   *
   * @throws InUseException if articles (any status) or sub-sections use it
   */
  void delete(long id);

  /** The current slug of the section that formerly had this one. */
  Optional<String> currentSlug(@NotNull String formerSlug);
}
