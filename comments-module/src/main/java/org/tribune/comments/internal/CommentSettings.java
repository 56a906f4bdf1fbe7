package org.tribune.comments.internal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.comments.api.CommentLimits;

/**
 * The {@code tribune.comments.*} settings, read once. A value that makes no sense is reported in
 * the log, naming its key, and replaced by the nearest sensible one.
 */
@ApplicationScoped
public class CommentSettings {
  private static final Logger LOG = Logger.getLogger(CommentSettings.class.getName());

  @Inject
  @ConfigProperty(name = "tribune.comments.max-length", defaultValue = "10000")
  int maxLengthSetting;

  @Inject
  @ConfigProperty(name = "tribune.comments.max-depth", defaultValue = "5")
  int maxDepthSetting;

  @Inject
  @ConfigProperty(name = "tribune.comments.moderation", defaultValue = "first-time")
  String moderationSetting;

  @Inject
  @ConfigProperty(name = "tribune.comments.max-links", defaultValue = "2")
  int maxLinksSetting;

  @Inject
  @ConfigProperty(name = "tribune.comments.blocked-words")
  Optional<String> blockedWordsSetting;

  @Inject
  @ConfigProperty(name = "tribune.comments.min-form-seconds", defaultValue = "3")
  int minFormSecondsSetting;

  @Inject
  @ConfigProperty(name = "tribune.comments.rate-limit", defaultValue = "5")
  int rateLimitSetting;

  @Inject
  @ConfigProperty(name = "tribune.comments.close-after-days", defaultValue = "0")
  int closeAfterDaysSetting;

  @Inject
  @ConfigProperty(name = "tribune.comments.edit-window", defaultValue = "PT15M")
  String editWindowSetting;

  @Inject
  @ConfigProperty(name = "tribune.comments.threads-per-page", defaultValue = "30")
  int threadsPerPageSetting;

  private int maxLength;
  private int maxDepth;
  private ModerationPolicy policy;
  private int rateLimit;
  private int closeAfterDays;
  private Duration editWindow;
  private int threadsPerPage;

  @PostConstruct
  void init() {
    maxLength =
        within(
            "tribune.comments.max-length", maxLengthSetting, 1, CommentLimits.BODY_LENGTH_CEILING);
    maxDepth = within("tribune.comments.max-depth", maxDepthSetting, 0, 100);
    ModerationPolicy.Mode mode =
        ModerationPolicy.Mode.parse(moderationSetting)
            .orElseGet(
                () -> {
                  LOG.warning(
                      () ->
                          "tribune.comments.moderation: '"
                              + moderationSetting
                              + "' is not first-time, approve-all or hold-all; using first-time");
                  return ModerationPolicy.Mode.FIRST_TIME;
                });
    policy =
        new ModerationPolicy(
            new ModerationPolicy.Settings(
                mode,
                within("tribune.comments.max-links", maxLinksSetting, 0, Integer.MAX_VALUE),
                ModerationPolicy.parseWords(blockedWordsSetting.orElse("")),
                Duration.ofSeconds(
                    within(
                        "tribune.comments.min-form-seconds",
                        minFormSecondsSetting,
                        0,
                        Integer.MAX_VALUE))));
    rateLimit = within("tribune.comments.rate-limit", rateLimitSetting, 1, Integer.MAX_VALUE);
    closeAfterDays =
        within("tribune.comments.close-after-days", closeAfterDaysSetting, 0, Integer.MAX_VALUE);
    editWindow =
        duration("tribune.comments.edit-window", editWindowSetting, Duration.ofMinutes(15));
    threadsPerPage = within("tribune.comments.threads-per-page", threadsPerPageSetting, 1, 500);
  }

  private static int within(String key, int value, int min, int max) {
    if (value < min || value > max) {
      int used = Math.max(min, Math.min(max, value));
      LOG.warning(
          () -> key + ": " + value + " is outside [" + min + ", " + max + "]; using " + used);
      return used;
    }
    return value;
  }

  private static Duration duration(String key, String value, Duration fallback) {
    try {
      Duration parsed = Duration.parse(value.strip());
      if (!parsed.isNegative()) {
        return parsed;
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    LOG.warning(() -> key + ": '" + value + "' is not a duration such as PT15M; using " + fallback);
    return fallback;
  }

  /** Longest body, in code points. */
  int maxLength() {
    return maxLength;
  }

  /** Deepest reply; top-level comments are at depth 0. */
  int maxDepth() {
    return maxDepth;
  }

  ModerationPolicy policy() {
    return policy;
  }

  /** Comments one address may post in a minute. */
  int rateLimit() {
    return rateLimit;
  }

  /** Days after publication when an article's discussion closes; 0 never. */
  int closeAfterDays() {
    return closeAfterDays;
  }

  Duration editWindow() {
    return editWindow;
  }

  int threadsPerPage() {
    return threadsPerPage;
  }
}
