package org.tribune.articles.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A section (a category of the source) to find by slug or create; parent by id, or null. */
public record ImportedSection(
    @Size(max = ArticleLimits.SLUG_LENGTH) String slug,
    @NotBlank @Size(max = ArticleLimits.NAME_LENGTH) String name,
    @Size(max = ArticleLimits.DESCRIPTION_LENGTH) String description,
    Long parentId) {

  public ImportedSection {
    description = description == null ? "" : description;
  }
}
