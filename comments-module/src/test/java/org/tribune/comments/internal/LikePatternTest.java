package org.tribune.comments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LikePatternTest {

  @Test
  void wildcardsAndTheEscapeCharacterTypedByAModeratorMatchOnlyThemselves() {
    assertEquals("%100!% sûr%", LikePattern.containing("100% sûr"));
    assertEquals("%a!_b%", LikePattern.containing("a_b"));
    assertEquals("%oh!!%", LikePattern.containing("Oh!"));
  }

  @Test
  void aBackslashIsAnOrdinaryCharacter() {
    assertEquals("%c:\\temp%", LikePattern.containing("C:\\Temp"));
  }
}
