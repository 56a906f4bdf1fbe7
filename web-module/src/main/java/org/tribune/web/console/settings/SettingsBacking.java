package org.tribune.web.console.settings;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.security.Staff;
import org.tribune.web.site.SiteSettings;

/**
 * Backs {@code /admin/settings.xhtml} (administrators): the site's name, description, language and
 * time zone. Saved values go to {@code console_setting} and apply on every node within seconds; the
 * audit log records which ones changed.
 */
@Named
@ViewScoped
public class SettingsBacking implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int NAME_LENGTH = 100;
  static final int DESCRIPTION_LENGTH = 300;

  /** The languages the site has texts for. */
  static final Map<String, String> LANGUAGES = Map.of("fr-FR", "Français", "en-GB", "English");

  @Inject private transient SiteSettings site;
  @Inject private transient StoredSettings stored;
  @Inject private transient Staff staff;
  @Inject private transient ConsoleMessages messages;

  private String name;
  private String description;
  private String locale;
  private String zone;

  @PostConstruct
  void load() {
    name = site.getName();
    description = site.getOwnDescription();
    locale = site.getLocale().toLanguageTag();
    if (!LANGUAGES.containsKey(locale)) {
      locale = site.getLocale().getLanguage().equals("en") ? "en-GB" : "fr-FR";
    }
    zone = site.getZone().getId();
  }

  public void save() {
    if (!staff.isAdmin()) {
      messages.error("error.forbidden.text");
      return;
    }
    String newName = name == null ? "" : name.strip();
    String newDescription = description == null ? "" : description.strip();
    boolean valid = true;
    if (newName.isEmpty() || newName.length() > NAME_LENGTH) {
      messages.error("settings.name.invalid", NAME_LENGTH);
      valid = false;
    }
    if (newDescription.length() > DESCRIPTION_LENGTH) {
      messages.error("settings.description.too-long", DESCRIPTION_LENGTH);
      valid = false;
    }
    if (locale == null || !LANGUAGES.containsKey(locale)) {
      messages.error("settings.locale.invalid");
      valid = false;
    }
    if (zone == null || !ZoneId.getAvailableZoneIds().contains(zone)) {
      messages.error("settings.zone.invalid");
      valid = false;
    }
    if (!valid) {
      return;
    }
    Map<String, String> wanted = new LinkedHashMap<>();
    wanted.put(SiteSettings.NAME, newName);
    wanted.put(SiteSettings.DESCRIPTION, newDescription);
    wanted.put(SiteSettings.LOCALE, locale);
    wanted.put(SiteSettings.TIME_ZONE, zone);
    Map<String, String> before = stored.all();
    List<String> changed = new ArrayList<>();
    wanted.forEach(
        (key, value) -> {
          if (!Objects.equals(before.get(key), value)) {
            stored.put(key, value, staff.getEmail());
            changed.add(key);
          }
        });
    site.refresh();
    if (!changed.isEmpty()) {
      staff.audit(AuditAction.SETTINGS_CHANGED, "site", String.join(", ", changed));
    }
    messages.info("settings.saved");
  }

  public Map<String, String> getLanguages() {
    return LANGUAGES;
  }

  /** Every time zone the platform knows, sorted, for the list. */
  public List<String> getZones() {
    return ZoneId.getAvailableZoneIds().stream()
        .filter(id -> id.contains("/") && !id.startsWith("Etc/") && !id.startsWith("SystemV/"))
        .sorted()
        .toList();
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getLocale() {
    return locale;
  }

  public void setLocale(String locale) {
    this.locale = locale;
  }

  public String getZone() {
    return zone;
  }

  public void setZone(String zone) {
    this.zone = zone;
  }
}
