package org.tribune.web.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.tribune.articles.api.ArticleKey;
import org.tribune.articles.api.ArticleLimits;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.ArticleTransferService;
import org.tribune.articles.api.BodyFormat;
import org.tribune.articles.api.ImportedArticle;
import org.tribune.articles.api.ImportedAuthor;
import org.tribune.articles.api.ImportedSection;
import org.tribune.articles.api.PageOptions;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.ImportedComment;
import org.tribune.web.site.SiteSettings;
import org.tribune.web.transfer.ImportLinks.Kind;
import org.tribune.web.transfer.ImportLinks.Link;
import org.tribune.web.transfer.ImportReport.Outcome;

/**
 * Imports a WordPress site from its WXR export: authors, categories (as sections, with their
 * hierarchy), tags, posts (as articles), pages (as pages, under the same parents) and every comment
 * with its thread. Streaming: one item and its comments are in memory at a time. Each article is
 * written with its comments in one transaction ({@link ImportWriter}); what was imported before is
 * recognised by its id in the source and left alone, so an import may be run again, and goes on
 * where a failed one stopped.
 *
 * <p>Images (attachments, and the images of the site's own hosts that posts show) go into the media
 * library first ({@link WxrMediaImport}); posts then show the library's. Skipped, and counted in
 * the report: files that are not images, menu items, other post types, pingbacks and trackbacks,
 * comments with no text.
 */
@ApplicationScoped
public class WxrImporter {
  private static final Logger LOG = Logger.getLogger(WxrImporter.class.getName());

  /** Articles written per transaction, at most (fewer when they carry many comments). */
  static final int BATCH_ARTICLES = 25;

  static final int BATCH_COMMENTS = 2_000;

  @Inject private ArticleTransferService articles;
  @Inject private ImportWriter writer;
  @Inject private ImportLinks links;
  @Inject private SiteSettings site;
  @Inject private WxrMediaImport mediaImport;

  /**
   * Imports a file kept on disk: first its images into the media library ({@link WxrMediaImport},
   * unless {@code fetchMedia} is false), then everything else with the library's images in the
   * posts; {@code progress} is told how many bytes the second pass read.
   */
  public void run(
      Path file, LongConsumer progress, String actor, ImportReport report, boolean fetchMedia) {
    WxrMedia media = WxrMedia.NONE;
    if (fetchMedia) {
      try {
        media = mediaImport.run(file, site.getZone(), actor, report);
      } catch (IOException | RuntimeException e) {
        LOG.log(Level.SEVERE, "WXR import: the images' pass stopped", e);
        report.warn("images", null, "media-pass", String.valueOf(e.getMessage()));
      }
    }
    try (InputStream in = new CountingInputStream(Files.newInputStream(file), progress)) {
      run(in, actor, report, media);
    } catch (IOException e) {
      report.fail("read", e.getMessage());
    }
  }

  /**
   * Reads the file to its end (or its first fatal problem), writing as it goes, into the report.
   */
  private void run(InputStream in, String actor, ImportReport report, WxrMedia media) {
    Run run = new Run(actor, report, media);
    try (WxrReader reader = new WxrReader(in, site.getZone())) {
      Wxr.Entry entry;
      while ((entry = reader.next()) != null) {
        run.take(entry);
      }
      run.flushTerms();
      run.finish();
      report.complete();
    } catch (ImportException e) {
      // The whole items read before the problem are written: only the broken one is lost.
      run.finish();
      report.fail(e.code(), e.detail());
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "WXR import stopped", e);
      report.fail("internal", String.valueOf(e.getMessage()));
    }
  }

  /** The state of one import. */
  private final class Run {
    private final String actor;
    private final ImportReport report;
    private String source = "wordpress";
    private final Map<String, Wxr.Author> authorsByLogin = new HashMap<>();
    private final Set<String> staffUserIds = new HashSet<>();
    private final Map<String, Long> authorIds = new HashMap<>();
    private final Map<String, Wxr.Term> categories = new LinkedHashMap<>();
    private final List<Wxr.Term> tags = new ArrayList<>();
    private final Map<String, Long> sectionIds = new HashMap<>();
    private final Map<String, Long> tagIds = new HashMap<>();

    /**
     * What this run counted, by id here: two names in the source that are one thing here (the tags
     * « Marché » and « marché », two logins of one person) are counted once.
     */
    private final Set<Long> sectionsSeen = new HashSet<>();

    private final Set<Long> tagsSeen = new HashSet<>();
    private final Set<Long> authorsSeen = new HashSet<>();
    private boolean termsDone;
    private final List<Pending> batch = new ArrayList<>();
    private int batchComments;

    /** Pages written in this run: WordPress id → id here. */
    private final Map<String, Long> pageIds = new HashMap<>();

    /** Pages read and waiting for their parent, which comes later in the file, by parent id. */
    private final Map<String, List<Wxr.Post>> waitingPages = new LinkedHashMap<>();

    /** Pages whose parent was written, to take now. */
    private final ArrayDeque<Wxr.Post> released = new ArrayDeque<>();

    /** Pages put at the root because their parent is not in the file (or was not imported). */
    private final Set<String> rootPages = new HashSet<>();

    private final WxrMedia media;

    Run(String actor, ImportReport report, WxrMedia media) {
      this.actor = actor;
      this.report = report;
      this.media = media;
    }

    void take(Wxr.Entry entry) {
      if (entry instanceof Wxr.Site s) {
        source = WxrImporter.sourceName(s);
      } else if (entry instanceof Wxr.Author a) {
        if (a.login() != null && !a.login().isBlank()) {
          authorsByLogin.put(a.login(), a);
        }
        if (a.id() != null && !a.id().isBlank()) {
          staffUserIds.add(a.id().strip());
        }
      } else if (entry instanceof Wxr.Term t) {
        if ("category".equals(t.taxonomy()) && t.slug() != null) {
          categories.putIfAbsent(t.slug(), t);
        } else if ("post_tag".equals(t.taxonomy()) && t.slug() != null) {
          tags.add(t);
        }
      } else if (entry instanceof Wxr.Post p) {
        flushTerms();
        post(p);
        takeReleased();
      }
    }

    private void takeReleased() {
      Wxr.Post page;
      while ((page = released.poll()) != null) {
        post(page);
      }
    }

    /**
     * Writes what is left: the last batch, then the pages still waiting for a parent that never
     * came (or could not be imported), at the root and reported — a chain of them keeps its own
     * order, its top page at the root.
     */
    void finish() {
      settle();
      while (!waitingPages.isEmpty()) {
        Set<String> waiting = new HashSet<>();
        waitingPages.values().forEach(l -> l.forEach(p -> waiting.add(p.id().strip())));
        List<String> missing =
            waitingPages.keySet().stream().filter(parent -> !waiting.contains(parent)).toList();
        if (missing.isEmpty()) {
          // Pages that are each other's parents: one of them goes to the root.
          missing = List.of(waitingPages.keySet().iterator().next());
        }
        for (String parent : missing) {
          for (Wxr.Post page : waitingPages.remove(parent)) {
            rootPages.add(page.id().strip());
            report.warn("pages", page.id().strip(), "parent-missing", parent);
            post(page);
            takeReleased();
          }
        }
        settle();
      }
    }

    /** Writes what is read, and the pages that were waiting for it, until nothing is left. */
    private void settle() {
      while (!batch.isEmpty() || !released.isEmpty()) {
        writeBatch();
        takeReleased();
      }
    }

    /** Writes the categories (parents first) and tags read so far, once, before the first post. */
    void flushTerms() {
      if (termsDone) {
        return;
      }
      termsDone = true;
      for (Wxr.Term category : categories.values()) {
        section(category.slug(), new HashSet<>());
      }
      for (Wxr.Term tag : tags) {
        tag(tag.slug(), tag.name(), tag.description());
      }
    }

    private Long section(String slug, Set<String> seen) {
      Long known = sectionIds.get(slug);
      if (known != null) {
        return known;
      }
      Wxr.Term term = categories.get(slug);
      String name = term == null ? slug : Markup.text(term.name());
      if (name.isBlank()) {
        name = decode(slug);
      }
      Long parent = null;
      if (term != null
          && term.parentSlug() != null
          && !term.parentSlug().isBlank()
          && seen.add(slug)
          && categories.containsKey(term.parentSlug())) {
        parent = section(term.parentSlug(), seen);
      }
      try {
        var existing = links.find(source, Kind.SECTION, slug);
        long id =
            articles.importSection(
                new ImportedSection(
                    Markup.cut(decode(slug), ArticleLimits.SLUG_LENGTH),
                    Markup.cut(name, ArticleLimits.NAME_LENGTH),
                    Markup.cut(
                        term == null ? "" : Markup.text(term.description()),
                        ArticleLimits.DESCRIPTION_LENGTH),
                    parent));
        if (sectionsSeen.add(id)) {
          report.count("sections", existing.isPresent() ? Outcome.UNCHANGED : Outcome.IMPORTED);
        }
        List<Link> rows = new ArrayList<>();
        rows.add(new Link(source, Kind.SECTION, slug, id, null, slug, null, null));
        if (term != null
            && term.id() != null
            && LegacyAddresses.NUMBER.matcher(term.id().strip()).matches()) {
          // For the old /?cat={id} addresses.
          rows.add(new Link(source, Kind.TERM_ID, term.id().strip(), id, null, null, null, null));
        }
        links.save(rows);
        sectionIds.put(slug, id);
        return id;
      } catch (RuntimeException e) {
        report.skip("sections", slug, "error", message(e));
        sectionIds.put(slug, null);
        return null;
      }
    }

    private Long tag(String slug, String rawName, String description) {
      String key = slug == null || slug.isBlank() ? Markup.text(rawName) : slug;
      if (tagIds.containsKey(key)) {
        return tagIds.get(key);
      }
      String name = Markup.cut(Markup.text(rawName), ArticleLimits.NAME_LENGTH);
      if (name.isBlank()) {
        name = Markup.cut(decode(key), ArticleLimits.NAME_LENGTH);
      }
      try {
        var existing = links.find(source, Kind.TAG, key);
        long id =
            articles.importTag(
                Markup.cut(decode(key), ArticleLimits.SLUG_LENGTH),
                name,
                Markup.cut(Markup.text(description), ArticleLimits.DESCRIPTION_LENGTH));
        if (tagsSeen.add(id)) {
          report.count("tags", existing.isPresent() ? Outcome.UNCHANGED : Outcome.IMPORTED);
        }
        links.save(List.of(new Link(source, Kind.TAG, key, id, null, key, null, null)));
        tagIds.put(key, id);
        return id;
      } catch (RuntimeException e) {
        report.skip("tags", key, "error", message(e));
        tagIds.put(key, null);
        return null;
      }
    }

    private long author(String login) {
      String key = login == null || login.isBlank() ? "" : login.strip();
      Long known = authorIds.get(key);
      if (known != null) {
        return known;
      }
      Wxr.Author wxr = authorsByLogin.get(key);
      String display = wxr == null ? "" : Markup.text(wxr.displayName());
      if (display.isBlank()) {
        // A byline from the login: its letters, digits and word marks only (no stray markup).
        display = Markup.text(key).replaceAll("[^\\p{L}\\p{N}._' -]+", " ").strip();
      }
      if (display.isBlank()) {
        display = report.text("transfer.unknown-author");
      }
      String email = wxr == null || wxr.email() == null ? null : wxr.email().strip();
      if (email != null && (email.isEmpty() || email.length() > 254 || !email.contains("@"))) {
        email = null;
      }
      var existing = links.find(source, Kind.AUTHOR, key);
      long id =
          articles.importAuthor(
              new ImportedAuthor(
                  key.isEmpty() ? null : Markup.cut(key, ArticleLimits.NAME_LENGTH),
                  email,
                  Markup.cut(display, ArticleLimits.NAME_LENGTH),
                  ""));
      if (authorsSeen.add(id)) {
        report.count("authors", existing.isPresent() ? Outcome.UNCHANGED : Outcome.IMPORTED);
      }
      List<Link> rows = new ArrayList<>();
      rows.add(new Link(source, Kind.AUTHOR, key, id, null, key, null, null));
      if (wxr != null
          && wxr.id() != null
          && LegacyAddresses.NUMBER.matcher(wxr.id().strip()).matches()) {
        // For the old /?author={id} addresses.
        rows.add(new Link(source, Kind.USER_ID, wxr.id().strip(), id, null, null, null, null));
      }
      links.save(rows);
      authorIds.put(key, id);
      return id;
    }

    private void post(Wxr.Post p) {
      String type = p.type() == null ? "post" : p.type();
      String kind;
      switch (type) {
        case "post" -> kind = "articles";
        case "page" -> kind = "pages";
        case "attachment" -> {
          // Taken (or reported) by the images' pass; without it, reported here.
          if (media == WxrMedia.NONE) {
            report.skip("attachments", p.id(), "not-fetched");
          }
          return;
        }
        case "nav_menu_item" -> {
          report.skip("menu-items", p.id(), "menu-item");
          return;
        }
        default -> {
          report.skip("other", p.id(), "post-type", type);
          return;
        }
      }
      if (p.id() == null || p.id().isBlank()) {
        report.skip(kind, null, "no-id", Markup.text(p.title()));
        return;
      }
      String id = p.id().strip();
      PageOptions page = null;
      if ("page".equals(type)) {
        Optional<PageOptions> placed = placement(p, id);
        if (placed.isEmpty()) {
          return;
        }
        page = placed.get();
      }
      try {
        ImportedArticle article = article(p, kind, id, page);
        if (article == null) {
          return;
        }
        List<ImportWriter.CommentPlan> plans = comments(p, id);
        String oldSlug = p.slug() == null || p.slug().isBlank() ? null : decode(p.slug());
        batch.add(
            new Pending(
                kind,
                id,
                new ImportWriter.Item(
                    new ImportWriter.ArticlePlan(
                        source,
                        "page".equals(type) ? Kind.PAGE : Kind.POST,
                        id,
                        article,
                        p.modified() != null ? p.modified() : p.date(),
                        oldPath(p.link()),
                        oldSlug),
                    plans)));
        batchComments += plans.size();
        if (batch.size() >= BATCH_ARTICLES || batchComments >= BATCH_COMMENTS) {
          writeBatch();
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "WXR import: item " + id + " not imported", e);
        report.skip(kind, id, "error", message(e));
        report.count("comments", Outcome.SKIPPED, p.comments().size());
      }
    }

    /**
     * Where a page goes: at the root, or under its parent once that is written (in this run or an
     * earlier one). Empty when the parent comes later in the file: the page then waits for it.
     */
    private Optional<PageOptions> placement(Wxr.Post p, String id) {
      PageOptions options = pageOptions(p.meta().get(WxrWriter.META_PAGE));
      String parent = p.parentId() == null ? "" : p.parentId().strip();
      if (parent.isEmpty() || parent.equals("0") || parent.equals(id) || rootPages.contains(id)) {
        return Optional.of(options);
      }
      if (!pageIds.containsKey(parent)
          && batch.stream().anyMatch(b -> b.kind().equals("pages") && b.id().equals(parent))) {
        writeBatch();
      }
      Long parentId = pageIds.get(parent);
      if (parentId == null && !waitingPages.containsKey(id)) {
        parentId =
            links
                .find(source, Kind.PAGE, parent)
                .flatMap(l -> articles.key(l.targetId()))
                .filter(ArticleKey::isPage)
                .map(ArticleKey::id)
                .orElse(null);
      }
      if (parentId == null) {
        waitingPages.computeIfAbsent(parent, k -> new ArrayList<>()).add(p);
        return Optional.empty();
      }
      return Optional.of(options.under(parentId));
    }

    /** An article read and not written yet. */
    private record Pending(String kind, String id, ImportWriter.Item item) {}

    /**
     * Writes the articles read so far in one transaction; when that fails, one by one, so that only
     * the article at fault is skipped (with its reason) and the others are written.
     */
    void writeBatch() {
      if (batch.isEmpty()) {
        return;
      }
      List<Pending> pending = List.copyOf(batch);
      batch.clear();
      batchComments = 0;
      List<ImportWriter.Written> written;
      try {
        written = writer.writeArticles(pending.stream().map(Pending::item).toList());
      } catch (RuntimeException e) {
        for (Pending one : pending) {
          try {
            record(one, writer.writeArticle(one.item().plan(), one.item().comments()));
          } catch (RuntimeException again) {
            LOG.log(Level.WARNING, "WXR import: item " + one.id() + " not imported", again);
            report.skip(one.kind(), one.id(), "error", message(again));
            report.count("comments", Outcome.SKIPPED, one.item().comments().size());
          }
        }
        return;
      }
      for (int i = 0; i < pending.size(); i++) {
        record(pending.get(i), written.get(i));
      }
    }

    private void record(Pending one, ImportWriter.Written written) {
      String kind = one.kind();
      String id = one.id();
      if (kind.equals("pages")) {
        pageIds.put(id, written.articleId());
        List<Wxr.Post> children = waitingPages.remove(id);
        if (children != null) {
          released.addAll(children);
        }
      }
      report.count(
          kind,
          written.created()
              ? Outcome.IMPORTED
              : written.updated() ? Outcome.UPDATED : Outcome.UNCHANGED);
      if (written.editedHere()) {
        report.warn(kind, id, "edited-here", written.slug());
      }
      written.reportComments(report);
    }

    /** The article of an item, or null when it is skipped (noted in the report). */
    private ImportedArticle article(Wxr.Post p, String kind, String id, PageOptions page) {
      String body =
          media.rewrite(
              Markup.body(
                  p.content(),
                  name -> {
                    report.warn(kind, id, "shortcode", "[" + name + "]");
                    report.leftAsText("[" + name + "]", kind, id);
                  },
                  attributes -> media.gallery(attributes, id)));
      if (body.length() > ArticleLimits.BODY_LENGTH) {
        report.skip(kind, id, "too-long", body.length(), ArticleLimits.BODY_LENGTH);
        return null;
      }
      String title = Markup.text(p.title());
      if (title.isBlank()) {
        title = report.text("transfer.untitled");
        report.warn(kind, id, "untitled", title);
      } else if (title.length() > ArticleLimits.TITLE_LENGTH) {
        title = Markup.cut(title, ArticleLimits.TITLE_LENGTH);
        report.warn(kind, id, "title-cut", ArticleLimits.TITLE_LENGTH);
      }
      ArticleStatus status = status(p.status());
      String tribuneStatus = p.meta().get(WxrWriter.META_STATUS);
      if (tribuneStatus != null) {
        try {
          status = ArticleStatus.valueOf(tribuneStatus.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          // Not one of ours: the WordPress status stands.
        }
      }
      boolean isPublic = status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED;
      if (p.password() != null && !p.password().isEmpty() && isPublic) {
        status = ArticleStatus.DRAFT;
        report.warn(kind, id, "password");
      }
      if ("private".equals(p.status())) {
        report.warn(kind, id, "private");
      }
      Instant now = Instant.now();
      Instant date = p.date();
      Instant created = date != null ? date : p.modified() != null ? p.modified() : now;
      Instant modified = p.modified() != null ? p.modified() : created;
      // A draft's date in WordPress is when it was last saved, not a planned publication.
      boolean needsDate =
          status == ArticleStatus.PUBLISHED
              || status == ArticleStatus.SCHEDULED
              || status == ArticleStatus.ARCHIVED;
      Instant published = needsDate ? (date != null ? date : created) : null;
      Long sectionId = null;
      List<Long> tagList = new ArrayList<>();
      for (Wxr.ItemTerm term : page != null ? List.<Wxr.ItemTerm>of() : p.terms()) {
        if ("category".equals(term.domain()) && term.slug() != null) {
          if (sectionId == null) {
            if (!categories.containsKey(term.slug())) {
              categories.put(
                  term.slug(), new Wxr.Term("category", null, term.slug(), term.name(), null, ""));
            }
            sectionId = section(term.slug(), new HashSet<>());
          } else {
            addTag(tagList, tag(term.slug(), term.name(), ""));
          }
        } else if ("post_tag".equals(term.domain())) {
          addTag(tagList, tag(term.slug(), term.name(), ""));
        }
      }
      String excerpt = Markup.text(p.excerpt());
      if (excerpt.length() > ArticleLimits.STANDFIRST_LENGTH) {
        excerpt = Markup.cut(excerpt, ArticleLimits.STANDFIRST_LENGTH);
        report.warn(kind, id, "excerpt-cut", ArticleLimits.STANDFIRST_LENGTH);
      }
      return new ImportedArticle(
          title,
          p.slug() == null ? null : Markup.cut(p.slug().strip(), 1000),
          excerpt,
          BodyFormat.HTML,
          body,
          status,
          created,
          published,
          modified,
          sectionId,
          authors(p),
          tagList,
          null,
          null,
          p.commentsOpen(),
          p.sticky(),
          Markup.cut(actor, ArticleLimits.EDITOR_LENGTH),
          page,
          media.attachment(p.meta().get(WxrWriter.META_THUMBNAIL)).orElse(null));
    }

    private List<Long> authors(Wxr.Post p) {
      String coAuthors = p.meta().get(WxrWriter.META_AUTHORS);
      List<Long> ids = new ArrayList<>();
      if (coAuthors != null && !coAuthors.isBlank()) {
        for (String login : coAuthors.split(",")) {
          if (!login.isBlank()) {
            long id = author(login);
            if (!ids.contains(id)) {
              ids.add(id);
            }
          }
        }
      }
      if (ids.isEmpty()) {
        ids.add(author(p.creator()));
      }
      return ids;
    }

    private void addTag(List<Long> tagList, Long tagId) {
      if (tagId != null && !tagList.contains(tagId)) {
        tagList.add(tagId);
      }
    }

    /** The item's comments to write, parents before their replies; skipped ones reported. */
    private List<ImportWriter.CommentPlan> comments(Wxr.Post p, String postId) {
      Map<String, ImportWriter.CommentPlan> byId = new LinkedHashMap<>();
      for (Wxr.Comment c : p.comments()) {
        String id = c.id() == null ? "" : c.id().strip();
        if (id.isEmpty() || byId.containsKey(id)) {
          report.skip("comments", id.isEmpty() ? null : id, "no-id", postId);
          continue;
        }
        String type = c.type() == null ? "" : c.type().strip();
        if (type.equals("pingback") || type.equals("trackback")) {
          report.skip("comments", id, type);
          continue;
        }
        if (!type.isEmpty() && !type.equals("comment")) {
          report.skip("comments", id, "comment-type", type);
          continue;
        }
        if (!Markup.hasText(c.content())) {
          report.skip("comments", id, "empty");
          continue;
        }
        String name = Markup.authorName(c.author());
        if (name.isBlank()) {
          name = report.text("transfer.anonymous");
        }
        String parent = c.parentId() == null ? "" : c.parentId().strip();
        boolean staff =
            c.userId() != null
                && !c.userId().strip().equals("0")
                && staffUserIds.contains(c.userId().strip());
        Instant date = c.date() != null ? c.date() : p.date() != null ? p.date() : Instant.now();
        byId.put(
            id,
            new ImportWriter.CommentPlan(
                id,
                parent.isEmpty() || parent.equals("0") ? null : parent,
                new ImportedComment(
                    0,
                    null,
                    name,
                    Markup.email(c.email()),
                    Markup.website(c.url()),
                    c.content(),
                    commentStatus(c.approved()),
                    date,
                    Markup.address(c.address()),
                    null,
                    staff)));
      }
      return CommentOrder.parentsFirst(byId);
    }
  }

  /** The source an export's rows are kept under: {@code wordpress <the blog's address>}. */
  static String sourceName(Wxr.Site s) {
    // The blog's own address: a network's (wordpress.com) is the same for all its blogs.
    String base = s.baseBlogUrl();
    if (base == null || base.isBlank()) {
      base = s.link() != null && !s.link().isBlank() ? s.link() : s.baseSiteUrl();
    }
    if (base == null || base.isBlank()) {
      return "wordpress";
    }
    String name = base.strip().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "");
    while (name.endsWith("/")) {
      name = name.substring(0, name.length() - 1);
    }
    return Markup.cut("wordpress " + name, 300);
  }

  /**
   * A page's options from Tribune's own export ({@code _tribune_page}: {@code byline date share},
   * those it shows); a WordPress page shows its title and text only.
   */
  static PageOptions pageOptions(String shown) {
    if (shown == null) {
      return PageOptions.atRoot();
    }
    List<String> words = List.of(shown.strip().toLowerCase(Locale.ROOT).split("[\\s,]+"));
    return new PageOptions(
        null, words.contains("byline"), words.contains("date"), words.contains("share"));
  }

  static ArticleStatus status(String wordpress) {
    return switch (wordpress == null ? "" : wordpress.strip()) {
      case "publish" -> ArticleStatus.PUBLISHED;
      case "future" -> ArticleStatus.SCHEDULED;
      case "trash" -> ArticleStatus.TRASHED;
      default -> ArticleStatus.DRAFT;
    };
  }

  static CommentStatus commentStatus(String approved) {
    return switch (approved == null ? "" : approved.strip()) {
      case "1", "approve", "approved" -> CommentStatus.APPROVED;
      case "spam" -> CommentStatus.SPAM;
      case "trash", "post-trashed" -> CommentStatus.TRASH;
      default -> CommentStatus.PENDING;
    };
  }

  /** The path of an old permalink, decoded, ending with a slash; null when it has none. */
  static String oldPath(String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    try {
      String raw = URI.create(link.strip()).getRawPath();
      if (raw == null || raw.isEmpty() || raw.equals("/")) {
        return null;
      }
      return LegacyAddresses.normalisePath(raw);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String decode(String slug) {
    try {
      return URLDecoder.decode(slug.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return slug;
    }
  }

  private static String message(RuntimeException e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return String.valueOf(cause.getMessage());
  }
}
