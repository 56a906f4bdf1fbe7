package org.tribune.articles.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
}
