package org.tribune.web.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * French is typeset, not only translated (STYLE.md, rule 16): every text of the French bundles —
 * the public site's, the console's, the mails' — uses the typographic apostrophe, never the
 * straight one, and a non-breaking space (U+00A0, or the narrow U+202F) before « : ; ! ? », inside
 * « », and around the "h" of a time, so that "15 h 38" or "sur « … »" never breaks across lines.
 */
class FrenchTypographyTest {
  /** A breakable space before a high sign, after « or before ». */
  private static final Pattern BREAKABLE = Pattern.compile("[ \\t](?=[:;!?»])|(?<=«)[ \\t]");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "org/tribune/web/i18n/messages.properties",
        "org/tribune/web/i18n/console.properties",
        "org/tribune/comments/internal/mail/mail.properties"
      })
  void everyFrenchTextHasTypographicApostrophesAndNonBreakingSpaces(String bundle)
      throws IOException {
    Properties texts = read(bundle);
    assertFalse(texts.isEmpty(), bundle);
    List<String> wrong = new ArrayList<>();
    for (String key : texts.stringPropertyNames()) {
      String text = texts.getProperty(key);
      if (key.startsWith("format.")) {
        // Date patterns quote their letters with straight apostrophes, as the pattern syntax wants.
        if (text.contains(" 'h' ")) {
          wrong.add(key + ": a breakable space around the hour's h: " + text);
        }
        continue;
      }
      if (text.indexOf('\'') >= 0) {
        wrong.add(key + ": a straight apostrophe: " + text);
      }
      if (BREAKABLE.matcher(text).find()) {
        wrong.add(key + ": a breakable space at a sign: " + text);
      }
    }
    assertEquals(List.of(), wrong, bundle);
  }

  /**
   * The console speaks to the site's owner, not to whoever runs its servers: no configuration
   * variable, no node (that is the README's business).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "org/tribune/web/i18n/console.properties",
        "org/tribune/web/i18n/console_en.properties"
      })
  void theConsoleNamesNoServerSetting(String bundle) throws IOException {
    Pattern operators =
        Pattern.compile("TRIBUNE_|tribune\\.[a-z]|\\bnodes?\\b|nœuds?|\\bvariables?\\b");
    Properties texts = read(bundle);
    List<String> wrong = new ArrayList<>();
    for (String key : texts.stringPropertyNames()) {
      if (operators.matcher(texts.getProperty(key)).find()) {
        wrong.add(key + ": " + texts.getProperty(key));
      }
    }
    assertEquals(List.of(), wrong, bundle);
  }

  @Test
  void aTimeAndAQuotedTitleStayOnOneLine() throws IOException {
    Properties texts = read("org/tribune/web/i18n/messages.properties");
    String time =
        DateTimeFormatter.ofPattern(texts.getProperty("format.date-time"), Locale.FRENCH)
            .format(ZonedDateTime.of(2017, 10, 30, 10, 6, 0, 0, ZoneId.of("Europe/Paris")));
    assertEquals("30 octobre 2017 à 10\u00a0h\u00a006", time);
    String heading =
        new MessageFormat(texts.getProperty("discussion.title"), Locale.FRENCH)
            .format(new Object[] {3, "Le marché couvert rouvre"});
    assertEquals("3 commentaires sur «\u00a0Le marché couvert rouvre\u00a0»", heading);
    String until =
        new MessageFormat(texts.getProperty("discussion.edit.until"), Locale.FRENCH)
            .format(new Object[] {"15\u00a0h\u00a038"});
    assertTrue(until.contains("jusqu’à 15\u00a0h\u00a038"), until);
  }

  private static Properties read(String bundle) throws IOException {
    Properties texts = new Properties();
    try (InputStream in = FrenchTypographyTest.class.getClassLoader().getResourceAsStream(bundle)) {
      assertTrue(in != null, () -> "no bundle " + bundle);
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return texts;
  }
}
