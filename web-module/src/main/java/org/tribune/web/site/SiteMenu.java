package org.tribune.web.site;

/** The site's menus, each saved whole in {@code console_menu_item} under its name. */
public enum SiteMenu {
  HEADER,
  FOOTER;

  /** The name of the {@code console_setting} that says the menu was saved (even empty). */
  public String savedSetting() {
    return "menu." + name().toLowerCase(java.util.Locale.ROOT);
  }
}
