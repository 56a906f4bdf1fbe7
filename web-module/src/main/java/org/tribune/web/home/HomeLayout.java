package org.tribune.web.home;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribune.web.site.SiteSettings;

/**
 * Which sections the home page shows after « À la une », in their order, and how many of the latest
 * articles of each: chosen in the console (Apparence → Page d'accueil), stored as {@value
 * #SECTIONS} (section slugs, comma-separated, in order) and {@value #PER_SECTION}. None by default:
 * the home page then shows the latest articles only.
 */
public record HomeLayout(List<String> sections, int perSection) implements Serializable {
  public static final String SECTIONS = "home.sections";
  public static final String PER_SECTION = "home.per-section";

  /** Articles shown for each section: fewest, default, most. */
  public static final int FEWEST = 2;

  public static final int DEFAULT_PER_SECTION = 4;
  public static final int MOST = 8;

  /** Sections the home page shows at most. */
  public static final int MOST_SECTIONS = 12;

  public HomeLayout {
    sections = List.copyOf(sections);
    perSection = Math.max(FEWEST, Math.min(MOST, perSection));
  }

  /** The layout as the settings hold it now (read with the site's other settings). */
  public static HomeLayout of(SiteSettings site) {
    List<String> slugs = new ArrayList<>();
    for (String slug : site.stored(SECTIONS).orElse("").split(",")) {
      if (!slug.isBlank() && !slugs.contains(slug.strip()) && slugs.size() < MOST_SECTIONS) {
        slugs.add(slug.strip());
      }
    }
    int per;
    try {
      per = Integer.parseInt(site.stored(PER_SECTION).orElse("").strip());
    } catch (NumberFormatException e) {
      per = DEFAULT_PER_SECTION;
    }
    return new HomeLayout(slugs, per);
  }

  /** The values to store; no section removes the setting. */
  public Map<String, String> settings() {
    Map<String, String> values = new LinkedHashMap<>();
    values.put(SECTIONS, sections.isEmpty() ? null : String.join(",", sections));
    values.put(PER_SECTION, Integer.toString(perSection));
    return values;
  }
}
