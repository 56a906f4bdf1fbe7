package org.tribune.comments.internal;

import java.text.Normalizer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.ModerationMode;

/**
 * Decides what becomes of a well-formed comment, from facts the service gathered. A plain class:
 * its rules are tested without a container.
 *
 * <ol>
 *   <li><b>Spam</b>, silently (the author is told it awaits moderation): the hidden honeypot field
 *       came back filled; the form was sent sooner than {@code min-form-seconds} after it was
 *       shown, or its age is unknown; the e-mail address or the address hash is banned.
 *   <li><b>Held</b> ({@link CommentStatus#PENDING}): the mode is {@link ModerationMode#HOLD_ALL};
 *       or it is {@link ModerationMode#FIRST_TIME} and the e-mail address has no approved comment
 *       yet; or the body has more than {@code max-links} links; or it contains a blocked word.
 *   <li>Otherwise <b>approved</b>.
 * </ol>
 *
 * Blocked words match whole words, ignoring case and accents: {@code "Casino"} blocks "casino" and
 * "CASINÒ" but not "casinos"; an entry of several words matches them in sequence.
 */
final class ModerationPolicy {

  /**
   * The mode named in configuration ({@code first-time}, {@code approve-all}, {@code hold-all}; any
   * case, dashes or underscores).
   */
  static Optional<ModerationMode> parseMode(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String name = value.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    for (ModerationMode mode : ModerationMode.values()) {
      if (mode.name().equals(name)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }

  /** What the policy is configured with. */
  record Settings(
      ModerationMode mode, int maxLinks, List<String> blockedWords, Duration minFormAge) {
    Settings {
      blockedWords =
          blockedWords.stream().map(ModerationPolicy::fold).filter(w -> !w.isBlank()).toList();
    }
  }

  /**
   * What is known of a comment when it is decided.
   *
   * @param formAge {@code null} when unknown
   * @param banned whether its e-mail address or address hash is suspended
   * @param knownAuthor whether its e-mail address already has an approved comment
   * @param watched whether the staff asked to hold its author's comments (a lighter sanction)
   */
  record Facts(
      boolean honeypotFilled,
      Duration formAge,
      boolean banned,
      boolean knownAuthor,
      String body,
      boolean watched) {

    Facts(
        boolean honeypotFilled,
        Duration formAge,
        boolean banned,
        boolean knownAuthor,
        String body) {
      this(honeypotFilled, formAge, banned, knownAuthor, body, false);
    }
  }

  private final Settings settings;

  ModerationPolicy(Settings settings) {
    this.settings = settings;
  }

  Settings settings() {
    return settings;
  }

  /** The same policy under another moderation mode (an article's or a section's own). */
  ModerationPolicy withMode(ModerationMode mode) {
    if (mode == null || mode == settings.mode()) {
      return this;
    }
    return new ModerationPolicy(
        new Settings(mode, settings.maxLinks(), settings.blockedWords(), settings.minFormAge()));
  }

  CommentStatus decide(Facts facts) {
    if (isSpam(facts)) {
      return CommentStatus.SPAM;
    }
    boolean held =
        switch (settings.mode()) {
          case HOLD_ALL -> true;
          case FIRST_TIME -> !facts.knownAuthor();
          case APPROVE_ALL -> false;
        };
    return held || facts.watched() || holdsText(facts.body())
        ? CommentStatus.PENDING
        : CommentStatus.APPROVED;
  }

  private boolean isSpam(Facts facts) {
    return facts.honeypotFilled()
        || facts.formAge() == null
        || facts.formAge().compareTo(settings.minFormAge()) < 0
        || facts.banned();
  }

  /** Whether a body must wait for a moderator whoever wrote it: too many links, a blocked word. */
  boolean holdsText(String body) {
    return CommentRenderer.countLinks(body) > settings.maxLinks() || hasBlockedWord(body);
  }

  boolean hasBlockedWord(String text) {
    if (settings.blockedWords().isEmpty()) {
      return false;
    }
    String words = " " + fold(text) + " ";
    return settings.blockedWords().stream().anyMatch(w -> words.contains(" " + w + " "));
  }

  /**
   * A text reduced to its words: accents removed, lower case, every run of characters that are not
   * letters or digits turned into one space, no space at either end.
   */
  static String fold(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    StringBuilder words = new StringBuilder(decomposed.length());
    boolean space = true;
    for (int i = 0; i < decomposed.length(); ) {
      int c = decomposed.codePointAt(i);
      i += Character.charCount(c);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      if (Character.isLetterOrDigit(c)) {
        words.appendCodePoint(Character.toLowerCase(c));
        space = false;
      } else if (!space) {
        words.append(' ');
        space = true;
      }
    }
    int end = words.length();
    return (end > 0 && words.charAt(end - 1) == ' ')
        ? words.substring(0, end - 1)
        : words.toString();
  }

  /** The blocked words of a comma-separated setting. */
  static List<String> parseWords(String setting) {
    List<String> words = new ArrayList<>();
    if (setting != null) {
      for (String word : setting.split(",")) {
        if (!word.isBlank()) {
          words.add(word.strip());
        }
      }
    }
    return words;
  }
}
