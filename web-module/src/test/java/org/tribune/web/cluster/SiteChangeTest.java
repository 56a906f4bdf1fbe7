package org.tribune.web.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The text a change travels as between nodes, and what a node makes of a text it cannot read. */
class SiteChangeTest {

  @Test
  void discussionsTravelAsTheirArticleIds() {
    SiteChange change = SiteChange.discussions(Set.of(42L, 7L, 9_000_000_000L));
    assertEquals("7,42,9000000000", change.encoded());
    assertEquals(change, SiteChange.decoded(change.encoded()));
    assertFalse(change.isEverything());
  }

  @Test
  void everythingTravelsAsAStar() {
    assertEquals("*", SiteChange.everything().encoded());
    assertTrue(SiteChange.decoded("*").isEverything());
    assertTrue(SiteChange.discussions(Set.of()).isEverything(), "no article named: everything");
  }

  @Test
  void anUnreadableTextMeansEverything() {
    for (String text : new String[] {null, "", "  ", "12,x", "12,,13", "v2:12", "1e3"}) {
      assertTrue(SiteChange.decoded(text).isEverything(), () -> "'" + text + "'");
    }
  }

  @Test
  void tooManyArticlesAreSentAsEverything() {
    Set<Long> many =
        LongStream.rangeClosed(1, SiteChange.MOST_IDS + 1L).boxed().collect(Collectors.toSet());
    assertTrue(SiteChange.discussions(many).isEverything());
    Set<Long> most =
        LongStream.rangeClosed(1, SiteChange.MOST_IDS).boxed().collect(Collectors.toSet());
    assertEquals(most, SiteChange.decoded(SiteChange.discussions(most).encoded()).articleIds());
  }
}
