package org.tribune.web.console.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Map;

/**
 * Hashes and checks staff passwords with the platform's {@link Pbkdf2PasswordHash}, set to
 * PBKDF2-HMAC-SHA512 with 210 000 iterations (OWASP's 2023 advice for that function). The encoded
 * hash carries its own parameters, so raising them later keeps old hashes readable.
 */
@ApplicationScoped
public class Passwords {
  /** Shortest password accepted: long enough to resist guessing without a list of rules. */
  public static final int MIN_LENGTH = 10;

  /** Longest password accepted, so that hashing cannot be made arbitrarily slow. */
  public static final int MAX_LENGTH = 200;

  private static final String ALPHABET =
      "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  @Inject private Pbkdf2PasswordHash hash;

  private final SecureRandom random = new SecureRandom();

  @PostConstruct
  void configure() {
    hash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "16",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
  }

  public String hash(String password) {
    return hash.generate(password.toCharArray());
  }

  public boolean matches(String password, String encoded) {
    try {
      return hash.verify(password.toCharArray(), encoded);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Whether a password is acceptable; the console says why when it is not. */
  public static boolean isAcceptable(String password) {
    return password != null
        && password.codePointCount(0, password.length()) >= MIN_LENGTH
        && password.length() <= MAX_LENGTH
        && !password.isBlank();
  }

  /** A random password of 20 letters and digits (about 117 bits). */
  public String generate() {
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }
}
