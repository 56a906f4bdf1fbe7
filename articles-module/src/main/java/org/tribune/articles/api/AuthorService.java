package org.tribune.articles.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

/** Authors' profiles. */
public interface AuthorService {

  /** Creates an author with a slug derived from the name (numbered when taken). */
  long create(
      @NotBlank @Size(max = ArticleLimits.NAME_LENGTH) String name,
      @Size(max = ArticleLimits.DESCRIPTION_LENGTH) String bio);

  Optional<Author> find(long authorId);

  Optional<Author> findBySlug(@NotNull String slug);

  /** All authors, by name. */
  List<Author> all();
}
