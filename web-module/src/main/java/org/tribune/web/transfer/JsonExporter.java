package org.tribune.web.transfer;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleTransferService;
import org.tribune.articles.api.ExportedArticle;
import org.tribune.articles.api.ExportedAuthor;
import org.tribune.articles.api.ExportedSection;
import org.tribune.articles.api.Featured;
import org.tribune.articles.api.FormerAddress;
import org.tribune.articles.api.FrontPageService;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaRendition;
import org.tribune.articles.api.RevisionContent;
import org.tribune.articles.api.Tag;
import org.tribune.comments.api.CommentSettings;
import org.tribune.comments.api.CommentTransferService;
import org.tribune.comments.api.Decision;
import org.tribune.comments.api.ExportedBan;
import org.tribune.comments.api.ExportedComment;
import org.tribune.comments.api.ExportedReport;
import org.tribune.comments.api.ModerationService;
import org.tribune.web.config.DatabaseDefinition;
import org.tribune.web.site.Links;
import org.tribune.web.site.SiteSettings;

/**
 * Writes the whole site as one JSON document ({@code "format": "tribune-export"}, version {@value
 * #VERSION}, described in the web module's README), everything {@link JsonRestoreWriter} needs to
 * put the site back with its ids: the settings of the console and of both modules (secrets
 * included), staff accounts with their password hashes, sections, tags, authors, the media library
 * (every item's description, its renditions' addresses and its original's path in the {@link
 * MediaArchive}), every article with its revisions and its comments (threads by parent id, every
 * status, votes, subscriptions, edit state), former slugs, the front page, menus, the old addresses
 * of an imported site, bans and the audit log. Streaming: media items and articles are read a batch
 * at a time, the web module's tables row by row. It is a backup: administrators only.
 */
@ApplicationScoped
public class JsonExporter {
  static final int VERSION = 3;

  /** The oldest version a restore still reads (version 2 had no reports and decisions). */
  static final int OLDEST_READ = 2;

  @Inject private ArticleTransferService articles;
  @Inject private CommentTransferService comments;
  @Inject private ModerationService moderation;
  @Inject private SiteSettings site;
  @Inject private Links links;
  @Inject private MediaArchive library;
  @Inject private FrontPageService frontPage;

  @Resource(lookup = DatabaseDefinition.JNDI_NAME)
  private DataSource dataSource;

  public void write(OutputStream out) {
    try (Connection connection = dataSource.getConnection();
        JsonGenerator json =
            Json.createGeneratorFactory(Map.of(JsonGenerator.PRETTY_PRINTING, false))
                .createGenerator(out, java.nio.charset.StandardCharsets.UTF_8)) {
      json.writeStartObject();
      json.write("format", "tribune-export");
      json.write("version", VERSION);
      json.write("exportedAt", Instant.now().toString());
      json.writeStartObject("site");
      json.write("name", site.getName());
      json.write("description", site.getDescription());
      json.write("locale", site.getLocale().toLanguageTag());
      json.write("timeZone", site.getZone().getId());
      json.write("url", links.absolute("/"));
      json.writeEnd();
      CommentSettings rules = moderation.settings();
      json.writeStartObject("discussionSettings");
      json.write("moderation", rules.moderation().name());
      json.write("maxLength", rules.maxLength());
      json.write("maxDepth", rules.maxDepth());
      json.write("editWindowSeconds", rules.editWindow().toSeconds());
      json.write("closeAfterDays", rules.closeAfterDays());
      json.write("maxLinks", rules.maxLinks());
      json.writeStartArray("blockedWords");
      rules.blockedWords().forEach(json::write);
      json.writeEnd();
      json.writeEnd();

      json.writeStartObject("settings");
      ConsoleRows.write(connection, ConsoleRows.SETTINGS, json);
      map(json, "articles", articles.settings());
      map(json, "comments", comments.settings());
      json.writeEnd();
      ConsoleRows.write(connection, ConsoleRows.ACCOUNTS, json);

      json.writeStartArray("sections");
      for (ExportedSection s : articles.sections()) {
        json.writeStartObject();
        json.write("id", s.id());
        json.write("slug", s.slug());
        json.write("name", s.name());
        json.write("description", s.description());
        nullable(json, "parentId", s.parentId());
        json.write("position", s.position());
        json.writeEnd();
      }
      json.writeEnd();
      json.writeStartArray("tags");
      for (Tag t : articles.tags()) {
        json.writeStartObject();
        json.write("id", t.id());
        json.write("slug", t.slug());
        json.write("name", t.name());
        json.write("description", t.description());
        json.writeEnd();
      }
      json.writeEnd();
      json.writeStartArray("authors");
      for (ExportedAuthor a : articles.authors()) {
        json.writeStartObject();
        json.write("id", a.id());
        json.write("slug", a.slug());
        json.write("name", a.name());
        json.write("bio", a.bio());
        nullable(json, "email", a.email());
        json.writeEnd();
      }
      json.writeEnd();

      json.writeStartArray("media");
      int written = 0;
      for (MediaItem item : library.items()) {
        media(json, item);
        if (++written % MediaArchive.BATCH == 0) {
          json.flush();
        }
      }
      json.writeEnd();

      json.writeStartArray("articles");
      List<Long> ids = articles.articleIds();
      for (int from = 0; from < ids.size(); from += WxrWriter.BATCH) {
        for (ExportedArticle a :
            articles.export(ids.subList(from, Math.min(ids.size(), from + WxrWriter.BATCH)))) {
          article(json, a);
        }
        json.flush();
      }
      json.writeEnd();

      json.writeStartArray("formerAddresses");
      for (FormerAddress a : articles.formerAddresses()) {
        json.writeStartObject();
        json.write("kind", a.kind().name());
        json.write("targetId", a.targetId());
        json.write("slug", a.slug());
        json.write("replacedAt", a.replacedAt().toString());
        json.writeEnd();
      }
      json.writeEnd();
      json.writeStartArray("frontPage");
      for (Featured f : frontPage.placed()) {
        json.writeStartObject();
        json.write("articleId", f.articleId());
        json.write("position", f.position());
        nullable(json, "until", f.until());
        json.writeEnd();
      }
      json.writeEnd();
      ConsoleRows.write(connection, ConsoleRows.MENUS, json);
      ConsoleRows.write(connection, ConsoleRows.LEGACY_ADDRESSES, json);
      json.writeStartArray("bans");
      for (ExportedBan b : comments.bans()) {
        json.writeStartObject();
        json.write("id", b.id());
        json.write("kind", b.kind());
        json.write("value", b.value());
        nullable(json, "commentId", b.commentId());
        json.write("createdAt", b.createdAt().toString());
        json.write("effect", b.effect());
        nullable(json, "expiresAt", b.expiresAt());
        nullable(json, "reason", b.reason());
        json.writeEnd();
      }
      json.writeEnd();
      json.writeStartObject("discussionRules");
      json.writeStartArray("articles");
      comments
          .articleRules()
          .forEach(
              (articleId, own) -> {
                json.writeStartObject();
                json.write("articleId", articleId);
                nullable(
                    json, "moderation", own.moderation() == null ? null : own.moderation().name());
                nullable(json, "closesAt", own.closesAt());
                json.writeEnd();
              });
      json.writeEnd();
      json.writeStartArray("sections");
      comments
          .sectionModes()
          .forEach(
              (sectionId, mode) -> {
                json.writeStartObject();
                json.write("sectionId", sectionId);
                json.write("moderation", mode.name());
                json.writeEnd();
              });
      json.writeEnd();
      json.writeEnd();
      json.writeStartArray("decisions");
      for (Decision d : comments.decisions()) {
        json.writeStartObject();
        json.write("id", d.id());
        json.write("commentId", d.commentId());
        json.write("articleId", d.articleId());
        json.write("outcome", d.outcome().name());
        json.write("rule", d.rule().name());
        nullable(json, "statement", d.statement());
        json.write("decidedBy", d.decidedBy());
        json.write("decidedAt", d.decidedAt().toString());
        json.write("firstReportAt", d.firstReportAt().toString());
        json.write("reportCount", d.reportCount());
        json.writeEnd();
      }
      json.writeEnd();
      json.writeStartArray("reports");
      for (ExportedReport r : comments.reports()) {
        json.writeStartObject();
        json.write("id", r.id());
        json.write("commentId", r.commentId());
        json.write("articleId", r.articleId());
        json.write("reason", r.reason());
        nullable(json, "category", r.category());
        nullable(json, "explanation", r.explanation());
        nullable(json, "reporterName", r.reporterName());
        nullable(json, "reporterEmail", r.reporterEmail());
        json.write("goodFaith", r.goodFaith());
        json.write("reporterKey", r.reporterKey());
        json.write("reportedText", r.reportedText());
        json.write("receivedAt", r.receivedAt().toString());
        nullable(json, "decisionId", r.decisionId());
        json.writeEnd();
      }
      json.writeEnd();
      ConsoleRows.write(connection, ConsoleRows.AUDIT, json);
      json.writeEnd();
    } catch (SQLException e) {
      throw new IllegalStateException("The export could not read the database", e);
    }
  }

  private static void map(JsonGenerator json, String name, Map<String, String> values) {
    json.writeStartObject(name);
    values.forEach(json::write);
    json.writeEnd();
  }

  private void article(JsonGenerator json, ExportedArticle a) {
    json.writeStartObject();
    json.write("id", a.id());
    json.write("slug", a.slug());
    json.write(
        "permalink", links.absolute(a.isPage() ? "/" + a.pagePath() : "/articles/" + a.slug()));
    json.write("title", a.title());
    json.write("standfirst", a.standfirst());
    json.write("bodyFormat", a.bodyFormat().name());
    json.write("body", a.body());
    json.write("bodyHtml", a.bodyHtml());
    json.write("status", a.status().name());
    nullable(json, "sectionId", a.sectionId());
    ids(json, "authorIds", a.authorIds());
    ids(json, "tagIds", a.tagIds());
    nullable(json, "leadImageUrl", a.leadImageUrl());
    nullable(json, "leadImageAlt", a.leadImageAlt());
    nullable(json, "leadMediaId", a.leadMediaId());
    json.write("commentsOpen", a.commentsOpen());
    json.write("sticky", a.sticky());
    if (a.isPage()) {
      json.writeStartObject("page");
      json.write("path", a.pagePath());
      nullable(json, "parentId", a.page().parentId());
      json.write("showByline", a.page().showByline());
      json.write("showDate", a.page().showDate());
      json.write("showShare", a.page().showShare());
      json.writeEnd();
    }
    json.write("createdAt", a.createdAt().toString());
    json.write("updatedAt", a.updatedAt().toString());
    nullable(json, "publishedAt", a.publishedAt());
    json.write("revision", a.revision());
    json.writeStartArray("formerSlugs");
    a.formerSlugs().forEach(json::write);
    json.writeEnd();
    json.writeStartArray("revisions");
    for (RevisionContent r : a.revisions()) {
      ArticleDraft d = r.draft();
      json.writeStartObject();
      json.write("number", r.info().number());
      json.write("savedAt", r.info().savedAt().toString());
      json.write("savedBy", r.info().savedBy());
      json.write("title", d.title());
      nullable(json, "slug", d.slug());
      json.write("standfirst", d.standfirst());
      json.write("bodyFormat", d.bodyFormat().name());
      json.write("body", d.body());
      nullable(json, "sectionId", d.sectionId());
      ids(json, "authorIds", d.authorIds());
      ids(json, "tagIds", d.tagIds());
      nullable(json, "leadImageUrl", d.leadImageUrl());
      nullable(json, "leadImageAlt", d.leadImageAlt());
      nullable(json, "leadMediaId", d.leadMediaId());
      json.write("commentsOpen", d.commentsOpen());
      json.writeEnd();
    }
    json.writeEnd();
    json.writeStartArray("comments");
    for (ExportedComment c : comments.export(a.id())) {
      json.writeStartObject();
      json.write("id", c.id());
      nullable(json, "parentId", c.parentId());
      json.write("depth", c.depth());
      json.write("authorName", c.authorName());
      nullable(json, "email", c.email());
      nullable(json, "website", c.website());
      json.write("body", c.body());
      json.write("bodyHtml", c.bodyHtml() == null ? "" : c.bodyHtml());
      json.write("status", c.status().name());
      json.write("createdAt", c.createdAt().toString());
      nullable(json, "editedAt", c.editedAt());
      json.write("score", c.score());
      json.write("staff", c.staff());
      nullable(json, "answeredId", c.answeredId());
      nullable(json, "addressHash", c.addressHash());
      nullable(json, "userAgent", c.userAgent());
      nullable(json, "editTokenHash", c.editTokenHash());
      json.write("repliesNotified", c.repliesNotified());
      nullable(json, "featuredAt", c.featuredAt());
      nullable(json, "featuredBy", c.featuredBy());
      json.writeStartArray("votes");
      for (ExportedComment.Vote v : c.votes()) {
        json.writeStartObject();
        json.write("id", v.id());
        json.write("voterKey", v.voterKey());
        json.write("addressHash", v.addressHash());
        json.write("direction", v.direction());
        json.write("createdAt", v.createdAt().toString());
        json.writeEnd();
      }
      json.writeEnd();
      json.writeStartArray("subscriptions");
      for (ExportedComment.Subscription s : c.subscriptions()) {
        json.writeStartObject();
        json.write("id", s.id());
        json.write("email", s.email());
        json.write("token", s.token());
        json.write("confirmed", s.confirmed());
        json.write("createdAt", s.createdAt().toString());
        json.writeEnd();
      }
      json.writeEnd();
      json.writeEnd();
    }
    json.writeEnd();
    json.writeEnd();
  }

  /** An item of the media library, its renditions' and its original's addresses. */
  private void media(JsonGenerator json, MediaItem m) {
    json.writeStartObject();
    json.write("id", m.id());
    json.write("hash", m.hash());
    json.write("originalName", m.originalName());
    json.write("contentType", m.contentType());
    json.write("bytes", m.bytes());
    json.write("width", m.width());
    json.write("height", m.height());
    nullable(json, "alt", m.alt());
    nullable(json, "caption", m.caption());
    nullable(json, "credit", m.credit());
    nullable(json, "focalX", m.focalX());
    nullable(json, "focalY", m.focalY());
    nullable(json, "uploadedBy", m.uploadedBy());
    json.write("uploadedAt", m.uploadedAt().toString());
    json.write("updatedAt", m.updatedAt().toString());
    json.writeStartArray("renditions");
    for (MediaRendition r : m.renditions()) {
      json.writeStartObject();
      json.write("width", r.width());
      json.write("height", r.height());
      json.write("url", links.absolute(r.path()));
      json.writeEnd();
    }
    json.writeEnd();
    json.write("archivePath", MediaArchive.path(m));
    json.writeEnd();
  }

  private static void ids(JsonGenerator json, String name, List<Long> ids) {
    json.writeStartArray(name);
    ids.forEach(json::write);
    json.writeEnd();
  }

  static void nullable(JsonGenerator json, String name, Object value) {
    if (value == null) {
      json.writeNull(name);
    } else if (value instanceof Long l) {
      json.write(name, l);
    } else if (value instanceof Double d) {
      json.write(name, d);
    } else {
      json.write(name, value.toString());
    }
  }
}
