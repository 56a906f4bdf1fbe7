package org.tribune.web.console.appearance;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tribune.articles.api.AuthorService;
import org.tribune.articles.api.AuthorUsage;
import org.tribune.articles.api.SectionService;
import org.tribune.articles.api.SectionUsage;
import org.tribune.articles.api.TagService;
import org.tribune.articles.api.TagUsage;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.security.Staff;
import org.tribune.web.site.MenuItem;
import org.tribune.web.site.Menus;
import org.tribune.web.site.Navigation;
import org.tribune.web.site.SiteMenu;
import org.tribune.web.site.SiteSettings;

/**
 * Backs {@code /admin/appearance/menus.xhtml} (administrators): the header's and the footer's menus
 * ({@code ?menu=footer}), edited without JavaScript. Items lead to the home page, a section, a tag,
 * an author, the archives or any address; they are moved up and down, made sub-items of the item
 * before them (one level) or top items again, renamed and removed in the page, then saved whole:
 * nothing is saved unless every item is valid. An item whose section, tag or author no longer
 * exists is flagged here (the site leaves it out).
 */
@Named
@ViewScoped
public class MenusBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private Menus menus;
  @Inject private SiteSettings site;
  @Inject private Navigation navigation;
  @Inject private SectionService sections;
  @Inject private TagService tags;
  @Inject private AuthorService authors;
  @Inject private Staff staff;
  @Inject private ConsoleMessages messages;

  private SiteMenu menu = SiteMenu.HEADER;
  private boolean saved;
  private final List<Row> rows = new ArrayList<>();
  private String choice;
  private String address;
  private String label;

  /** An item being edited. */
  public static final class Row implements Serializable {
    private static final long serialVersionUID = 1L;
    private final MenuItem.Kind kind;
    private final String target;
    private String label;
    private int depth;
    private boolean gone;

    Row(MenuItem item) {
      this.kind = item.kind();
      this.target = item.target();
      this.label = item.label();
      this.depth = item.depth();
    }

    MenuItem item() {
      return new MenuItem(kind, target, label == null ? "" : label.strip(), depth);
    }

    public MenuItem.Kind getKind() {
      return kind;
    }

    public String getTarget() {
      return target;
    }

    public String getLabel() {
      return label;
    }

    public void setLabel(String label) {
      this.label = label;
    }

    public int getDepth() {
      return depth;
    }

    /** Whether its section, tag or author no longer exists (the site leaves it out). */
    public boolean isGone() {
      return gone;
    }
  }

  @PostConstruct
  void load() {
    String asked =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("menu");
    if ("footer".equals(asked)) {
      menu = SiteMenu.FOOTER;
    }
    var stored = menus.saved(menu);
    saved = stored.isPresent();
    List<MenuItem> items =
        stored.orElseGet(() -> menu == SiteMenu.HEADER ? navigation.defaultHeader() : List.of());
    rows.clear();
    items.forEach(item -> rows.add(new Row(item)));
    flagGone();
  }

  /** Moves an item up one place (with it, nothing else: its sub-items stay where they are). */
  public void up(int index) {
    if (index > 0 && index < rows.size()) {
      rows.add(index - 1, rows.remove(index));
      rows.get(0).depth = 0;
    }
  }

  public void down(int index) {
    if (index >= 0 && index < rows.size() - 1) {
      rows.add(index + 1, rows.remove(index));
      rows.get(0).depth = 0;
    }
  }

  /** Makes an item a sub-item of the nearest top item before it. */
  public void indent(int index) {
    if (index > 0 && index < rows.size()) {
      rows.get(index).depth = 1;
    }
  }

  public void outdent(int index) {
    if (index >= 0 && index < rows.size()) {
      rows.get(index).depth = 0;
    }
  }

  public void remove(int index) {
    if (index >= 0 && index < rows.size()) {
      rows.remove(index);
      if (!rows.isEmpty()) {
        rows.get(0).depth = 0;
      }
    }
  }

  /** Adds the item chosen in the list (or the address typed) at the end of the menu. */
  public void add() {
    String text = label == null ? "" : label.strip();
    MenuItem item = chosen(text);
    if (item == null) {
      return;
    }
    if (rows.size() >= MenuItem.MOST_ITEMS) {
      messages.error("menus.too-many", MenuItem.MOST_ITEMS);
      return;
    }
    rows.add(new Row(item));
    choice = null;
    address = null;
    label = null;
  }

  private MenuItem chosen(String text) {
    if (choice == null || choice.isEmpty()) {
      messages.error("menus.choice.missing");
      return null;
    }
    int colon = choice.indexOf(':');
    String kind = colon < 0 ? choice : choice.substring(0, colon);
    String slug = colon < 0 ? "" : choice.substring(colon + 1);
    switch (kind) {
      case "home":
        return new MenuItem(
            MenuItem.Kind.HOME, "", orDefault(text, messages.get("menus.kind.HOME")), 0);
      case "archives":
        return new MenuItem(
            MenuItem.Kind.ARCHIVES, "", orDefault(text, messages.get("menus.kind.ARCHIVES")), 0);
      case "section":
        return sections
            .findBySlug(slug)
            .map(s -> new MenuItem(MenuItem.Kind.SECTION, slug, orDefault(text, s.name()), 0))
            .orElseGet(this::gone);
      case "tag":
        return tags.findBySlug(slug)
            .map(t -> new MenuItem(MenuItem.Kind.TAG, slug, orDefault(text, t.name()), 0))
            .orElseGet(this::gone);
      case "author":
        return authors
            .findBySlug(slug)
            .map(a -> new MenuItem(MenuItem.Kind.AUTHOR, slug, orDefault(text, a.name()), 0))
            .orElseGet(this::gone);
      case "page":
        return navigation
            .page(slug)
            .map(
                pg ->
                    new MenuItem(
                        MenuItem.Kind.PAGE, Long.toString(pg.id()), orDefault(text, pg.title()), 0))
            .orElseGet(this::gone);
      case "address":
        String to = address == null ? "" : address.strip();
        if (!validAddress(to)) {
          messages.error("menus.address.invalid", MenuItem.ADDRESS_LENGTH);
          return null;
        }
        if (text.isEmpty()) {
          messages.error("menus.label.missing");
          return null;
        }
        return new MenuItem(MenuItem.Kind.ADDRESS, to, text, 0);
      default:
        messages.error("menus.choice.missing");
        return null;
    }
  }

  private MenuItem gone() {
    messages.error("menus.choice.gone");
    return null;
  }

  private static String orDefault(String text, String name) {
    return text.isEmpty() ? name : text;
  }

  /**
   * Whether an address may be a menu's: an address of the site ({@code /a-propos}, not {@code
   * //elsewhere}) or an absolute {@code http}/{@code https} one, without spaces.
   */
  static boolean validAddress(String address) {
    if (address.isEmpty()
        || address.length() > MenuItem.ADDRESS_LENGTH
        || address.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
      return false;
    }
    if (address.startsWith("/")) {
      return !address.startsWith("//") && !address.startsWith("/\\");
    }
    try {
      URI uri = new URI(address);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }

  /** Saves the menu as shown, or nothing when an item is not valid. */
  public void save() {
    if (!staff.isAdmin()) {
      messages.error("error.forbidden.text");
      return;
    }
    List<MenuItem> items = new ArrayList<>();
    boolean valid = true;
    for (Row row : rows) {
      MenuItem item = row.item();
      if (item.label().isEmpty() || item.label().length() > MenuItem.LABEL_LENGTH) {
        valid = false;
      }
      items.add(item);
    }
    if (!valid) {
      messages.error("menus.label.invalid", MenuItem.LABEL_LENGTH);
      return;
    }
    if (items.size() > MenuItem.MOST_ITEMS) {
      messages.error("menus.too-many", MenuItem.MOST_ITEMS);
      return;
    }
    if (!items.isEmpty() && items.get(0).depth() != 0) {
      items.set(0, items.get(0).atDepth(0));
    }
    menus.save(menu, items, staff.getEmail());
    site.refresh();
    saved = true;
    staff.audit(
        AuditAction.SETTINGS_CHANGED, "menus", menu.savedSetting() + " (" + items.size() + ")");
    flagGone();
    messages.info("menus.saved");
  }

  /** Forgets the saved menu: the site shows its default again. */
  public void reset() {
    if (!staff.isAdmin()) {
      messages.error("error.forbidden.text");
      return;
    }
    menus.reset(menu);
    site.refresh();
    staff.audit(AuditAction.SETTINGS_CHANGED, "menus", menu.savedSetting() + " reset");
    load();
    messages.info("menus.reset.done");
  }

  private void flagGone() {
    for (Row row : rows) {
      row.gone = navigation.href(row.item()).isEmpty();
    }
  }

  /** What the list offers: home and archives, each section, tag and author, an address. */
  public List<SelectItem> getChoices() {
    List<SelectItem> choices = new ArrayList<>();
    choices.add(new SelectItem("home", messages.get("menus.kind.HOME")));
    choices.add(new SelectItem("archives", messages.get("menus.kind.ARCHIVES")));
    choices.add(new SelectItem("address", messages.get("menus.kind.ADDRESS")));
    SelectItemGroup sectionGroup = new SelectItemGroup(messages.get("menus.kind.SECTION"));
    sectionGroup.setSelectItems(
        sections.all().stream()
            .map((SectionUsage s) -> new SelectItem("section:" + s.slug(), s.name()))
            .toList());
    SelectItemGroup tagGroup = new SelectItemGroup(messages.get("menus.kind.TAG"));
    tagGroup.setSelectItems(
        tags.all().stream()
            .map(TagUsage::tag)
            .map(t -> new SelectItem("tag:" + t.slug(), t.name()))
            .toList());
    SelectItemGroup authorGroup = new SelectItemGroup(messages.get("menus.kind.AUTHOR"));
    authorGroup.setSelectItems(
        authors.allWithCounts().stream()
            .map(AuthorUsage::author)
            .map(a -> new SelectItem("author:" + a.slug(), a.name()))
            .toList());
    SelectItemGroup pageGroup = new SelectItemGroup(messages.get("menus.kind.PAGE"));
    pageGroup.setSelectItems(
        site.getPages().stream()
            .map(pg -> new SelectItem("page:" + pg.id(), pg.title() + " (/" + pg.path() + ")"))
            .toList());
    choices.add(pageGroup);
    choices.add(sectionGroup);
    choices.add(tagGroup);
    choices.add(authorGroup);
    return choices;
  }

  public SiteMenu getMenu() {
    return menu;
  }

  /** Whether this menu was saved (else the page shows the site's default). */
  public boolean isSaved() {
    return saved;
  }

  public List<Row> getRows() {
    return rows;
  }

  public String getChoice() {
    return choice;
  }

  public void setChoice(String choice) {
    this.choice = choice;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getLabel() {
    return label;
  }

  public void setLabel(String label) {
    this.label = label;
  }
}
