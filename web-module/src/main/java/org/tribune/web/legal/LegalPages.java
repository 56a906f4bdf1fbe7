package org.tribune.web.legal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleEdit;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.BodyFormat;
import org.tribune.articles.api.EditorialService;
import org.tribune.articles.api.PageOptions;
import org.tribune.articles.api.PageRef;
import org.tribune.articles.api.SlugTakenException;
import org.tribune.web.config.SiteReady;
import org.tribune.web.discussion.VisitorCookies;
import org.tribune.web.site.SiteSettings;
import org.tribune.web.site.StoredSettings;
import org.tribune.web.transfer.LegacyAddresses;

/**
 * Drafts the legal pages from their templates and keeps track of them: each page's id sits in the
 * console's settings ({@code legal.page.<slug>}), so the footer and the dashboard find it whatever
 * the administrator renamed or moved. A page deleted for good is drafted again on demand.
 */
@ApplicationScoped
public class LegalPages {
  private static final Logger LOG = Logger.getLogger(LegalPages.class.getName());

  /** Set once the first start drafted the pages, on whichever node did it. */
  static final String DRAFTED = "legal.drafted";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-z.-]+)}}");

  /** Characters that mean something to Markdown, escaped in the values the form gives. */
  private static final Pattern MARKDOWN = Pattern.compile("([\\\\`*_\\[\\]{}()#+!<>|~])");

  /** The templates are French, and so are the pages' titles, whatever the site's language. */
  private static final ResourceBundle FRENCH =
      ResourceBundle.getBundle("org.tribune.web.i18n.messages", java.util.Locale.FRENCH);

  @Inject private StoredSettings stored;
  @Inject private EditorialService editorial;
  @Inject private ArticleService articles;
  @Inject private SiteSettings site;

  @Inject
  @ConfigProperty(name = "tribune.comments.edit-window", defaultValue = "PT15M")
  Duration editWindow;

  /**
   * Whether a new site drafts the pages at its first start: off for a site about to receive
   * another's content (an import or a restore), which brings its own.
   */
  @Inject
  @ConfigProperty(name = "tribune.legal.draft-pages", defaultValue = "true")
  boolean draftPages;

  /** A legal page as the console shows it: its page, or none when it was never drafted. */
  public record State(LegalPage kind, String title, PageRef page) {
    public boolean published() {
      return page != null && page.readable();
    }
  }

  /**
   * On the first start of a site (of any of its nodes), drafts the four pages. Runs once per site:
   * a site that deleted them does not get them back at its next start.
   */
  void siteReady(@Observes SiteReady ready) {
    try {
      draftOnFirstStart();
    } catch (RuntimeException e) {
      // The site serves its pages all the same; the console drafts them on demand.
      LOG.log(Level.WARNING, "Tribune: could not draft the legal pages", e);
    }
  }

  public void draftOnFirstStart() {
    if (!draftPages) {
      return;
    }
    String mine = UUID.randomUUID().toString();
    if (!mine.equals(stored.putIfAbsent(DRAFTED, mine))) {
      return;
    }
    int drafted = draftMissing(null);
    LOG.info("Tribune: drafted " + drafted + " legal pages (Mentions légales…) to complete");
  }

  /**
   * Drafts those of the pages that do not exist (never drafted, or deleted for good since), from
   * their templates; each is a draft at the site's root, without author.
   *
   * @param editor who asks (kept with the revision), {@code null} for the system
   * @return how many pages were drafted
   */
  public int draftMissing(String editor) {
    Map<String, String> settings = stored.all();
    Map<LegalPage, PageRef> pages = pages(settings);
    LegalNotice notice = LegalNotice.of(settings);
    int drafted = 0;
    for (LegalPage kind : LegalPage.values()) {
      if (pages.containsKey(kind)) {
        continue;
      }
      long id = create(kind, render(kind, notice), editor == null ? "system" : editor);
      stored.put(kind.setting(), Long.toString(id), editor);
      drafted++;
    }
    return drafted;
  }

  private long create(LegalPage kind, String body, String editor) {
    String title = title(kind);
    ArticleDraft draft =
        new ArticleDraft(
                title,
                kind.slug(),
                "",
                BodyFormat.MARKDOWN,
                body,
                List.of(),
                null,
                List.of(),
                null,
                null,
                false)
            .asPage(PageOptions.atRoot());
    try {
      return editorial.create(draft, editor);
    } catch (SlugTakenException e) {
      // Someone wrote an article or a page with that address: the page takes the next free one.
      return editorial.create(draft.withSlug(null), editor);
    }
  }

  /** The four pages, those drafted first, with their state now. */
  public List<State> states() {
    Map<LegalPage, PageRef> pages = pages(stored.all());
    List<State> states = new ArrayList<>();
    for (LegalPage kind : LegalPage.values()) {
      states.add(new State(kind, title(kind), pages.get(kind)));
    }
    return states;
  }

  /** Whether the <em>Mentions légales</em> are published (the dashboard warns until they are). */
  public boolean mentionsPublished() {
    PageRef mentions = pages(stored.all()).get(LegalPage.MENTIONS);
    return mentions != null && mentions.readable();
  }

  /** The notice's fields as last saved. */
  public LegalNotice notice() {
    return LegalNotice.of(stored.all());
  }

  /**
   * Saves the notice's fields and writes the <em>Mentions légales</em> again from its template with
   * them, as a new revision of the page (drafted first if it does not exist); the page keeps its
   * status, so a published notice shows the new fields at once.
   *
   * @return the page's id
   */
  public long saveNotice(LegalNotice notice, String editor) {
    stored.putChanged(notice.settings(), editor);
    Map<LegalPage, PageRef> pages = pages(stored.all());
    PageRef page = pages.get(LegalPage.MENTIONS);
    String body = render(LegalPage.MENTIONS, notice);
    if (page == null) {
      long id = create(LegalPage.MENTIONS, body, editor);
      stored.put(LegalPage.MENTIONS.setting(), Long.toString(id), editor);
      return id;
    }
    ArticleEdit edit = editorial.forEditing(page.id()).orElseThrow();
    if (!edit.draft().body().equals(body)) {
      editorial.save(page.id(), edit.version(), edit.draft().withBody(body), editor);
    }
    return page.id();
  }

  /** The legal pages that exist (in the bin or not), by kind. */
  private Map<LegalPage, PageRef> pages(Map<String, String> settings) {
    Map<LegalPage, PageRef> found = new EnumMap<>(LegalPage.class);
    List<PageRef> all = null;
    for (LegalPage kind : LegalPage.values()) {
      Optional<Long> id = id(settings.get(kind.setting()));
      if (id.isEmpty()) {
        continue;
      }
      if (all == null) {
        all = articles.pages();
      }
      Optional<PageRef> page = all.stream().filter(p -> p.id() == id.get()).findFirst();
      if (page.isEmpty()) {
        // Not among the pages out of the bin: in the bin, or deleted for good.
        page =
            articles
                .find(id.get())
                .filter(a -> a.isPage() && a.status() == ArticleStatus.TRASHED)
                .map(a -> new PageRef(a.id(), a.title(), a.pagePath(), null, a.status(), false));
      }
      page.ifPresent(p -> found.put(kind, p));
    }
    return found;
  }

  /** A legal page, when the site has it and it is published (from the pages kept in memory). */
  static Optional<PageRef> published(SiteSettings site, LegalPage kind) {
    return id(site.stored(kind.setting()).orElse(null))
        .flatMap(id -> site.getPages().stream().filter(p -> p.id() == id).findFirst())
        .filter(PageRef::readable);
  }

  static Optional<Long> id(String value) {
    try {
      return value == null ? Optional.empty() : Optional.of(Long.parseLong(value.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String title(LegalPage kind) {
    return FRENCH.getString(kind.titleKey());
  }

  private String render(LegalPage kind, LegalNotice notice) {
    return render(kind, notice, site.getName(), editWindow);
  }

  /**
   * The template filled in: the notice's fields (Markdown characters escaped; a blank field marked
   * to complete), the site's name, the cookies Tribune sets and how long, and how long a commenter
   * may correct a comment.
   */
  static String render(LegalPage kind, LegalNotice notice, String siteName, Duration editWindow) {
    String template = template(kind);
    String[] values = notice.values();
    Map<String, String> filled = new java.util.HashMap<>();
    for (int i = 0; i < values.length; i++) {
      String name = LegalNotice.SETTINGS[i].substring("legal.".length());
      filled.put(
          name,
          values[i].isEmpty()
              ? "**" + FRENCH.getString("legal.to-complete") + "**"
              : escape(values[i]));
    }
    filled.put("site.name", escape(siteName));
    filled.put("cookie.visitor", VisitorCookies.VISITOR);
    filled.put("cookie.own", VisitorCookies.OWN);
    filled.put("cookie.commenter", VisitorCookies.COMMENTER);
    filled.put("cookie.sort", VisitorCookies.SORT);
    filled.put("cookie.legacy", LegacyAddresses.COOKIE);
    filled.put("days.year", Long.toString(VisitorCookies.YEAR.toDays()));
    filled.put("days.own", Long.toString(VisitorCookies.OWN_LIFETIME.toDays()));
    filled.put("minutes.edit", Long.toString(Math.max(1, editWindow.toMinutes())));
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = filled.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("No value for {{" + m.group(1) + "}} in " + kind);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String template(LegalPage kind) {
    try (InputStream in = LegalPages.class.getResourceAsStream(kind.template())) {
      if (in == null) {
        throw new IllegalStateException("No template " + kind.template());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String escape(String value) {
    return MARKDOWN.matcher(value).replaceAll("\\\\$1");
  }
}
