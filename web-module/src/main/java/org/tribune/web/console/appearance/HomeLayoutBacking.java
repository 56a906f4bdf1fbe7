package org.tribune.web.console.appearance;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.tribune.articles.api.SectionService;
import org.tribune.articles.api.SectionUsage;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.security.Staff;
import org.tribune.web.home.HomeLayout;
import org.tribune.web.site.SiteSettings;
import org.tribune.web.site.StoredSettings;

/**
 * Backs {@code /admin/appearance/home} (administrators), Apparence → <em>Page d'accueil</em>: which
 * sections the home page shows after « À la une », in which order (a position for each, blank for
 * none), and how many articles each. Saved whole or not at all; applied on every node within
 * seconds.
 */
@Named
@ViewScoped
public class HomeLayoutBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private SectionService sections;
  @Inject private SiteSettings site;
  @Inject private StoredSettings stored;
  @Inject private Staff staff;
  @Inject private ConsoleMessages messages;

  /** One section of the form: its position on the home page, blank when it is not shown. */
  public static class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final String slug;
    private final String label;
    private String position;

    Row(String slug, String label, String position) {
      this.slug = slug;
      this.label = label;
      this.position = position;
    }

    public String getSlug() {
      return slug;
    }

    public String getLabel() {
      return label;
    }

    public String getPosition() {
      return position;
    }

    public void setPosition(String position) {
      this.position = position;
    }
  }

  private List<Row> rows;
  private int perSection;

  @PostConstruct
  void load() {
    HomeLayout layout = HomeLayout.of(site);
    perSection = layout.perSection();
    rows = new ArrayList<>();
    for (SectionUsage s : sections.all()) {
      int at = layout.sections().indexOf(s.slug());
      rows.add(
          new Row(
              s.slug(),
              s.parent() == null ? s.name() : s.parent().name() + " › " + s.name(),
              at < 0 ? "" : Integer.toString(at + 1)));
    }
  }

  /** Saves the sections with a position, in its order (ties by the list's order), or nothing. */
  public void save() {
    if (!staff.isAdmin()) {
      messages.error("error.forbidden.text");
      return;
    }
    record Chosen(String slug, int position, int row) {}
    List<Chosen> chosen = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      String text = row.position == null ? "" : row.position.strip();
      if (text.isEmpty()) {
        continue;
      }
      int position;
      try {
        position = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        position = 0;
      }
      if (position < 1 || position > 99) {
        messages.error("home-layout.position.invalid", row.label);
        return;
      }
      chosen.add(new Chosen(row.slug, position, i));
    }
    if (chosen.size() > HomeLayout.MOST_SECTIONS) {
      messages.error("home-layout.too-many", HomeLayout.MOST_SECTIONS);
      return;
    }
    if (perSection < HomeLayout.FEWEST || perSection > HomeLayout.MOST) {
      messages.error("home-layout.per-section.invalid", HomeLayout.FEWEST, HomeLayout.MOST);
      return;
    }
    chosen.sort(Comparator.comparingInt(Chosen::position).thenComparingInt(Chosen::row));
    HomeLayout layout = new HomeLayout(chosen.stream().map(Chosen::slug).toList(), perSection);
    List<String> changed = stored.putChanged(layout.settings(), staff.getEmail());
    site.refresh();
    if (!changed.isEmpty()) {
      staff.audit(AuditAction.SETTINGS_CHANGED, "home", String.join(", ", changed));
    }
    messages.info("home-layout.saved");
    load();
  }

  public List<Row> getRows() {
    return rows;
  }

  public int getPerSection() {
    return perSection;
  }

  public void setPerSection(int perSection) {
    this.perSection = perSection;
  }

  /** The choices of articles a section: {@value HomeLayout#FEWEST} to {@value HomeLayout#MOST}. */
  public List<Integer> getPerSectionChoices() {
    List<Integer> choices = new ArrayList<>();
    for (int n = HomeLayout.FEWEST; n <= HomeLayout.MOST; n++) {
      choices.add(n);
    }
    return choices;
  }
}
