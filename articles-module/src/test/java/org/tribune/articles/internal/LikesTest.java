package org.tribune.articles.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LikesTest {

  @Test
  void wildcardsTypedByAUserAreEscaped() {
    assertEquals("%100!%!_sur!_100%", Likes.containing("100%_SUR_100"));
    assertEquals("a!!b%", Likes.startingWith("a!b"));
  }

  @Test
  void plainTextIsLowerCasedAndSurrounded() {
    assertEquals("%élection%", Likes.containing("Élection"));
  }
}
