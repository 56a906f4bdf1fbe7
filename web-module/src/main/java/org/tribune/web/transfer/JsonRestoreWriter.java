package org.tribune.web.transfer;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleRestoreService;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.BodyFormat;
import org.tribune.articles.api.ExportedArticle;
import org.tribune.articles.api.ExportedAuthor;
import org.tribune.articles.api.ExportedSection;
import org.tribune.articles.api.Featured;
import org.tribune.articles.api.FormerAddress;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaRejectedException;
import org.tribune.articles.api.MediaRendition;
import org.tribune.articles.api.PageOptions;
import org.tribune.articles.api.RevisionContent;
import org.tribune.articles.api.RevisionInfo;
import org.tribune.articles.api.Tag;
import org.tribune.comments.api.CharterRule;
import org.tribune.comments.api.CommentRestoreService;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.Decision;
import org.tribune.comments.api.DecisionOutcome;
import org.tribune.comments.api.DiscussionRules;
import org.tribune.comments.api.ExportedBan;
import org.tribune.comments.api.ExportedComment;
import org.tribune.comments.api.ExportedReport;
import org.tribune.comments.api.ModerationMode;
import org.tribune.web.config.DatabaseDefinition;

/**
 * Writes a whole site from its JSON export ({@link JsonExporter}, version {@value
 * JsonExporter#VERSION}) in one transaction: either everything the document holds is written, or,
 * at the first problem, nothing is (the site stays as it was). The document is read as a stream:
 * only one batch of articles and their comments is in memory at a time, besides the small arrays
 * (settings, sections, tags, authors, the media library's descriptions, menus…).
 *
 * <p>What the site held before is deleted first, in the same transaction; {@link RefusedException}
 * stops a restore into a site that holds content unless {@code replace} is given.
 */
@ApplicationScoped
public class JsonRestoreWriter {
  /** Articles written per call of the articles' and comments' restore. */
  static final int BATCH = 100;

  /** The document's members written before the articles, in this order. */
  private static final List<String> BEFORE_ARTICLES =
      List.of("settings", "accounts", "sections", "tags", "authors", "media");

  /** Members that only describe the site (their values are in {@code settings}) or are derived. */
  private static final Set<String> DESCRIPTIVE =
      Set.of("format", "version", "exportedAt", "site", "discussionSettings");

  @Inject private ArticleRestoreService articles;
  @Inject private CommentRestoreService comments;

  @Resource(lookup = DatabaseDefinition.JNDI_NAME)
  private DataSource dataSource;

  /** The site holds content and the administrator did not ask to replace it. */
  public static final class RefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    RefusedException() {
      super("The site is not empty");
    }
  }

  /**
   * The document is not a Tribune export this version reads, or is inconsistent: its code names the
   * message ({@code transfer.error.<code>}), its message the detail.
   */
  public static final class InvalidException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;

    InvalidException(String code, String detail) {
      super(detail);
      this.code = code;
    }

    InvalidException(String code, String detail, Throwable cause) {
      super(detail, cause);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  /**
   * Writes the document's site in place of this one.
   *
   * @param parser the document, positioned before its first event
   * @param media the media archive, or {@code null} when the library is empty
   * @param counts filled with the number of things written, by kind (valid after the commit only)
   */
  @Transactional(
      value = Transactional.TxType.REQUIRES_NEW,
      rollbackOn = {RefusedException.class, InvalidException.class, IOException.class})
  public void restore(
      JsonParser parser, ZipFile media, boolean replace, Map<String, Integer> counts)
      throws RefusedException, InvalidException, IOException {
    if (!replace && (articles.holdsContent() || comments.holdsContent())) {
      throw new RefusedException();
    }
    try (Connection connection = dataSource.getConnection()) {
      new Reading(parser, media, connection, counts).read();
    } catch (SQLException e) {
      throw new InvalidException("restore-database", e.getMessage(), e);
    } catch (JsonException e) {
      throw new InvalidException("json-malformed", e.getMessage(), e);
    } catch (IllegalArgumentException
        | ClassCastException
        | NullPointerException
        | ArithmeticException
        | DateTimeParseException e) {
      throw new InvalidException("json-invalid", e.getMessage(), e);
    }
  }

  /** One restore's reading of its document. */
  private final class Reading {
    private final JsonParser parser;
    private final ZipFile media;
    private final Connection connection;
    private final Map<String, Integer> counts;
    private final Map<String, JsonValue> held = new HashMap<>();
    private final Map<Long, Long> parentOfPage = new LinkedHashMap<>();
    private boolean cleared;
    private Map<ConsoleRows.Table, Long> highestIds = Map.of();
    private boolean articlesRead;

    Reading(JsonParser parser, ZipFile media, Connection connection, Map<String, Integer> counts) {
      this.parser = parser;
      this.media = media;
      this.connection = connection;
      this.counts = counts;
    }

    void read() throws InvalidException, IOException, SQLException {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        throw new InvalidException("not-tribune", "not a JSON object");
      }
      boolean formatSeen = false;
      while (true) {
        JsonParser.Event event = parser.next();
        if (event == JsonParser.Event.END_OBJECT) {
          break;
        }
        String name = parser.getString();
        parser.next();
        switch (name) {
          case "format" -> {
            if (!"tribune-export".equals(parser.getString())) {
              throw new InvalidException("not-tribune", parser.getString());
            }
            formatSeen = true;
          }
          case "version" -> {
            if (!formatSeen) {
              throw new InvalidException("not-tribune", "no format before the version");
            }
            int version = parser.getInt();
            if (version < JsonExporter.OLDEST_READ || version > JsonExporter.VERSION) {
              throw new InvalidException("json-version", String.valueOf(version));
            }
            beginWriting();
          }
          case "articles" -> {
            requireStarted();
            writeHeld();
            articles();
            articlesRead = true;
          }
          case "audit" -> {
            requireStarted();
            stream(ConsoleRows.AUDIT, "audit");
          }
          case "legacyAddresses" -> {
            // As long as the posts of the imported site (200 000 rows for bench/import's): a
            // batch at a time, never whole in memory. No key leads to them.
            requireStarted();
            stream(ConsoleRows.LEGACY_ADDRESSES, "legacy-addresses");
          }
          default -> {
            requireStarted();
            if (articlesRead && BEFORE_ARTICLES.contains(name)) {
              throw new InvalidException("json-invalid", name + " comes after the articles");
            }
            JsonValue value = parser.getValue();
            if (!DESCRIPTIVE.contains(name)) {
              held.put(name, value);
            }
          }
        }
      }
      requireStarted();
      writeHeld();
      writeAfterArticles();
      articles.finish();
      comments.finish();
      ConsoleRows.continueIdentities(connection, highestIds);
    }

    private void requireStarted() throws InvalidException {
      if (!cleared) {
        throw new InvalidException("not-tribune", "no format and version first");
      }
    }

    /** Deletes what the site held: the document is a Tribune export of a version read here. */
    private void beginWriting() throws SQLException {
      highestIds = ConsoleRows.highestIds(connection);
      comments.clear();
      articles.clear();
      ConsoleRows.clear(connection);
      cleared = true;
    }

    /** Writes what comes before the articles, once. */
    private void writeHeld() throws InvalidException, IOException, SQLException {
      if (held.containsKey("settings")) {
        JsonObject settings = held.remove("settings").asJsonObject();
        count(
            "settings",
            ConsoleRows.insert(connection, ConsoleRows.SETTINGS, objects(settings, "console")));
        articles.restoreSettings(strings(settings.getJsonObject("articles")));
        comments.restoreSettings(strings(settings.getJsonObject("comments")));
      }
      if (held.containsKey("accounts")) {
        count(
            "accounts",
            ConsoleRows.insert(
                connection, ConsoleRows.ACCOUNTS, objects(held.remove("accounts").asJsonArray())));
      }
      if (held.containsKey("sections")) {
        for (JsonObject s : objects(held.remove("sections").asJsonArray())) {
          articles.restoreSection(
              new ExportedSection(
                  s.getJsonNumber("id").longValueExact(),
                  s.getString("slug"),
                  s.getString("name"),
                  s.getString("description"),
                  optionalLong(s, "parentId"),
                  s.getInt("position")));
          count("sections", 1);
        }
      }
      if (held.containsKey("tags")) {
        for (JsonObject t : objects(held.remove("tags").asJsonArray())) {
          articles.restoreTag(
              new Tag(
                  t.getJsonNumber("id").longValueExact(),
                  t.getString("slug"),
                  t.getString("name"),
                  t.getString("description")));
          count("tags", 1);
        }
      }
      if (held.containsKey("authors")) {
        for (JsonObject a : objects(held.remove("authors").asJsonArray())) {
          articles.restoreAuthor(
              new ExportedAuthor(
                  a.getJsonNumber("id").longValueExact(),
                  a.getString("slug"),
                  a.getString("name"),
                  a.getString("bio"),
                  optionalString(a, "email")));
          count("authors", 1);
        }
      }
      if (held.containsKey("media")) {
        for (JsonObject m : objects(held.remove("media").asJsonArray())) {
          media(m);
        }
      }
    }

    private void media(JsonObject m) throws InvalidException, IOException {
      long id = m.getJsonNumber("id").longValueExact();
      String path = m.getString("archivePath");
      ZipEntry entry = media == null ? null : media.getEntry(path);
      if (entry == null || entry.isDirectory()) {
        throw new InvalidException("media-missing", id + " (" + path + ")");
      }
      List<MediaRendition> renditions = new ArrayList<>();
      for (JsonObject r : objects(m.getJsonArray("renditions"))) {
        renditions.add(
            new MediaRendition(
                r.getInt("width"),
                r.getInt("height"),
                java.net.URI.create(r.getString("url")).getPath()));
      }
      MediaItem item =
          new MediaItem(
              id,
              m.getString("hash"),
              m.getString("originalName"),
              m.getString("contentType"),
              m.getJsonNumber("bytes").longValueExact(),
              m.getInt("width"),
              m.getInt("height"),
              optionalString(m, "alt"),
              optionalString(m, "caption"),
              optionalString(m, "credit"),
              optionalDouble(m, "focalX"),
              optionalDouble(m, "focalY"),
              optionalString(m, "uploadedBy"),
              Instant.parse(m.getString("uploadedAt")),
              Instant.parse(m.getString("updatedAt")),
              renditions);
      Path file = Files.createTempFile("tribune-restore-", ".media");
      try {
        try (InputStream in = media.getInputStream(entry)) {
          Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        }
        articles.restoreMedia(item, file);
      } catch (MediaRejectedException e) {
        throw new InvalidException("media-rejected", id + " (" + e.getMessage() + ")", e);
      } finally {
        Files.deleteIfExists(file);
      }
      count("media", 1);
    }

    /** Streams the articles, a batch at a time, each with its comments. */
    private void articles() {
      if (parser.currentEvent() != JsonParser.Event.START_ARRAY) {
        throw new IllegalArgumentException("articles is not an array");
      }
      List<ExportedArticle> batch = new ArrayList<>();
      List<ExportedComment> discussion = new ArrayList<>();
      while (parser.next() != JsonParser.Event.END_ARRAY) {
        JsonObject a = parser.getObject();
        ExportedArticle article = article(a);
        batch.add(article);
        if (article.page() != null && article.page().parentId() != null) {
          parentOfPage.put(article.id(), article.page().parentId());
        }
        for (JsonObject c : objects(a.getJsonArray("comments"))) {
          discussion.add(comment(article.id(), c));
        }
        if (batch.size() == BATCH) {
          writeArticles(batch, discussion);
        }
      }
      writeArticles(batch, discussion);
    }

    private void writeArticles(List<ExportedArticle> batch, List<ExportedComment> discussion) {
      if (!batch.isEmpty()) {
        articles.restoreArticles(List.copyOf(batch));
        for (ExportedArticle a : batch) {
          count(a.page() == null ? "articles" : "pages", 1);
        }
      }
      if (!discussion.isEmpty()) {
        comments.restoreComments(List.copyOf(discussion));
        count("comments", discussion.size());
      }
      batch.clear();
      discussion.clear();
    }

    /** Streams the rows of one of the web module's tables, a batch at a time. */
    private void stream(ConsoleRows.Table table, String kind) throws SQLException {
      if (parser.currentEvent() != JsonParser.Event.START_ARRAY) {
        throw new IllegalArgumentException(table.json() + " is not an array");
      }
      List<JsonObject> batch = new ArrayList<>();
      while (parser.next() != JsonParser.Event.END_ARRAY) {
        batch.add(parser.getObject());
        if (batch.size() == 1000) {
          count(kind, ConsoleRows.insert(connection, table, batch));
          batch.clear();
        }
      }
      count(kind, ConsoleRows.insert(connection, table, batch));
    }

    private void writeAfterArticles() throws SQLException {
      articles.restorePageParents(parentOfPage);
      if (held.containsKey("formerAddresses")) {
        List<FormerAddress> addresses = new ArrayList<>();
        for (JsonObject f : objects(held.remove("formerAddresses").asJsonArray())) {
          addresses.add(
              new FormerAddress(
                  FormerAddress.Kind.valueOf(f.getString("kind")),
                  f.getJsonNumber("targetId").longValueExact(),
                  f.getString("slug"),
                  Instant.parse(f.getString("replacedAt"))));
        }
        articles.restoreFormerAddresses(addresses);
        count("former-addresses", addresses.size());
      }
      if (held.containsKey("frontPage")) {
        List<Featured> places = new ArrayList<>();
        for (JsonObject f : objects(held.remove("frontPage").asJsonArray())) {
          places.add(
              new Featured(
                  f.getJsonNumber("articleId").longValueExact(),
                  f.getInt("position"),
                  optionalInstant(f, "until")));
        }
        articles.restoreFrontPage(places);
        count("front-page", places.size());
      }
      if (held.containsKey("menus")) {
        count(
            "menu-items",
            ConsoleRows.insert(
                connection, ConsoleRows.MENUS, objects(held.remove("menus").asJsonArray())));
      }
      if (held.containsKey("bans")) {
        List<ExportedBan> bans = new ArrayList<>();
        for (JsonObject b : objects(held.remove("bans").asJsonArray())) {
          bans.add(
              new ExportedBan(
                  b.getJsonNumber("id").longValueExact(),
                  b.getString("kind"),
                  b.getString("value"),
                  optionalLong(b, "commentId"),
                  Instant.parse(b.getString("createdAt")),
                  absent(b, "effect") ? "SUSPENDED" : b.getString("effect"),
                  optionalInstant(b, "expiresAt"),
                  optionalString(b, "reason")));
        }
        comments.restoreBans(bans);
        count("bans", bans.size());
      }
      if (held.containsKey("discussionRules")) {
        JsonObject rules = held.remove("discussionRules").asJsonObject();
        Map<Long, DiscussionRules> ofArticles = new TreeMap<>();
        for (JsonObject r : objects(rules.getJsonArray("articles"))) {
          String mode = optionalString(r, "moderation");
          ofArticles.put(
              r.getJsonNumber("articleId").longValueExact(),
              new DiscussionRules(
                  mode == null ? null : ModerationMode.valueOf(mode),
                  optionalInstant(r, "closesAt")));
        }
        Map<Long, ModerationMode> ofSections = new TreeMap<>();
        for (JsonObject s : objects(rules.getJsonArray("sections"))) {
          ofSections.put(
              s.getJsonNumber("sectionId").longValueExact(),
              ModerationMode.valueOf(s.getString("moderation")));
        }
        comments.restoreDiscussionRules(ofArticles, ofSections);
        count("discussion-rules", ofArticles.size() + ofSections.size());
      }
      if (held.containsKey("decisions")) {
        List<Decision> decisions = new ArrayList<>();
        for (JsonObject d : objects(held.remove("decisions").asJsonArray())) {
          decisions.add(
              new Decision(
                  d.getJsonNumber("id").longValueExact(),
                  d.getJsonNumber("commentId").longValueExact(),
                  d.getJsonNumber("articleId").longValueExact(),
                  DecisionOutcome.valueOf(d.getString("outcome")),
                  CharterRule.valueOf(d.getString("rule")),
                  optionalString(d, "statement"),
                  d.getString("decidedBy"),
                  Instant.parse(d.getString("decidedAt")),
                  Instant.parse(d.getString("firstReportAt")),
                  d.getInt("reportCount")));
        }
        comments.restoreDecisions(decisions);
        count("decisions", decisions.size());
      }
      if (held.containsKey("reports")) {
        List<ExportedReport> reports = new ArrayList<>();
        for (JsonObject r : objects(held.remove("reports").asJsonArray())) {
          reports.add(
              new ExportedReport(
                  r.getJsonNumber("id").longValueExact(),
                  r.getJsonNumber("commentId").longValueExact(),
                  r.getJsonNumber("articleId").longValueExact(),
                  r.getString("reason"),
                  optionalString(r, "category"),
                  optionalString(r, "explanation"),
                  optionalString(r, "reporterName"),
                  optionalString(r, "reporterEmail"),
                  r.getBoolean("goodFaith"),
                  r.getString("reporterKey"),
                  r.getString("reportedText"),
                  Instant.parse(r.getString("receivedAt")),
                  optionalLong(r, "decisionId")));
        }
        comments.restoreReports(reports);
        count("reports", reports.size());
      }
      if (!held.isEmpty()) {
        throw new IllegalArgumentException("unknown members " + new TreeMap<>(held).keySet());
      }
    }

    private void count(String kind, int n) {
      counts.merge(kind, n, Integer::sum);
    }
  }

  // --- From the document's objects to the modules' records ---------------------------------------

  static ExportedArticle article(JsonObject a) {
    List<RevisionContent> revisions = new ArrayList<>();
    for (JsonObject r : objects(a.getJsonArray("revisions"))) {
      revisions.add(
          new RevisionContent(
              new RevisionInfo(
                  r.getInt("number"),
                  Instant.parse(r.getString("savedAt")),
                  r.getString("savedBy"),
                  r.getString("title")),
              new ArticleDraft(
                  r.getString("title"),
                  optionalString(r, "slug"),
                  r.getString("standfirst"),
                  BodyFormat.valueOf(r.getString("bodyFormat")),
                  r.getString("body"),
                  ids(r, "authorIds"),
                  optionalLong(r, "sectionId"),
                  ids(r, "tagIds"),
                  optionalString(r, "leadImageUrl"),
                  optionalString(r, "leadImageAlt"),
                  r.getBoolean("commentsOpen"),
                  optionalLong(r, "leadMediaId"))));
    }
    PageOptions page = null;
    String pagePath = null;
    JsonValue pageValue = a.get("page");
    if (pageValue != null && pageValue.getValueType() == JsonValue.ValueType.OBJECT) {
      JsonObject p = pageValue.asJsonObject();
      pagePath = p.getString("path");
      page =
          new PageOptions(
              optionalLong(p, "parentId"),
              p.getBoolean("showByline"),
              p.getBoolean("showDate"),
              p.getBoolean("showShare"));
    }
    List<String> formerSlugs = new ArrayList<>();
    for (JsonValue slug : a.getJsonArray("formerSlugs")) {
      formerSlugs.add(((JsonString) slug).getString());
    }
    return new ExportedArticle(
        a.getJsonNumber("id").longValueExact(),
        a.getString("slug"),
        a.getString("title"),
        a.getString("standfirst"),
        BodyFormat.valueOf(a.getString("bodyFormat")),
        a.getString("body"),
        a.getString("bodyHtml"),
        ArticleStatus.valueOf(a.getString("status")),
        optionalLong(a, "sectionId"),
        ids(a, "authorIds"),
        ids(a, "tagIds"),
        optionalString(a, "leadImageUrl"),
        optionalString(a, "leadImageAlt"),
        optionalLong(a, "leadMediaId"),
        a.getBoolean("commentsOpen"),
        a.getBoolean("sticky"),
        Instant.parse(a.getString("createdAt")),
        Instant.parse(a.getString("updatedAt")),
        optionalInstant(a, "publishedAt"),
        a.getInt("revision"),
        formerSlugs,
        revisions,
        pagePath,
        page);
  }

  static ExportedComment comment(long articleId, JsonObject c) {
    List<ExportedComment.Vote> votes = new ArrayList<>();
    for (JsonObject v : objects(c.getJsonArray("votes"))) {
      votes.add(
          new ExportedComment.Vote(
              v.getJsonNumber("id").longValueExact(),
              v.getString("voterKey"),
              v.getString("addressHash"),
              v.getInt("direction"),
              Instant.parse(v.getString("createdAt"))));
    }
    List<ExportedComment.Subscription> subscriptions = new ArrayList<>();
    for (JsonObject s : objects(c.getJsonArray("subscriptions"))) {
      subscriptions.add(
          new ExportedComment.Subscription(
              s.getJsonNumber("id").longValueExact(),
              s.getString("email"),
              s.getString("token"),
              s.getBoolean("confirmed"),
              Instant.parse(s.getString("createdAt"))));
    }
    return new ExportedComment(
        c.getJsonNumber("id").longValueExact(),
        articleId,
        optionalLong(c, "parentId"),
        c.getInt("depth"),
        c.getString("authorName"),
        optionalString(c, "email"),
        optionalString(c, "website"),
        c.getString("body"),
        c.getString("bodyHtml"),
        CommentStatus.valueOf(c.getString("status")),
        Instant.parse(c.getString("createdAt")),
        optionalInstant(c, "editedAt"),
        c.getInt("score"),
        c.getBoolean("staff"),
        optionalLong(c, "answeredId"),
        optionalString(c, "addressHash"),
        optionalString(c, "userAgent"),
        optionalString(c, "editTokenHash"),
        c.getBoolean("repliesNotified"),
        votes,
        subscriptions,
        optionalInstant(c, "featuredAt"),
        optionalString(c, "featuredBy"));
  }

  private static List<JsonObject> objects(JsonObject parent, String name) {
    return objects(parent.getJsonArray(name));
  }

  private static List<JsonObject> objects(JsonArray array) {
    if (array == null) {
      throw new IllegalArgumentException("an array is missing");
    }
    List<JsonObject> objects = new ArrayList<>(array.size());
    for (JsonValue value : array) {
      objects.add(value.asJsonObject());
    }
    return objects;
  }

  private static Map<String, String> strings(JsonObject object) {
    Map<String, String> values = new TreeMap<>();
    object.forEach((name, value) -> values.put(name, ((JsonString) value).getString()));
    return values;
  }

  private static List<Long> ids(JsonObject object, String name) {
    List<Long> ids = new ArrayList<>();
    for (JsonValue value : object.getJsonArray(name)) {
      ids.add(((JsonNumber) value).longValueExact());
    }
    return ids;
  }

  private static boolean absent(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value == null || value.getValueType() == JsonValue.ValueType.NULL;
  }

  private static Long optionalLong(JsonObject object, String name) {
    return absent(object, name) ? null : object.getJsonNumber(name).longValueExact();
  }

  private static Double optionalDouble(JsonObject object, String name) {
    return absent(object, name) ? null : object.getJsonNumber(name).doubleValue();
  }

  private static String optionalString(JsonObject object, String name) {
    return absent(object, name) ? null : object.getString(name);
  }

  private static Instant optionalInstant(JsonObject object, String name) {
    return absent(object, name) ? null : Instant.parse(object.getString(name));
  }
}
