package org.tribune.articles.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/** Tags (keywords). */
public interface TagService {

  /** The tag with this name's slug, created if it does not exist yet; returns its id. */
  long findOrCreate(
      @NotBlank @Size(max = ArticleLimits.NAME_LENGTH) String name,
      @Size(max = ArticleLimits.DESCRIPTION_LENGTH) String description);

  Optional<Tag> findBySlug(@NotNull String slug);
}
