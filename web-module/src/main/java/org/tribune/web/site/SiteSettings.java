package org.tribune.web.site;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.interceptor.Interceptor;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.articles.api.ArticleChanged;
import org.tribune.articles.api.ArticleDeleted;
import org.tribune.articles.api.ArticlePublished;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.PageRef;
import org.tribune.web.cluster.SiteChange;

/**
 * The site's language, time zone, name, description and {@link Branding}, and date formatting in
 * them. Values saved in the console ({@code console_setting}) win over MicroProfile Config's {@code
 * tribune.site.*}; the node that saves them reads them again at once, the other nodes of a cluster
 * as soon as they hear of the change ({@link SiteChange}), and every node at most {@value
 * #REFRESH_MILLIS} ms after they change in any case. A wrong value is reported in the log, naming
 * the key, and the default is used.
 */
@Named("site")
@ApplicationScoped
public class SiteSettings {
  public static final String BUNDLE = "org.tribune.web.i18n.messages";
  static final String DEFAULT_LOCALE = "fr-FR";
  static final String DEFAULT_ZONE = "Europe/Paris";
  private static final Logger LOG = Logger.getLogger(SiteSettings.class.getName());

  @Inject
  @ConfigProperty(name = "tribune.site.locale", defaultValue = DEFAULT_LOCALE)
  String localeSetting;

  @Inject
  @ConfigProperty(name = "tribune.site.time-zone", defaultValue = DEFAULT_ZONE)
  String zoneSetting;

  @Inject
  @ConfigProperty(name = "tribune.site.name", defaultValue = "Tribune")
  String name;

  @Inject
  @ConfigProperty(name = "tribune.site.url", defaultValue = " ")
  String urlSetting;

  @Inject
  @ConfigProperty(name = "tribune.site.description", defaultValue = " ")
  String descriptionSetting;

  /** Names of the values the console stores in {@code console_setting}. */
  public static final String NAME = "site.name";

  public static final String DESCRIPTION = "site.description";
  public static final String LOCALE = "site.locale";
  public static final String TIME_ZONE = "site.time-zone";

  /** How long a node keeps the stored settings before reading them again. */
  static final long REFRESH_MILLIS = 2_000;

  @Inject private StoredSettings stored;
  @Inject private Menus menus;
  @Inject private ArticleService articles;

  /** The settings in force, and the formats they imply; replaced whole when they change. */
  private record Snapshot(
      Locale locale,
      ZoneId zone,
      String name,
      String description,
      DateTimeFormatter dateFormat,
      DateTimeFormatter dateTimeFormat,
      DateTimeFormatter timeFormat,
      Branding branding,
      Map<SiteMenu, List<MenuItem>> menus,
      List<PageRef> pages,
      Map<String, String> values,
      long readAt) {}

  private volatile Snapshot snapshot;
  private volatile boolean storeReadable;

  @PostConstruct
  void init() {
    snapshot = snapshot(Map.of(), Map.of(), List.of());
  }

  /**
   * Lets the settings saved in the console be read: called once their table exists. Until then, and
   * whenever the database cannot be read, MicroProfile Config's values apply.
   */
  public void storeIsReady() {
    storeReadable = true;
    refresh();
  }

  /** Reads the stored settings again now (after the console saved them). */
  public void refresh() {
    if (storeReadable) {
      try {
        Map<String, String> values = stored.all();
        List<PageRef> pages;
        try {
          pages = articles.pages();
        } catch (RuntimeException e) {
          // The articles' schema is not migrated yet (at start), or the query failed: the
          // settings apply all the same, with the pages as last read.
          pages = snapshot.pages();
        }
        snapshot = snapshot(values, menus.saved(values), pages);
      } catch (RuntimeException e) {
        snapshot = withReadAt(snapshot, System.currentTimeMillis());
      }
    }
  }

  /**
   * Another node changed something (perhaps these settings): the next use reads them again. Only
   * marks them, without reading the database in the data grid's thread; observed before the page
   * cache forgets its pages, so that no page is kept with the old settings.
   */
  void changedElsewhere(@Observes @Priority(Interceptor.Priority.APPLICATION) SiteChange change) {
    if (change.isEverything()) {
      snapshot = withReadAt(snapshot, 0);
    }
  }

  private Snapshot current() {
    Snapshot current = snapshot;
    if (storeReadable && System.currentTimeMillis() - current.readAt() > REFRESH_MILLIS) {
      refresh();
      current = snapshot;
    }
    return current;
  }

  /**
   * A page was written, published or deleted (the menus and the footer name pages): the next use
   * reads the settings and the pages again. Observed before the page cache forgets its pages.
   */
  void contentChanged(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(Interceptor.Priority.APPLICATION)
          ArticleChanged event) {
    snapshot = withReadAt(snapshot, 0);
  }

  void contentPublished(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(Interceptor.Priority.APPLICATION)
          ArticlePublished event) {
    snapshot = withReadAt(snapshot, 0);
  }

  void contentDeleted(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) @Priority(Interceptor.Priority.APPLICATION)
          ArticleDeleted event) {
    snapshot = withReadAt(snapshot, 0);
  }

  private Snapshot snapshot(
      Map<String, String> values, Map<SiteMenu, List<MenuItem>> saved, List<PageRef> pages) {
    Locale locale = parseLocale(values.getOrDefault(LOCALE, localeSetting));
    ZoneId zone = parseZone(values.getOrDefault(TIME_ZONE, zoneSetting));
    ResourceBundle messages = ResourceBundle.getBundle(BUNDLE, locale);
    String description = values.getOrDefault(DESCRIPTION, descriptionSetting);
    return new Snapshot(
        locale,
        zone,
        values.getOrDefault(NAME, name),
        description == null ? "" : description.strip(),
        DateTimeFormatter.ofPattern(messages.getString("format.date"), locale).withZone(zone),
        DateTimeFormatter.ofPattern(messages.getString("format.date-time"), locale).withZone(zone),
        DateTimeFormatter.ofPattern(messages.getString("format.time"), locale).withZone(zone),
        Branding.of(values),
        saved,
        List.copyOf(pages),
        Map.copyOf(values),
        System.currentTimeMillis());
  }

  private static Snapshot withReadAt(Snapshot s, long readAt) {
    return new Snapshot(
        s.locale(),
        s.zone(),
        s.name(),
        s.description(),
        s.dateFormat(),
        s.dateTimeFormat(),
        s.timeFormat(),
        s.branding(),
        s.menus(),
        s.pages(),
        s.values(),
        readAt);
  }

  public Locale getLocale() {
    return current().locale();
  }

  /** The language code for {@code <html lang>}: {@code fr}, {@code en}. */
  public String getLanguage() {
    return getLocale().getLanguage();
  }

  public ZoneId getZone() {
    return current().zone();
  }

  public String getName() {
    return current().name();
  }

  /** The tagline, logo, footer and accent colour set in the console's Apparence page. */
  public Branding getBranding() {
    return current().branding();
  }

  /**
   * Every page out of the bin, read with the settings (menus and the footer link to pages without a
   * query of their own).
   */
  public List<PageRef> getPages() {
    return current().pages();
  }

  /** A value stored from the console, as last read; empty when none. */
  public Optional<String> stored(String name) {
    return Optional.ofNullable(current().values().get(name));
  }

  /** The menus saved in the console (Apparence → Menus); a menu never saved is absent. */
  public Map<SiteMenu, List<MenuItem>> getMenus() {
    return current().menus();
  }

  /** The tagline under the site's name: the console's, else the language bundle's; may be empty. */
  public String getTagline() {
    String tagline = current().branding().tagline();
    return tagline == null ? messages().getString("site.tagline") : tagline;
  }

  /** The site's description for search engines: the setting, else the bundle's tagline. */
  public String getDescription() {
    String description = current().description();
    return description.isEmpty() ? messages().getString("site.description") : description;
  }

  /** The description as configured (empty when the bundle's tagline stands in). */
  public String getOwnDescription() {
    return current().description();
  }

  /**
   * The public address of the site without a trailing slash ({@code https://example.org}), or
   * {@code null} when not configured: links are then built from each request's own address.
   */
  public String getUrl() {
    String url = urlSetting == null ? "" : urlSetting.strip();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    return url.isEmpty() ? null : url;
  }

  public ResourceBundle messages() {
    return ResourceBundle.getBundle(BUNDLE, getLocale());
  }

  /** "26 octobre 2017", in the site's zone. */
  public String date(Instant instant) {
    return instant == null ? "" : current().dateFormat().format(instant);
  }

  /** The time of day in the site's zone, French style: "10 h 06". */
  public String time(Instant instant) {
    return instant == null ? "" : current().timeFormat().format(instant);
  }

  /** "30 octobre 2017 à 10 h 06", in the site's zone. */
  public String dateTime(Instant instant) {
    return instant == null ? "" : current().dateTimeFormat().format(instant);
  }

  /** The ISO-8601 instant for {@code <time datetime>}. */
  public String iso(Instant instant) {
    return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  static Locale parseLocale(String tag) {
    try {
      Locale parsed = new Locale.Builder().setLanguageTag(tag.strip()).build();
      if (!parsed.getLanguage().isEmpty()) {
        return parsed;
      }
    } catch (IllformedLocaleException | NullPointerException e) {
      // reported below
    }
    LOG.severe(
        () ->
            "tribune.site.locale: '"
                + tag
                + "' is not a language tag such as fr-FR or en-GB; using "
                + DEFAULT_LOCALE);
    return Locale.forLanguageTag(DEFAULT_LOCALE);
  }

  static ZoneId parseZone(String id) {
    try {
      return ZoneId.of(id.strip());
    } catch (DateTimeException | NullPointerException e) {
      LOG.severe(
          () ->
              "tribune.site.time-zone: '"
                  + id
                  + "' is not a time zone such as Europe/Paris; using "
                  + DEFAULT_ZONE);
      return ZoneId.of(DEFAULT_ZONE);
    }
  }
}
