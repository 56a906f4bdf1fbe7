package org.tribune.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Supplier;
import org.tribune.articles.api.AuthorService;
import org.tribune.articles.api.PageRef;
import org.tribune.articles.api.Section;
import org.tribune.articles.api.SectionService;
import org.tribune.articles.api.TagService;

/**
 * The site's menus as pages render them ({@code #{navigation.header}}, {@code footer}): the ones
 * saved in the console (Apparence → Menus), each item's address built from what it leads to; an
 * item whose section, tag, author or page no longer exists (or a page not published) is left out
 * (the console flags it). A header menu never saved is today's default: the home page, the top
 * sections, this month's archive.
 */
@Named("navigation")
@RequestScoped
public class Navigation {

  @Inject private SectionService sections;
  @Inject private TagService tags;
  @Inject private AuthorService authors;
  @Inject private SiteSettings site;
  @Inject private Links links;

  private List<Section> topSections;
  private Map<SiteMenu, List<MenuItem>> saved;
  private List<MenuLink> header;
  private List<MenuLink> footer;
  private Set<String> sectionSlugs;

  public List<Section> getSections() {
    if (topSections == null) {
      topSections = sections.topSections();
    }
    return topSections;
  }

  /** Site path of this month's archive, in the site's time zone. */
  public String getCurrentArchivePath() {
    YearMonth now = YearMonth.now(site.getZone());
    return String.format("/archives/%04d/%02d", now.getYear(), now.getMonthValue());
  }

  /** The header's menu. */
  public List<MenuLink> getHeader() {
    if (header == null) {
      List<MenuItem> items = saved().get(SiteMenu.HEADER);
      header = links(items == null ? defaultHeader() : items);
    }
    return header;
  }

  /** The footer's menu (none until one is saved). */
  public List<MenuLink> getFooter() {
    if (footer == null) {
      footer = links(saved().getOrDefault(SiteMenu.FOOTER, List.of()));
    }
    return footer;
  }

  /** The header menu of a site that never saved one: home, the top sections, the archives. */
  public List<MenuItem> defaultHeader() {
    ResourceBundle messages = site.messages();
    List<MenuItem> items = new ArrayList<>();
    items.add(new MenuItem(MenuItem.Kind.HOME, "", messages.getString("site.home"), 0));
    for (Section section : getSections()) {
      items.add(new MenuItem(MenuItem.Kind.SECTION, section.slug(), section.name(), 0));
    }
    items.add(new MenuItem(MenuItem.Kind.ARCHIVES, "", messages.getString("site.archives"), 0));
    return items;
  }

  /** Where an item leads, or empty when its section, tag or author no longer exists. */
  public Optional<String> href(MenuItem item) {
    return switch (item.kind()) {
      case HOME -> Optional.of(links.path("/"));
      case ARCHIVES -> Optional.of(links.path(getCurrentArchivePath()));
      case SECTION ->
          knownSections().contains(item.target())
              ? Optional.of(links.section(item.target()))
              : slug(
                      item.target(),
                      sections.findBySlug(item.target()),
                      () -> sections.currentSlug(item.target()))
                  .map(links::section);
      case TAG ->
          slug(item.target(), tags.findBySlug(item.target()), () -> tags.currentSlug(item.target()))
              .map(links::tag);
      case AUTHOR ->
          slug(
                  item.target(),
                  authors.findBySlug(item.target()),
                  () -> authors.currentSlug(item.target()))
              .map(links::author);
      case ADDRESS ->
          Optional.of(item.target().startsWith("/") ? links.path(item.target()) : item.target());
      case PAGE -> page(item.target()).filter(PageRef::readable).map(p -> links.page(p.path()));
    };
  }

  /**
   * A page by its id among those read with the settings (a page moved or renamed keeps its id, so
   * the item follows it); empty if it is in the bin or deleted.
   */
  public Optional<PageRef> page(String id) {
    try {
      long wanted = Long.parseLong(id);
      return site.getPages().stream().filter(p -> p.id() == wanted).findFirst();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The slugs of the top sections and their sub-sections, read once per request (the default menu
   * holds every top section: one query for all, not one an item).
   */
  private Set<String> knownSections() {
    if (sectionSlugs == null) {
      sectionSlugs = new HashSet<>();
      for (Section section : getSections()) {
        sectionSlugs.add(section.slug());
        section.children().forEach(child -> sectionSlugs.add(child.slug()));
      }
    }
    return sectionSlugs;
  }

  /** The slug to link to: the item's, or the one its target took since; empty if it is gone. */
  private static Optional<String> slug(
      String target, Optional<?> found, Supplier<Optional<String>> renamedTo) {
    return found.isPresent() ? Optional.of(target) : renamedTo.get();
  }

  private Map<SiteMenu, List<MenuItem>> saved() {
    if (saved == null) {
      saved = site.getMenus();
    }
    return saved;
  }

  private List<MenuLink> links(List<MenuItem> items) {
    List<MenuLink> result = new ArrayList<>();
    List<MenuLink> children = null;
    String href = null;
    String label = null;
    boolean parentShown = false;
    for (MenuItem item : items) {
      Optional<String> to = href(item);
      if (item.depth() == 0) {
        if (parentShown) {
          result.add(new MenuLink(href, label, children));
        }
        parentShown = to.isPresent();
        href = to.orElse(null);
        label = item.label();
        children = new ArrayList<>();
      } else if (parentShown && to.isPresent()) {
        children.add(new MenuLink(to.get(), item.label(), List.of()));
      }
    }
    if (parentShown) {
      result.add(new MenuLink(href, label, children));
    }
    return result;
  }
}
