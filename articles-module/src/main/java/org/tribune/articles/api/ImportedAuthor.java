package org.tribune.articles.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An author of the source: matched by e-mail address, then by login; created with the display name.
 * The e-mail address is kept (never shown) so that a later import matches the same author.
 */
public record ImportedAuthor(
    @Size(max = ArticleLimits.NAME_LENGTH) String login,
    @Size(max = 254) String email,
    @NotBlank @Size(max = ArticleLimits.NAME_LENGTH) String displayName,
    @Size(max = ArticleLimits.DESCRIPTION_LENGTH) String bio) {

  public ImportedAuthor {
    bio = bio == null ? "" : bio;
  }
}
