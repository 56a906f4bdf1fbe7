package org.tribune.web.console.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class DurationsTest {
  private static final ResourceBundle FRENCH =
      ResourceBundle.getBundle("org.tribune.web.i18n.console", Locale.ROOT);
  private static final ResourceBundle ENGLISH =
      ResourceBundle.getBundle("org.tribune.web.i18n.console", Locale.ENGLISH);

  private static String french(Duration duration) {
    return Durations.format(duration, FRENCH, Locale.FRANCE);
  }

  @Test
  void frenchDurationsKeepTheirNumbersAndUnitsTogether() {
    assertEquals("moins d’une minute", french(Duration.ofSeconds(59)));
    assertEquals("45\u00a0min", french(Duration.ofMinutes(45)));
    assertEquals("3\u00a0h\u00a005", french(Duration.ofMinutes(185)));
    assertEquals("2\u00a0j\u00a04\u00a0h", french(Duration.ofHours(52).plusMinutes(30)));
    assertEquals("10\u00a0j\u00a00\u00a0h", french(Duration.ofDays(10)));
  }

  @Test
  void noDurationIsADashAndANegativeOneNothing() {
    assertEquals("—", french(null));
    assertEquals("moins d’une minute", french(Duration.ofMinutes(-5)));
  }

  @Test
  void englishDurationsUseEnglishUnits() {
    assertEquals("3 h 05 min", Durations.format(Duration.ofMinutes(185), ENGLISH, Locale.UK));
    assertEquals("2 d 4 h", Durations.format(Duration.ofHours(52), ENGLISH, Locale.UK));
  }
}
