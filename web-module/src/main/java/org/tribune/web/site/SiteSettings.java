package org.tribune.web.site;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The site's language, time zone and name, from {@code tribune.site.*}, and date formatting in
 * them. A wrong value is reported once in the log, naming the key, and the default is used.
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

  private Locale locale;
  private ZoneId zone;
  private DateTimeFormatter dateFormat;
  private DateTimeFormatter dateTimeFormat;
  private DateTimeFormatter timeFormat;

  @PostConstruct
  void init() {
    locale = parseLocale(localeSetting);
    zone = parseZone(zoneSetting);
    ResourceBundle messages = messages();
    dateFormat =
        DateTimeFormatter.ofPattern(messages.getString("format.date"), locale).withZone(zone);
    dateTimeFormat =
        DateTimeFormatter.ofPattern(messages.getString("format.date-time"), locale).withZone(zone);
    timeFormat =
        DateTimeFormatter.ofPattern(messages.getString("format.time"), locale).withZone(zone);
  }

  public Locale getLocale() {
    return locale;
  }

  /** The language code for {@code <html lang>}: {@code fr}, {@code en}. */
  public String getLanguage() {
    return locale.getLanguage();
  }

  public ZoneId getZone() {
    return zone;
  }

  public String getName() {
    return name;
  }

  /** The site's description for search engines: the setting, else the bundle's tagline. */
  public String getDescription() {
    String description = descriptionSetting == null ? "" : descriptionSetting.strip();
    return description.isEmpty() ? messages().getString("site.description") : description;
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
    return ResourceBundle.getBundle(BUNDLE, locale);
  }

  /** "26 octobre 2017", in the site's zone. */
  public String date(Instant instant) {
    return instant == null ? "" : dateFormat.format(instant);
  }

  /** "30 octobre 2017 à 10 h 06", in the site's zone. */
  /** The time of day in the site's zone, French style: "10 h 06". */
  public String time(Instant instant) {
    return instant == null ? "" : timeFormat.format(instant);
  }

  public String dateTime(Instant instant) {
    return instant == null ? "" : dateTimeFormat.format(instant);
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
