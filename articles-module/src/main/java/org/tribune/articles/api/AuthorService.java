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

  /** All authors, by name, with how many articles (any status) each signs. */
  List<AuthorUsage> allWithCounts();

  /**
   * Changes an author's name and biography. When the new name gives another slug, the profile moves
   * there (numbered when taken) and the former slug is kept, which {@link #currentSlug} answers.
   *
   * @throws IllegalArgumentException if no author has this id
   */
  void update(
      long id,
      @NotBlank @Size(max = ArticleLimits.NAME_LENGTH) String name,
      @Size(max = ArticleLimits.DESCRIPTION_LENGTH) String bio);

  /**
   * Deletes an author who signs no article.
   *
   * @throws InUseException if articles (any status) are signed by them
   */
  void delete(long id);

  /** The current slug of the author who formerly had this one. */
  Optional<String> currentSlug(@NotNull String formerSlug);
}
