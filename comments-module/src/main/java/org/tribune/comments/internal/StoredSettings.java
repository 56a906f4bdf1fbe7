package org.tribune.comments.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Logger;
import org.tribune.comments.api.CommentLimits;
import org.tribune.comments.api.CommentSettings;
import org.tribune.comments.api.CommentSort;

/**
 * The console's discussion settings as rows of {@code comments_setting}: the row named {@code
 * max-length} holds the saved value of {@code tribune.comments.max-length}, and so on. A plain
 * class: how rows and configuration combine is tested without a database.
 */
final class StoredSettings {
  private static final Logger LOG = Logger.getLogger(StoredSettings.class.getName());

  static final String MODERATION = "moderation";
  static final String MAX_LENGTH = "max-length";
  static final String MAX_DEPTH = "max-depth";
  static final String EDIT_WINDOW = "edit-window";
  static final String CLOSE_AFTER_DAYS = "close-after-days";
  static final String MAX_LINKS = "max-links";
  static final String BLOCKED_WORDS = "blocked-words";
  static final String DEFAULT_SORT = "default-sort";

  /** Every row name this class reads and writes, in the order of {@link CommentSettings}. */
  static final List<String> NAMES =
      List.of(
          MODERATION,
          MAX_LENGTH,
          MAX_DEPTH,
          EDIT_WINDOW,
          CLOSE_AFTER_DAYS,
          MAX_LINKS,
          BLOCKED_WORDS,
          DEFAULT_SORT);

  private StoredSettings() {}

  /**
   * The settings in force: each stored value that makes sense, else the configured one. A stored
   * value that does not (written by hand in the database) is logged and ignored.
   */
  static CommentSettings merge(CommentSettings configured, Map<String, String> rows) {
    return new CommentSettings(
        read(rows, MODERATION, v -> ModerationPolicy.parseMode(v), configured.moderation()),
        read(
            rows,
            MAX_LENGTH,
            v -> integer(v, 1, CommentLimits.BODY_LENGTH_CEILING),
            configured.maxLength()),
        read(rows, MAX_DEPTH, v -> integer(v, 0, 100), configured.maxDepth()),
        read(rows, EDIT_WINDOW, StoredSettings::duration, configured.editWindow()),
        read(
            rows,
            CLOSE_AFTER_DAYS,
            v -> integer(v, 0, Integer.MAX_VALUE),
            configured.closeAfterDays()),
        read(rows, MAX_LINKS, v -> integer(v, 0, Integer.MAX_VALUE), configured.maxLinks()),
        read(
            rows,
            BLOCKED_WORDS,
            v -> Optional.of(ModerationPolicy.parseWords(v)),
            configured.blockedWords()),
        read(rows, DEFAULT_SORT, CommentSort::fromParameter, configured.defaultSort()));
  }

  /** The rows that store these settings, one per name of {@link #NAMES}. */
  static Map<String, String> rows(CommentSettings settings) {
    Map<String, String> rows = new LinkedHashMap<>();
    rows.put(MODERATION, settings.moderation().name());
    rows.put(MAX_LENGTH, Integer.toString(settings.maxLength()));
    rows.put(MAX_DEPTH, Integer.toString(settings.maxDepth()));
    rows.put(EDIT_WINDOW, settings.editWindow().toString());
    rows.put(CLOSE_AFTER_DAYS, Integer.toString(settings.closeAfterDays()));
    rows.put(MAX_LINKS, Integer.toString(settings.maxLinks()));
    rows.put(BLOCKED_WORDS, String.join(",", words(settings.blockedWords())));
    rows.put(DEFAULT_SORT, settings.defaultSort().parameter());
    return rows;
  }

  /**
   * Blocked words as the policy takes them: trimmed, without blanks or repeats; an entry with
   * commas is several entries, as in {@code tribune.comments.blocked-words}.
   */
  static List<String> words(List<String> entries) {
    Set<String> words = new LinkedHashSet<>();
    for (String entry : entries) {
      words.addAll(ModerationPolicy.parseWords(entry.replace('\n', ',').replace('\r', ',')));
    }
    return List.copyOf(words);
  }

  private static <T> T read(
      Map<String, String> rows, String name, Function<String, Optional<T>> parse, T configured) {
    String value = rows.get(name);
    if (value == null) {
      return configured;
    }
    Optional<T> parsed = parse.apply(value);
    if (parsed.isEmpty()) {
      LOG.warning(
          () ->
              "comments_setting "
                  + name
                  + ": '"
                  + value
                  + "' makes no sense; using tribune.comments."
                  + name);
    }
    return parsed.orElse(configured);
  }

  private static Optional<Integer> integer(String value, int min, int max) {
    try {
      int number = Integer.parseInt(value.strip());
      return number < min || number > max ? Optional.empty() : Optional.of(number);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> duration(String value) {
    try {
      Duration parsed = Duration.parse(value.strip());
      return parsed.isNegative() ? Optional.empty() : Optional.of(parsed);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
