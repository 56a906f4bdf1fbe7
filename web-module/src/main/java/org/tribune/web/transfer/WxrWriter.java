package org.tribune.web.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.ArticleTransferService;
import org.tribune.articles.api.ExportedArticle;
import org.tribune.articles.api.ExportedAuthor;
import org.tribune.articles.api.ExportedSection;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaRendition;
import org.tribune.articles.api.Tag;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.CommentTransferService;
import org.tribune.comments.api.ExportedComment;
import org.tribune.web.site.Links;
import org.tribune.web.site.SiteSettings;

/**
 * Writes the whole site as a WordPress eXtended RSS 1.2 file, which WordPress's importer reads:
 * authors, sections (as categories, with their parents), tags, the media library (as attachments,
 * numbered after the articles: see {@link #attachmentBase}), every article (as a post, its rendered
 * HTML as content, its lead image as {@code _thumbnail_id}) with every comment and its thread. What
 * WordPress has no field for is kept in {@code _tribune_*} post meta: the exact status and the
 * co-authors, which Tribune's own importer reads back, so an export imported into another Tribune
 * gives the same articles; an image's credit. Streaming: media items and articles are read a batch
 * at a time.
 */
@ApplicationScoped
public class WxrWriter {
  static final String META_PREFIX = "_tribune_";
  static final String META_STATUS = "_tribune_status";
  static final String META_AUTHORS = "_tribune_authors";
  static final String META_CREDIT = "_tribune_credit";
  static final String META_THUMBNAIL = "_thumbnail_id";
  static final String META_ALT = "_wp_attachment_image_alt";

  /** What a page shows besides its title and text: {@code byline date share}, or empty. */
  static final String META_PAGE = "_tribune_page";

  static final String WP = "http://wordpress.org/export/1.2/";
  private static final String EXCERPT = "http://wordpress.org/export/1.2/excerpt/";
  private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
  private static final String DC = "http://purl.org/dc/elements/1.1/";
  private static final DateTimeFormatter WP_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
  static final int BATCH = 100;

  @Inject private ArticleTransferService articles;
  @Inject private CommentTransferService comments;
  @Inject private SiteSettings site;
  @Inject private Links links;
  @Inject private MediaArchive library;

  public void write(OutputStream out) throws XMLStreamException {
    XMLStreamWriter xml = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
    ZoneId zone = site.getZone();
    String base = links.absolute("/");
    base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeCharacters("\n");
    xml.writeStartElement("rss");
    xml.writeAttribute("version", "2.0");
    xml.writeNamespace("excerpt", EXCERPT);
    xml.writeNamespace("content", CONTENT);
    xml.writeNamespace("dc", DC);
    xml.writeNamespace("wp", WP);
    xml.writeStartElement("channel");
    element(xml, null, "title", site.getName());
    element(xml, null, "link", base);
    element(xml, null, "description", site.getDescription());
    element(xml, null, "language", site.getLocale().toLanguageTag());
    element(xml, WP, "wxr_version", "1.2");
    element(xml, WP, "base_site_url", base);
    element(xml, WP, "base_blog_url", base);

    List<ExportedAuthor> authors = articles.authors();
    Map<Long, String> authorLogin = new HashMap<>();
    for (ExportedAuthor author : authors) {
      authorLogin.put(author.id(), author.slug());
      xml.writeStartElement("wp", "author", WP);
      element(xml, WP, "author_id", Long.toString(author.id()));
      cdata(xml, WP, "author_login", author.slug());
      cdata(xml, WP, "author_email", author.email() == null ? "" : author.email());
      cdata(xml, WP, "author_display_name", author.name());
      cdata(xml, WP, "author_first_name", "");
      cdata(xml, WP, "author_last_name", "");
      xml.writeEndElement();
    }
    List<ExportedSection> sections = articles.sections();
    Map<Long, ExportedSection> sectionById =
        sections.stream().collect(Collectors.toMap(ExportedSection::id, s -> s));
    for (ExportedSection section : sections) {
      xml.writeStartElement("wp", "category", WP);
      element(xml, WP, "term_id", Long.toString(section.id()));
      cdata(xml, WP, "category_nicename", section.slug());
      ExportedSection parent =
          section.parentId() == null ? null : sectionById.get(section.parentId());
      cdata(xml, WP, "category_parent", parent == null ? "" : parent.slug());
      cdata(xml, WP, "cat_name", section.name());
      cdata(xml, WP, "category_description", section.description());
      xml.writeEndElement();
    }
    List<Tag> tags = articles.tags();
    Map<Long, Tag> tagById = tags.stream().collect(Collectors.toMap(Tag::id, t -> t));
    for (Tag tag : tags) {
      xml.writeStartElement("wp", "tag", WP);
      element(xml, WP, "term_id", Long.toString(tag.id()));
      cdata(xml, WP, "tag_slug", tag.slug());
      cdata(xml, WP, "tag_name", tag.name());
      cdata(xml, WP, "tag_description", tag.description());
      xml.writeEndElement();
    }
    List<Long> ids = articles.articleIds();
    long attachmentBase = attachmentBase(ids);
    int written = 0;
    for (MediaItem media : library.items()) {
      attachment(xml, media, attachmentBase, zone);
      if (++written % BATCH == 0) {
        xml.flush();
      }
    }
    for (int from = 0; from < ids.size(); from += BATCH) {
      for (ExportedArticle article :
          articles.export(ids.subList(from, Math.min(ids.size(), from + BATCH)))) {
        item(xml, article, authorLogin, sectionById, tagById, zone, attachmentBase);
      }
      xml.flush();
    }
    xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    xml.flush();
    xml.close();
  }

  private void item(
      XMLStreamWriter xml,
      ExportedArticle a,
      Map<Long, String> authorLogin,
      Map<Long, ExportedSection> sections,
      Map<Long, Tag> tags,
      ZoneId zone,
      long attachmentBase)
      throws XMLStreamException {
    Instant date = a.publishedAt() != null ? a.publishedAt() : a.createdAt();
    xml.writeStartElement("item");
    element(xml, null, "title", a.title());
    element(
        xml,
        null,
        "link",
        links.absolute(a.isPage() ? "/" + a.pagePath() : "/articles/" + a.slug()));
    element(
        xml,
        null,
        "pubDate",
        DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atOffset(ZoneOffset.UTC)));
    String creator =
        a.authorIds().isEmpty() ? "" : authorLogin.getOrDefault(a.authorIds().get(0), "");
    cdata(xml, DC, "creator", creator);
    xml.writeStartElement("guid");
    xml.writeAttribute("isPermaLink", "false");
    xml.writeCharacters(clean(links.absolute("/?p=" + a.id())));
    xml.writeEndElement();
    element(xml, null, "description", "");
    cdata(xml, CONTENT, "encoded", a.bodyHtml());
    cdata(xml, EXCERPT, "encoded", a.standfirst());
    element(xml, WP, "post_id", Long.toString(a.id()));
    cdata(xml, WP, "post_date", WP_DATE.format(date.atZone(zone)));
    cdata(xml, WP, "post_date_gmt", WP_DATE.format(date.atOffset(ZoneOffset.UTC)));
    cdata(xml, WP, "post_modified", WP_DATE.format(a.updatedAt().atZone(zone)));
    cdata(xml, WP, "post_modified_gmt", WP_DATE.format(a.updatedAt().atOffset(ZoneOffset.UTC)));
    cdata(xml, WP, "comment_status", a.commentsOpen() ? "open" : "closed");
    cdata(xml, WP, "ping_status", "closed");
    cdata(xml, WP, "post_name", a.slug());
    cdata(xml, WP, "status", status(a.status()));
    Long parent = a.isPage() ? a.page().parentId() : null;
    element(xml, WP, "post_parent", parent == null ? "0" : Long.toString(parent));
    element(xml, WP, "menu_order", "0");
    cdata(xml, WP, "post_type", a.isPage() ? "page" : "post");
    cdata(xml, WP, "post_password", "");
    element(xml, WP, "is_sticky", a.sticky() ? "1" : "0");
    ExportedSection section = a.sectionId() == null ? null : sections.get(a.sectionId());
    if (section != null) {
      term(xml, "category", section.slug(), section.name());
    }
    for (Long tagId : a.tagIds()) {
      Tag tag = tags.get(tagId);
      if (tag != null) {
        term(xml, "post_tag", tag.slug(), tag.name());
      }
    }
    meta(xml, META_STATUS, a.status().name());
    if (a.isPage()) {
      List<String> shown = new ArrayList<>();
      if (a.page().showByline()) {
        shown.add("byline");
      }
      if (a.page().showDate()) {
        shown.add("date");
      }
      if (a.page().showShare()) {
        shown.add("share");
      }
      meta(xml, META_PAGE, String.join(" ", shown));
    }
    if (a.authorIds().size() > 1) {
      meta(
          xml,
          META_AUTHORS,
          a.authorIds().stream()
              .map(id -> authorLogin.getOrDefault(id, ""))
              .collect(Collectors.joining(",")));
    }
    if (a.leadMediaId() != null) {
      meta(xml, META_THUMBNAIL, Long.toString(attachmentBase + a.leadMediaId()));
    }
    for (ExportedComment c : comments.export(a.id())) {
      comment(xml, c, zone);
    }
    xml.writeEndElement();
  }

  /**
   * The first post id of the attachments: the smallest power of ten above every article's id, at
   * least a million. Articles keep their ids as post ids; an item of the media library is the
   * attachment {@code attachmentBase + its id}, so that the two never collide and a reader of the
   * file can still tell the item's id ({@code 1000012} is item 12).
   */
  static long attachmentBase(List<Long> articleIds) {
    long max = 0;
    for (Long id : articleIds) {
      max = Math.max(max, id);
    }
    long base = 1_000_000;
    while (base <= max && base < Long.MAX_VALUE / 10) {
      base *= 10;
    }
    return base;
  }

  /**
   * An item of the media library as WordPress describes an attachment: its address is the widest
   * rendition's (WordPress's importer downloads it from there), its title the original file's name,
   * its excerpt the caption, the text alternative in {@code _wp_attachment_image_alt}, the credit
   * (WordPress has no field for it) in {@code _tribune_credit}.
   */
  private void attachment(XMLStreamWriter xml, MediaItem m, long attachmentBase, ZoneId zone)
      throws XMLStreamException {
    MediaRendition widest = m.largest();
    String url = links.absolute(widest.path());
    xml.writeStartElement("item");
    element(xml, null, "title", m.originalName());
    element(xml, null, "link", url);
    element(
        xml,
        null,
        "pubDate",
        DateTimeFormatter.RFC_1123_DATE_TIME.format(m.uploadedAt().atOffset(ZoneOffset.UTC)));
    cdata(xml, DC, "creator", "");
    xml.writeStartElement("guid");
    xml.writeAttribute("isPermaLink", "false");
    xml.writeCharacters(clean(url));
    xml.writeEndElement();
    element(xml, null, "description", "");
    cdata(xml, CONTENT, "encoded", "");
    cdata(xml, EXCERPT, "encoded", m.caption());
    element(xml, WP, "post_id", Long.toString(attachmentBase + m.id()));
    cdata(xml, WP, "post_date", WP_DATE.format(m.uploadedAt().atZone(zone)));
    cdata(xml, WP, "post_date_gmt", WP_DATE.format(m.uploadedAt().atOffset(ZoneOffset.UTC)));
    cdata(xml, WP, "post_modified", WP_DATE.format(m.updatedAt().atZone(zone)));
    cdata(xml, WP, "post_modified_gmt", WP_DATE.format(m.updatedAt().atOffset(ZoneOffset.UTC)));
    cdata(xml, WP, "comment_status", "closed");
    cdata(xml, WP, "ping_status", "closed");
    cdata(xml, WP, "post_name", "media-" + m.id());
    cdata(xml, WP, "status", "inherit");
    element(xml, WP, "post_parent", "0");
    element(xml, WP, "menu_order", "0");
    cdata(xml, WP, "post_type", "attachment");
    cdata(xml, WP, "post_password", "");
    element(xml, WP, "is_sticky", "0");
    cdata(xml, WP, "attachment_url", url);
    meta(xml, "_wp_attached_file", widest.path().substring(1));
    meta(xml, META_ALT, m.alt());
    if (m.credit() != null && !m.credit().isBlank()) {
      meta(xml, META_CREDIT, m.credit());
    }
    xml.writeEndElement();
  }

  private void comment(XMLStreamWriter xml, ExportedComment c, ZoneId zone)
      throws XMLStreamException {
    xml.writeStartElement("wp", "comment", WP);
    element(xml, WP, "comment_id", Long.toString(c.id()));
    cdata(xml, WP, "comment_author", c.authorName());
    cdata(xml, WP, "comment_author_email", c.email() == null ? "" : c.email());
    cdata(xml, WP, "comment_author_url", c.website() == null ? "" : c.website());
    cdata(xml, WP, "comment_author_IP", "");
    cdata(xml, WP, "comment_date", WP_DATE.format(c.createdAt().atZone(zone)));
    cdata(xml, WP, "comment_date_gmt", WP_DATE.format(c.createdAt().atOffset(ZoneOffset.UTC)));
    cdata(xml, WP, "comment_content", c.bodyHtml() == null ? "" : c.bodyHtml());
    cdata(xml, WP, "comment_approved", approved(c.status()));
    cdata(xml, WP, "comment_type", "comment");
    element(xml, WP, "comment_parent", c.parentId() == null ? "0" : Long.toString(c.parentId()));
    element(xml, WP, "comment_user_id", "0");
    xml.writeEndElement();
  }

  private static void term(XMLStreamWriter xml, String domain, String slug, String name)
      throws XMLStreamException {
    xml.writeStartElement("category");
    xml.writeAttribute("domain", domain);
    xml.writeAttribute("nicename", clean(slug));
    writeCdata(xml, name);
    xml.writeEndElement();
  }

  private static void meta(XMLStreamWriter xml, String key, String value)
      throws XMLStreamException {
    xml.writeStartElement("wp", "postmeta", WP);
    cdata(xml, WP, "meta_key", key);
    cdata(xml, WP, "meta_value", value);
    xml.writeEndElement();
  }

  static String status(ArticleStatus status) {
    return switch (status) {
      case PUBLISHED, ARCHIVED -> "publish";
      case SCHEDULED -> "future";
      case PENDING -> "pending";
      case TRASHED -> "trash";
      case DRAFT -> "draft";
    };
  }

  static String approved(CommentStatus status) {
    return switch (status) {
      case APPROVED -> "1";
      case PENDING -> "0";
      case SPAM -> "spam";
      case TRASH -> "trash";
    };
  }

  private static void element(XMLStreamWriter xml, String ns, String name, String text)
      throws XMLStreamException {
    start(xml, ns, name);
    xml.writeCharacters(clean(text == null ? "" : text));
    xml.writeEndElement();
  }

  private static void cdata(XMLStreamWriter xml, String ns, String name, String text)
      throws XMLStreamException {
    start(xml, ns, name);
    writeCdata(xml, text);
    xml.writeEndElement();
  }

  private static void start(XMLStreamWriter xml, String ns, String name) throws XMLStreamException {
    if (ns == null) {
      xml.writeStartElement(name);
    } else {
      String prefix =
          switch (ns) {
            case WP -> "wp";
            case EXCERPT -> "excerpt";
            case CONTENT -> "content";
            default -> "dc";
          };
      xml.writeStartElement(prefix, name, ns);
    }
  }

  /** A CDATA section, split where the text holds its end marker. */
  private static void writeCdata(XMLStreamWriter xml, String text) throws XMLStreamException {
    String value = clean(text == null ? "" : text);
    if (value.isEmpty()) {
      return;
    }
    int from = 0;
    int end;
    while ((end = value.indexOf("]]>", from)) >= 0) {
      xml.writeCData(value.substring(from, end + 2));
      from = end + 2;
    }
    xml.writeCData(value.substring(from));
  }

  /** The text without the characters XML 1.0 cannot hold (control characters, lone surrogates). */
  static String clean(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c)) {
        ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        if (ok) {
          if (out != null) {
            out.append(c).append(text.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else if (Character.isLowSurrogate(c)) {
        ok = false;
      } else {
        ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
      }
      if (!ok && out == null) {
        out = new StringBuilder(text.length());
        out.append(text, 0, i);
      } else if (ok && out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }
}
