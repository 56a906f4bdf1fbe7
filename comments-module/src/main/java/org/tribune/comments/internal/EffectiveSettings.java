package org.tribune.comments.internal;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.comments.api.CommentLimits;
import org.tribune.comments.api.CommentSettings;
import org.tribune.comments.api.CommentSort;
import org.tribune.comments.api.ModerationMode;
import org.tribune.comments.internal.database.CommentsDatabase;

/**
 * The {@code tribune.comments.*} settings in force. The configuration is read once (a value that
 * makes no sense is reported in the log, naming its key, and replaced by the nearest sensible one).
 * The settings the console may change ({@link CommentSettings}) are then read from {@code
 * comments_setting} once per transaction that needs them (one indexed query of a few tiny rows), so
 * that a change made on one node holds on every node at once, and a transaction sees one consistent
 * set. Everything that reads a setting goes through this bean.
 */
@ApplicationScoped
public class EffectiveSettings {
  private static final Logger LOG = Logger.getLogger(EffectiveSettings.class.getName());

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

  @Inject
  @ConfigProperty(name = "tribune.comments.default-sort", defaultValue = "newest")
  String defaultSortSetting;

  /** The stored rows, selected by primary key; the names are constants, not input. */
  private static final String SELECT =
      "SELECT name, setting_value FROM comments_setting WHERE name IN ("
          + StoredSettings.NAMES.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "))
          + ")";

  private static final String KEY = EffectiveSettings.class.getName() + ".current";

  @Inject @CommentsDatabase private EntityManager em;

  @Resource private TransactionSynchronizationRegistry transactions;

  private CommentSettings configured;
  private Duration minFormAge;
  private int rateLimit;
  private int threadsPerPage;

  /** The settings in force and the policy made of them. */
  record Current(CommentSettings settings, ModerationPolicy policy) {
    Current(CommentSettings settings, Duration minFormAge) {
      this(
          settings,
          new ModerationPolicy(
              new ModerationPolicy.Settings(
                  settings.moderation(),
                  settings.maxLinks(),
                  settings.blockedWords(),
                  minFormAge)));
    }
  }

  @PostConstruct
  void init() {
    ModerationMode mode =
        ModerationPolicy.parseMode(moderationSetting)
            .orElseGet(
                () -> {
                  LOG.warning(
                      () ->
                          "tribune.comments.moderation: '"
                              + moderationSetting
                              + "' is not first-time, approve-all or hold-all; using first-time");
                  return ModerationMode.FIRST_TIME;
                });
    configured =
        new CommentSettings(
            mode,
            within(
                "tribune.comments.max-length",
                maxLengthSetting,
                1,
                CommentLimits.BODY_LENGTH_CEILING),
            within("tribune.comments.max-depth", maxDepthSetting, 0, 100),
            duration("tribune.comments.edit-window", editWindowSetting, Duration.ofMinutes(15)),
            within(
                "tribune.comments.close-after-days", closeAfterDaysSetting, 0, Integer.MAX_VALUE),
            within("tribune.comments.max-links", maxLinksSetting, 0, Integer.MAX_VALUE),
            ModerationPolicy.parseWords(blockedWordsSetting.orElse("")),
            CommentSort.fromParameter(defaultSortSetting)
                .orElseGet(
                    () -> {
                      LOG.warning(
                          () ->
                              "tribune.comments.default-sort: '"
                                  + defaultSortSetting
                                  + "' is not newest, oldest, popular or featured; using newest");
                      return CommentSort.NEWEST;
                    }));
    minFormAge =
        Duration.ofSeconds(
            within(
                "tribune.comments.min-form-seconds", minFormSecondsSetting, 0, Integer.MAX_VALUE));
    rateLimit = within("tribune.comments.rate-limit", rateLimitSetting, 1, Integer.MAX_VALUE);
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

  /** The configuration's values of the settings the console may change. */
  CommentSettings configured() {
    return configured;
  }

  /**
   * The settings in force: read from the database at the first call of a transaction and kept until
   * it ends.
   */
  Current current() {
    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE
        && transactions.getResource(KEY) instanceof Current current) {
      return current;
    }
    Current current = new Current(StoredSettings.merge(configured, readRows()), minFormAge);
    transactions.putResource(KEY, current);
    return current;
  }

  private Map<String, String> readRows() {
    Map<String, String> rows = new HashMap<>();
    for (Object row : em.createNativeQuery(SELECT).getResultList()) {
      Object[] columns = (Object[]) row;
      rows.put((String) columns[0], (String) columns[1]);
    }
    return rows;
  }

  /**
   * Stores every setting the console may change, in the current transaction: once it commits, every
   * node reads them at its next transaction.
   */
  void save(CommentSettings settings) {
    Map<String, String> rows = StoredSettings.rows(settings);
    for (Map.Entry<String, String> entry : rows.entrySet()) {
      int updated =
          em.createNativeQuery("UPDATE comments_setting SET setting_value = ? WHERE name = ?")
              .setParameter(1, entry.getValue())
              .setParameter(2, entry.getKey())
              .executeUpdate();
      if (updated == 0) {
        em.createNativeQuery("INSERT INTO comments_setting (name, setting_value) VALUES (?, ?)")
            .setParameter(1, entry.getKey())
            .setParameter(2, entry.getValue())
            .executeUpdate();
      }
    }
    if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
      transactions.putResource(
          KEY, new Current(StoredSettings.merge(configured, rows), minFormAge));
    }
  }

  /** Longest body, in code points. */
  int maxLength() {
    return current().settings().maxLength();
  }

  /** The order of a discussion for a reader who has not chosen one. */
  CommentSort defaultSort() {
    return current().settings().defaultSort();
  }

  /** Deepest reply; top-level comments are at depth 0. */
  int maxDepth() {
    return current().settings().maxDepth();
  }

  ModerationPolicy policy() {
    return current().policy();
  }

  /** Comments one address may post in a minute (configuration only). */
  int rateLimit() {
    return rateLimit;
  }

  /** Days after publication when an article's discussion closes; 0 never. */
  int closeAfterDays() {
    return current().settings().closeAfterDays();
  }

  Duration editWindow() {
    return current().settings().editWindow();
  }

  /** Threads per discussion page (configuration only). */
  int threadsPerPage() {
    return threadsPerPage;
  }
}
