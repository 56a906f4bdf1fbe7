package org.tribune.comments.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Secrets given to visitors (edit tokens, subscription links) and the hashes stored in their place.
 * Only the hash of an edit token is kept, and tokens are checked by comparing hashes in constant
 * time, so neither a database reader nor a timing measurement learns a valid token.
 */
final class Tokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int TOKEN_BYTES = 32;

  private Tokens() {}

  /** A new random secret: 256 bits, URL-safe Base64 without padding (43 characters). */
  static String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The lower-case hex SHA-256 of a text's UTF-8 bytes (64 characters). */
  static String sha256(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** Whether {@code token} is the secret whose hash is {@code storedHash}, in constant time. */
  static boolean matches(String token, String storedHash) {
    if (token == null || storedHash == null || token.isEmpty()) {
      return false;
    }
    return MessageDigest.isEqual(
        sha256(token).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }

  /** The hash of a visitor's address under the site's salt; the address is never stored. */
  static String addressHash(String salt, String address) {
    return sha256(salt + "\u0000" + (address == null ? "" : address.strip()));
  }
}
