package org.tribune.articles.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FrenchOrderTest {
  record Named(long id, String name) {}

  /** « Œuvres » is read « oeuvres », before « ordinateurs », as in a dictionary. */
  @Test
  void accentedAndCapitalisedNamesTakeTheirPlaceInTheAlphabet() {
    List<Named> names =
        List.of(
            new Named(1, "zoologie"),
            new Named(2, "Écoles"),
            new Named(3, "église"),
            new Named(4, "eau"),
            new Named(5, "Œuvres"),
            new Named(6, "ordinateurs"));
    assertEquals(
        List.of("eau", "Écoles", "église", "Œuvres", "ordinateurs", "zoologie"),
        FrenchOrder.sorted(names, Named::name, Named::id).stream().map(Named::name).toList());
  }

  @Test
  void theSameNameTwiceKeepsTheOrderOfItsIds() {
    List<Named> names = List.of(new Named(9, "Culture"), new Named(3, "Culture"));
    assertEquals(
        List.of(3L, 9L),
        FrenchOrder.sorted(names, Named::name, Named::id).stream().map(Named::id).toList());
  }
}
