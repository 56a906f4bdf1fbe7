package org.tribune.comments.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The discussion rules a moderator may change from the console while the site runs. Until the
 * console saves them, each one is its {@code tribune.comments.*} configuration value.
 *
 * @param moderation which comments wait for a moderator ({@code tribune.comments.moderation})
 * @param maxLength longest body, in characters (code points); at most {@link
 *     CommentLimits#BODY_LENGTH_CEILING}, which the body column can hold whatever the characters
 * @param maxDepth deepest reply (top-level comments are at 0)
 * @param editWindow how long authors may edit or delete their comment; not negative
 * @param closeAfterDays discussions close this many days after publication; 0 never
 * @param maxLinks a comment with more links is held
 * @param blockedWords a comment with one of these words (whole words, any case or accents) is held;
 *     an entry with a comma is several words, as in the configuration
 * @param defaultSort the order of a discussion for a reader who has not chosen one ({@code
 *     tribune.comments.default-sort}); {@link CommentSort#FEATURED} shows the editorial selection
 *     first where there is one, the newest comments elsewhere
 */
public record CommentSettings(
    @NotNull ModerationMode moderation,
    @Min(100) @Max(CommentLimits.BODY_LENGTH_CEILING) int maxLength,
    @Min(1) @Max(10) int maxDepth,
    @NotNull Duration editWindow,
    @Min(0) int closeAfterDays,
    @Min(0) @Max(100) int maxLinks,
    @NotNull @Size(max = CommentSettings.MAX_BLOCKED_WORDS)
        List<@NotBlank @Size(max = CommentSettings.MAX_WORD_LENGTH) String> blockedWords,
    @NotNull CommentSort defaultSort) {

  /** Most blocked words (entries). */
  public static final int MAX_BLOCKED_WORDS = 500;

  /** Longest blocked word (or words of one entry), in characters. */
  public static final int MAX_WORD_LENGTH = 100;

  public CommentSettings {
    // Not List.copyOf: a null entry is for Bean Validation to report, not a NullPointerException.
    blockedWords =
        blockedWords == null ? null : Collections.unmodifiableList(new ArrayList<>(blockedWords));
  }
}
