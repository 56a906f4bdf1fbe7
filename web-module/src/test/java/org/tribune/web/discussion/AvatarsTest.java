package org.tribune.web.discussion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AvatarsTest {
  private final Avatars avatars = new Avatars();

  @Test
  void aSeedAlwaysDrawsTheSamePictureAndAnotherSeedAnother() {
    String one = avatars.svg("0123456789abcdef");
    assertEquals(one, avatars.svg("0123456789abcdef"));
    assertNotEquals(one, avatars.svg("fedcba9876543210"));
    assertTrue(one.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), one);
    assertTrue(Avatars.isSeed("0123456789abcdef"));
  }

  @Test
  void nothingButAWellFormedSeedIsDrawn() {
    assertEquals("", avatars.svg(null));
    assertEquals("", avatars.svg("0123"));
    assertEquals("", avatars.svg("\"><script>x</scr"));
    assertEquals("", avatars.svg("0123456789ABCDEF"));
  }

  @Test
  void thePatternIsSymmetricalAndHoldsOnlyNumbers() {
    String svg = Avatars.draw(0b101_011_110_001_100L);
    Matcher path = Pattern.compile("d=\"([^\"]*)\"").matcher(svg);
    assertTrue(path.find());
    assertTrue(path.group(1).matches("(M\\d \\dh1v1h-1z)*"), path.group(1));
    // Row 0 has bits 0..2 = 0,0,1 (columns 2), row 1 = 1,0,0 (column 0 and its mirror 4)...
    assertTrue(path.group(1).contains("M2 0h1v1h-1z"), path.group(1));
    assertTrue(path.group(1).contains("M0 1h1v1h-1z"), path.group(1));
    assertTrue(path.group(1).contains("M4 1h1v1h-1z"), path.group(1));
  }
}
