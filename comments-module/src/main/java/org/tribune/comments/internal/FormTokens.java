package org.tribune.comments.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed tokens for the comment forms: {@code <rendered-at millis>.<HMAC-SHA256 hex>} over the
 * article id, the instant and the visitor's nonce (a cookie of theirs). A token proves when the
 * form was rendered (the "faster than a human" check) and that it was rendered for this visitor
 * (another site cannot make their browser post: it can read neither the cookie nor the token). The
 * key comes from the site's stored salt, so every node accepts every node's tokens.
 */
@ApplicationScoped
public class FormTokens {
  /** A form older than this is refused: a day is long enough to write a comment. */
  static final Duration MAX_AGE = Duration.ofDays(1);

  private static final String PURPOSE = "comment-form";

  @Inject AddressHasher hasher;

  Clock clock = Clock.systemUTC();

  String issue(long articleId, String nonce) {
    long now = clock.millis();
    return now + "." + sign(articleId, now, nonce);
  }

  Optional<Duration> age(long articleId, String nonce, String token) {
    if (token == null || nonce == null || nonce.isEmpty() || token.length() > 100) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot < 1) {
      return Optional.empty();
    }
    long rendered;
    try {
      rendered = Long.parseLong(token.substring(0, dot));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    byte[] expected = sign(articleId, rendered, nonce).getBytes(StandardCharsets.US_ASCII);
    byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, given)) {
      return Optional.empty();
    }
    Duration age = Duration.between(Instant.ofEpochMilli(rendered), clock.instant());
    return age.isNegative() || age.compareTo(MAX_AGE) > 0 ? Optional.empty() : Optional.of(age);
  }

  private String sign(long articleId, long renderedAt, String nonce) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(hasher.key(PURPOSE), "HmacSHA256"));
      byte[] signature =
          mac.doFinal(
              (articleId + "\u0000" + renderedAt + "\u0000" + nonce)
                  .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(signature);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
    }
  }
}
