package org.tribune.web.console.appearance;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaService;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.security.Staff;
import org.tribune.web.site.Branding;
import org.tribune.web.site.Colours;
import org.tribune.web.site.SiteSettings;
import org.tribune.web.site.StoredSettings;

/**
 * Backs {@code /admin/appearance.xhtml} (administrators), <em>Apparence</em>: the site's logo (an
 * image of the media library, also its icon and the publisher's logo in articles' structured data),
 * tagline, footer text, the "Publié avec Tribune" line, and the accent colour of links and buttons,
 * refused unless it is readable (WCAG AA) on the pages' background and under white text. The logo
 * is saved as soon as it is chosen (its own form); the other values together, and none unless every
 * one is valid. Saved values apply on every node within seconds, and the audit log records which
 * ones changed.
 */
@Named
@ViewScoped
public class AppearanceBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Library items listed by a search for the logo. */
  static final int RESULTS = 12;

  @Inject private SiteSettings site;
  @Inject private StoredSettings stored;
  @Inject private Staff staff;
  @Inject private ConsoleMessages messages;
  @Inject private MediaService media;

  private String tagline;
  private String footer;
  private boolean poweredBy;
  private String accent;
  private Long logoId;
  private String logoQuery;
  private List<MediaItem> logoResults;

  @PostConstruct
  void load() {
    Branding branding = site.getBranding();
    tagline = site.getTagline();
    footer = branding.footer();
    poweredBy = branding.poweredBy();
    accent = branding.accent();
    logoId = branding.logoId();
  }

  /** Saves every value, or none when one is not valid (each fault has its message). */
  public void save() {
    if (!staff.isAdmin()) {
      messages.error("error.forbidden.text");
      return;
    }
    String newTagline = tagline == null ? "" : tagline.strip();
    String newFooter = footer == null ? "" : footer.strip();
    boolean valid = true;
    if (newTagline.length() > Branding.TAGLINE_LENGTH || newTagline.contains("\n")) {
      messages.error("appearance.tagline.invalid", Branding.TAGLINE_LENGTH);
      valid = false;
    }
    if (newFooter.length() > Branding.FOOTER_LENGTH) {
      messages.error("appearance.footer.too-long", Branding.FOOTER_LENGTH);
      valid = false;
    }
    Optional<String> colour = Colours.parse(accent);
    if (colour.isEmpty()) {
      messages.error("appearance.accent.invalid");
      valid = false;
    } else if (!Branding.readable(colour.get())) {
      messages.error(
          "appearance.accent.unreadable",
          colour.get(),
          floorTenth(Colours.contrast(colour.get(), Branding.PAPER)),
          floorTenth(Colours.contrast(colour.get(), "#ffffff")));
      valid = false;
    }
    if (!valid) {
      return;
    }
    Map<String, String> wanted = new LinkedHashMap<>();
    wanted.put(Branding.TAGLINE, newTagline);
    wanted.put(Branding.FOOTER, newFooter);
    wanted.put(Branding.POWERED_BY, Boolean.toString(poweredBy));
    wanted.put(Branding.ACCENT, colour.get());
    List<String> changed = stored.putChanged(wanted, staff.getEmail());
    site.refresh();
    accent = colour.get();
    if (!changed.isEmpty()) {
      staff.audit(AuditAction.SETTINGS_CHANGED, "appearance", String.join(", ", changed));
    }
    messages.info("settings.saved");
  }

  /** A contrast rounded down to a tenth: 4.49 is shown as 4.4, never as a passing 4.5. */
  private static double floorTenth(double contrast) {
    return Math.floor(contrast * 10) / 10;
  }

  /** Lists the library's images matching the query, for the logo. */
  public void searchLogo() {
    logoResults = media.search(logoQuery, 0, RESULTS).items();
  }

  /** Makes an image of the library the logo, at once. */
  public void pickLogo(long id) {
    if (!staff.isAdmin()) {
      messages.error("error.forbidden.text");
      return;
    }
    if (media.find(id).isEmpty()) {
      messages.error("appearance.logo.gone");
      return;
    }
    saveLogo(id);
    logoResults = null;
    messages.info("appearance.logo.saved");
  }

  /** No logo any more, at once. */
  public void removeLogo() {
    if (!staff.isAdmin()) {
      messages.error("error.forbidden.text");
      return;
    }
    saveLogo(null);
    messages.info("appearance.logo.removed");
  }

  private void saveLogo(Long id) {
    Map<String, String> wanted = new LinkedHashMap<>();
    wanted.put(Branding.LOGO, id == null ? null : id.toString());
    if (!stored.putChanged(wanted, staff.getEmail()).isEmpty()) {
      staff.audit(AuditAction.SETTINGS_CHANGED, "appearance", Branding.LOGO + "=" + id);
    }
    site.refresh();
    logoId = id;
  }

  /** The logo chosen, or null: none, or deleted from the library since. */
  public MediaItem getLogo() {
    return logoId == null ? null : media.find(logoId).orElse(null);
  }

  /** Whether the saved logo has been deleted from the library. */
  public boolean isLogoGone() {
    return logoId != null && getLogo() == null;
  }

  public String getTagline() {
    return tagline;
  }

  public void setTagline(String tagline) {
    this.tagline = tagline;
  }

  public String getFooter() {
    return footer;
  }

  public void setFooter(String footer) {
    this.footer = footer;
  }

  public boolean isPoweredBy() {
    return poweredBy;
  }

  public void setPoweredBy(boolean poweredBy) {
    this.poweredBy = poweredBy;
  }

  public String getAccent() {
    return accent;
  }

  public void setAccent(String accent) {
    this.accent = accent;
  }

  public String getLogoQuery() {
    return logoQuery;
  }

  public void setLogoQuery(String logoQuery) {
    this.logoQuery = logoQuery;
  }

  public List<MediaItem> getLogoResults() {
    return logoResults;
  }
}
