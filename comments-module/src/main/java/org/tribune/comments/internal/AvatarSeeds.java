package org.tribune.comments.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HexFormat;

/**
 * The seed of a commenter's avatar: 16 hexadecimal digits of a hash of their e-mail address (their
 * name for comments without one) keyed by the site's secret salt. The same author gets the same
 * picture on every comment, and nobody without the salt can tell an address from it (unlike
 * Gravatar's plain hash of the address). No third party is asked for anything.
 */
@ApplicationScoped
class AvatarSeeds {
  static final int LENGTH = 16;

  @Inject private AddressHasher addresses;

  /** The seed, or {@code null} for an erased comment (no name, no address). */
  String of(Comment comment) {
    String who = comment.getEmail() != null ? comment.getEmail() : comment.getAuthorName();
    if (who == null || who.isBlank()) {
      return null;
    }
    String key = HexFormat.of().formatHex(addresses.key("avatar"));
    return Tokens.sha256(key + "\u0000" + who).substring(0, LENGTH);
  }
}
