package org.tribune.comments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {

  @Test
  void tokensAreLongRandomAndUrlSafe() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      String token = Tokens.newToken();
      assertEquals(43, token.length());
      assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
      assertTrue(seen.add(token));
    }
  }

  @Test
  void hashesAreHexSha256() {
    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.sha256("abc"));
  }

  @Test
  void aTokenMatchesOnlyItsOwnHash() {
    String token = Tokens.newToken();
    String hash = Tokens.sha256(token);
    assertTrue(Tokens.matches(token, hash));
    assertFalse(Tokens.matches(Tokens.newToken(), hash));
    assertFalse(Tokens.matches(hash, hash), "the hash itself is no token");
    assertFalse(Tokens.matches(token, hash.toUpperCase()));
    assertFalse(Tokens.matches(null, hash));
    assertFalse(Tokens.matches(token, null));
    assertFalse(Tokens.matches("", Tokens.sha256("")));
  }

  @Test
  void addressHashesDependOnTheSaltAndNeverShowTheAddress() {
    String hash = Tokens.addressHash("sel", "203.0.113.7");
    assertEquals(64, hash.length());
    assertFalse(hash.contains("203"));
    assertEquals(hash, Tokens.addressHash("sel", " 203.0.113.7 "));
    assertNotEquals(hash, Tokens.addressHash("autre sel", "203.0.113.7"));
    assertNotEquals(hash, Tokens.addressHash("sel", "203.0.113.8"));
    assertEquals(Tokens.addressHash("sel", ""), Tokens.addressHash("sel", null));
  }
}
