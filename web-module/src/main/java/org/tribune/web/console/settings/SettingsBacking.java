package org.tribune.web.console.settings;

import jakarta.annotation.PostConstruct;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribune.articles.api.DemoContentService;
import org.tribune.articles.api.DemoContentStatus;
import org.tribune.comments.api.CommentLimits;
import org.tribune.comments.api.CommentSettings;
import org.tribune.comments.api.CommentSort;
import org.tribune.comments.api.ModerationMode;
import org.tribune.comments.api.ModerationService;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.security.Staff;
import org.tribune.web.site.SiteSettings;
import org.tribune.web.site.StoredSettings;

/**
 * Backs {@code /admin/settings.xhtml} (administrators): the site's name, description, language and
 * time zone, the discussions' rules (moderation, limits, blocked words), and the removal of the
 * demo content for good. Saved values go to {@code console_setting} and apply on every node within
 * seconds; the audit log records which ones changed.
 */
@Named
@ViewScoped
public class SettingsBacking implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int NAME_LENGTH = 100;
  static final int DESCRIPTION_LENGTH = 300;

  /** The languages the site has texts for. */
  static final Map<String, String> LANGUAGES = Map.of("fr-FR", "Français", "en-GB", "English");

  @Inject private SiteSettings site;
  @Inject private StoredSettings stored;
  @Inject private Staff staff;
  @Inject private ConsoleMessages messages;

  @Inject private ModerationService moderation;
  @Inject private DemoContentService demoContent;

  private String name;
  private String description;
  private ModerationMode mode;
  private int maxLength;
  private int maxDepth;
  private long editWindowMinutes;
  private int closeAfterDays;
  private CommentSort defaultSort;
  private List<SelectItem> zoneChoices;
  private int maxLinks;
  private String blockedWords;
  private String locale;
  private String zone;
  private DemoContentStatus demo;

  @PostConstruct
  void load() {
    demo = demoContent.demoContent();
    name = site.getName();
    description = site.getOwnDescription();
    locale = site.getLocale().toLanguageTag();
    if (!LANGUAGES.containsKey(locale)) {
      locale = site.getLocale().getLanguage().equals("en") ? "en-GB" : "fr-FR";
    }
    zone = site.getZone().getId();
    CommentSettings discussions = moderation.settings();
    mode = discussions.moderation();
    maxLength = discussions.maxLength();
    maxDepth = discussions.maxDepth();
    editWindowMinutes = discussions.editWindow().toMinutes();
    closeAfterDays = discussions.closeAfterDays();
    maxLinks = discussions.maxLinks();
    blockedWords = String.join("\n", discussions.blockedWords());
    defaultSort = discussions.defaultSort();
  }

  /** Saves the discussion settings; every node applies them from the next comment on. */
  public void saveDiscussions() {
    if (!staff.isAdmin()) {
      messages.error("error.forbidden.text");
      return;
    }
    List<String> words = new ArrayList<>();
    for (String line : (blockedWords == null ? "" : blockedWords).split("\\R")) {
      String word = line.strip();
      if (!word.isEmpty() && !words.contains(word)) {
        words.add(word);
      }
    }
    boolean valid = true;
    if (mode == null) {
      messages.error("settings.mode.invalid");
      valid = false;
    }
    if (defaultSort == null) {
      messages.error("settings.default-sort.invalid");
      valid = false;
    }
    if (maxLength < 100 || maxLength > CommentLimits.BODY_LENGTH_CEILING) {
      messages.error("settings.max-length.invalid", 100, CommentLimits.BODY_LENGTH_CEILING);
      valid = false;
    }
    if (maxDepth < 1 || maxDepth > 10) {
      messages.error("settings.max-depth.invalid");
      valid = false;
    }
    if (editWindowMinutes < 0 || editWindowMinutes > 7 * 24 * 60) {
      messages.error("settings.edit-window.invalid");
      valid = false;
    }
    if (closeAfterDays < 0 || closeAfterDays > 36500) {
      messages.error("settings.close-after.invalid");
      valid = false;
    }
    if (maxLinks < 0 || maxLinks > 100) {
      messages.error("settings.max-links.invalid");
      valid = false;
    }
    if (words.size() > CommentSettings.MAX_BLOCKED_WORDS
        || words.stream().anyMatch(w -> w.length() > CommentSettings.MAX_WORD_LENGTH)) {
      messages.error(
          "settings.blocked-words.invalid",
          CommentSettings.MAX_BLOCKED_WORDS,
          CommentSettings.MAX_WORD_LENGTH);
      valid = false;
    }
    if (!valid) {
      return;
    }
    CommentSettings before = moderation.settings();
    CommentSettings after =
        new CommentSettings(
            mode,
            maxLength,
            maxDepth,
            Duration.ofMinutes(editWindowMinutes),
            closeAfterDays,
            maxLinks,
            words,
            defaultSort);
    moderation.updateSettings(after);
    if (!after.equals(before)) {
      staff.audit(AuditAction.SETTINGS_CHANGED, "discussions", describe(before, after));
    }
    messages.info("settings.saved");
  }

  /**
   * Deletes the demo articles nobody has edited, with their comments and the demo authors, sections
   * and tags left unused, and switches demo content off for good (on every node, across restarts).
   */
  public void removeDemoContent() {
    if (!staff.isAdmin()) {
      messages.error("error.forbidden.text");
      return;
    }
    int removed = demoContent.removeDemoContent();
    demo = demoContent.demoContent();
    staff.audit(
        AuditAction.SETTINGS_CHANGED,
        "demo-content",
        "off, " + removed + " articles removed, " + demo.edited() + " edited kept");
    messages.info("settings.demo.removed", removed);
  }

  public DemoContentStatus getDemo() {
    return demo;
  }

  private static String describe(CommentSettings before, CommentSettings after) {
    List<String> changed = new ArrayList<>();
    if (before.moderation() != after.moderation()) {
      changed.add("moderation=" + after.moderation());
    }
    if (before.maxLength() != after.maxLength()) {
      changed.add("max-length=" + after.maxLength());
    }
    if (before.maxDepth() != after.maxDepth()) {
      changed.add("max-depth=" + after.maxDepth());
    }
    if (!before.editWindow().equals(after.editWindow())) {
      changed.add("edit-window=" + after.editWindow());
    }
    if (before.closeAfterDays() != after.closeAfterDays()) {
      changed.add("close-after-days=" + after.closeAfterDays());
    }
    if (before.maxLinks() != after.maxLinks()) {
      changed.add("max-links=" + after.maxLinks());
    }
    if (!before.blockedWords().equals(after.blockedWords())) {
      changed.add("blocked-words (" + after.blockedWords().size() + ")");
    }
    if (before.defaultSort() != after.defaultSort()) {
      changed.add("default-sort=" + after.defaultSort().parameter());
    }
    return String.join(", ", changed);
  }

  public CommentSort[] getSorts() {
    return CommentSort.values();
  }

  public CommentSort getDefaultSort() {
    return defaultSort;
  }

  public void setDefaultSort(CommentSort defaultSort) {
    this.defaultSort = defaultSort;
  }

  public ModerationMode[] getModes() {
    return ModerationMode.values();
  }

  public ModerationMode getMode() {
    return mode;
  }

  public void setMode(ModerationMode mode) {
    this.mode = mode;
  }

  public int getMaxLength() {
    return maxLength;
  }

  public void setMaxLength(int maxLength) {
    this.maxLength = maxLength;
  }

  public int getMaxDepth() {
    return maxDepth;
  }

  public void setMaxDepth(int maxDepth) {
    this.maxDepth = maxDepth;
  }

  public long getEditWindowMinutes() {
    return editWindowMinutes;
  }

  public void setEditWindowMinutes(long editWindowMinutes) {
    this.editWindowMinutes = editWindowMinutes;
  }

  public int getCloseAfterDays() {
    return closeAfterDays;
  }

  public void setCloseAfterDays(int closeAfterDays) {
    this.closeAfterDays = closeAfterDays;
  }

  public int getMaxLinks() {
    return maxLinks;
  }

  public void setMaxLinks(int maxLinks) {
    this.maxLinks = maxLinks;
  }

  public String getBlockedWords() {
    return blockedWords;
  }

  public void setBlockedWords(String blockedWords) {
    this.blockedWords = blockedWords;
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
    if (zone == null
        || !(TimeZoneChoices.offered(zone) || zone.equals(site.getZone().getId()))
        || !ZoneId.getAvailableZoneIds().contains(zone)) {
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
    List<String> changed = stored.putChanged(wanted, staff.getEmail());
    site.refresh();
    if (!changed.isEmpty()) {
      staff.audit(AuditAction.SETTINGS_CHANGED, "site", String.join(", ", changed));
    }
    messages.info("settings.saved");
  }

  public Map<String, String> getLanguages() {
    return LANGUAGES;
  }

  /**
   * The time zones offered, grouped by part of the world and named in the console's language
   * ({@link TimeZoneChoices}); a zone saved before that is not among them (an alias, set by
   * configuration) is offered too, so that the list shows what is in force.
   */
  public List<SelectItem> getZones() {
    if (zoneChoices == null) {
      Locale language = site.getLocale();
      List<SelectItem> groups = new ArrayList<>();
      boolean current = false;
      for (Map.Entry<TimeZoneChoices.Region, List<TimeZoneChoices.Choice>> region :
          TimeZoneChoices.choices(language, Instant.now(), messages.get("settings.zone.utc"))
              .entrySet()) {
        SelectItemGroup group =
            new SelectItemGroup(messages.get("settings.zone.region." + region.getKey()));
        group.setSelectItems(
            region.getValue().stream()
                .map(choice -> new SelectItem(choice.id(), choice.label()))
                .toArray(SelectItem[]::new));
        groups.add(group);
        current |= region.getValue().stream().anyMatch(choice -> choice.id().equals(zone));
      }
      if (!current && zone != null) {
        groups.add(0, new SelectItem(zone, zone));
      }
      zoneChoices = groups;
    }
    return zoneChoices;
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
