package org.tribune.web.transfer;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a WordPress eXtended RSS file (WXR 1.0, 1.1, 1.2) one entry at a time, streaming: an item
 * and its comments are in memory, never the file. The WordPress namespace is recognised whatever
 * its version and scheme ({@code http(s)://wordpress.org/export/1.x/}); a file without it is
 * refused before anything is imported. Not thread-safe: one reader per import.
 */
final class WxrReader implements AutoCloseable {
  /** A text longer than this is cut (an article body may not be longer than 200 000 anyway). */
  static final int MAX_TEXT = 1_000_000;

  private static final Pattern WP = Pattern.compile("https?://wordpress\\.org/export/1\\.\\d+/?");
  private static final Pattern EXCERPT =
      Pattern.compile("https?://wordpress\\.org/export/1\\.\\d+/excerpt/?");
  private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
  private static final String DC = "http://purl.org/dc/elements/1.1/";
  private static final DateTimeFormatter WP_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private enum Ns {
    NONE,
    WP,
    EXCERPT,
    CONTENT,
    DC,
    UNKNOWN_WP,
    OTHER
  }

  private final XMLStreamReader xml;
  private final ZoneId zone;
  private final Deque<Wxr.Entry> pending = new ArrayDeque<>();
  private String title;
  private String link;
  private String baseSiteUrl;
  private String baseBlogUrl;
  private String version;
  private boolean siteGiven;
  private boolean sawWordPress;
  private boolean inChannel;
  private boolean ended;

  /**
   * @param zone the zone of the old site's local dates, used only when a GMT date is missing
   */
  WxrReader(InputStream in, ZoneId zone) throws ImportException {
    this.zone = zone;
    try {
      this.xml = SafeXml.open(in);
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
    if (!"rss".equals(xml.getLocalName())) {
      throw new ImportException("not-wxr", xml.getLocalName());
    }
  }

  /** The next entry, or null at the end of the file. */
  Wxr.Entry next() throws ImportException {
    if (!pending.isEmpty()) {
      return pending.poll();
    }
    try {
      while (!ended && xml.hasNext()) {
        int event = xml.next();
        SafeXml.refuseEntity(xml);
        if (event == XMLStreamConstants.END_ELEMENT && "channel".equals(xml.getLocalName())) {
          inChannel = false;
          continue;
        }
        if (event == XMLStreamConstants.END_DOCUMENT) {
          ended = true;
          break;
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        if (!inChannel) {
          if ("channel".equals(xml.getLocalName()) && ns() == Ns.NONE) {
            inChannel = true;
          } else {
            SafeXml.skip(xml);
          }
          continue;
        }
        Wxr.Entry entry = channelChild();
        if (entry != null) {
          if (!siteGiven) {
            siteGiven = true;
            pending.add(entry);
            return new Wxr.Site(title, link, baseSiteUrl, baseBlogUrl, version);
          }
          return entry;
        }
      }
    } catch (XMLStreamException e) {
      throw malformed(e);
    }
    if (!sawWordPress) {
      throw new ImportException("namespace");
    }
    if (!siteGiven) {
      siteGiven = true;
      return new Wxr.Site(title, link, baseSiteUrl, baseBlogUrl, version);
    }
    return null;
  }

  private Wxr.Entry channelChild() throws XMLStreamException, ImportException {
    Ns ns = ns();
    String name = xml.getLocalName();
    if (ns == Ns.UNKNOWN_WP) {
      throw new ImportException("namespace", xml.getNamespaceURI());
    }
    if (ns == Ns.NONE) {
      switch (name) {
        case "title" -> title = SafeXml.text(xml);
        case "link" -> link = SafeXml.text(xml);
        case "item" -> {
          return item();
        }
        default -> SafeXml.skip(xml);
      }
      return null;
    }
    if (ns != Ns.WP) {
      SafeXml.skip(xml);
      return null;
    }
    sawWordPress = true;
    switch (name) {
      case "wxr_version" -> version = SafeXml.text(xml);
      case "base_site_url" -> baseSiteUrl = SafeXml.text(xml);
      case "base_blog_url" -> baseBlogUrl = SafeXml.text(xml);
      case "author" -> {
        return author();
      }
      case "category" -> {
        return term("category");
      }
      case "tag" -> {
        return term("post_tag");
      }
      case "term" -> {
        return term(null);
      }
      default -> SafeXml.skip(xml);
    }
    return null;
  }

  private Wxr.Author author() throws XMLStreamException, ImportException {
    Map<String, String> fields = fields();
    String display = fields.get("author_display_name");
    return new Wxr.Author(
        fields.get("author_id"), fields.get("author_login"), fields.get("author_email"), display);
  }

  private Wxr.Term term(String taxonomy) throws XMLStreamException, ImportException {
    Map<String, String> f = fields();
    if ("category".equals(taxonomy)) {
      return new Wxr.Term(
          "category",
          f.get("term_id"),
          f.get("category_nicename"),
          f.get("cat_name"),
          f.get("category_parent"),
          f.get("category_description"));
    }
    if ("post_tag".equals(taxonomy)) {
      return new Wxr.Term(
          "post_tag",
          f.get("term_id"),
          f.get("tag_slug"),
          f.get("tag_name"),
          null,
          f.get("tag_description"));
    }
    return new Wxr.Term(
        f.get("term_taxonomy"),
        f.get("term_id"),
        f.get("term_slug"),
        f.get("term_name"),
        f.get("term_parent"),
        f.get("term_description"));
  }

  /** The WordPress-namespace children of the current element, as texts by local name. */
  private Map<String, String> fields() throws XMLStreamException, ImportException {
    return SafeXml.fields(xml, x -> ns() == Ns.WP);
  }

  private Wxr.Post item() throws XMLStreamException, ImportException {
    Map<String, String> f = new HashMap<>();
    List<Wxr.ItemTerm> terms = new ArrayList<>();
    Map<String, String> meta = new HashMap<>();
    List<Wxr.Comment> comments = new ArrayList<>();
    String itemTitle = null;
    String itemLink = null;
    String pubDate = null;
    String creator = null;
    String content = null;
    String excerpt = null;
    while (xml.hasNext()) {
      int event = xml.next();
      SafeXml.refuseEntity(xml);
      if (event == XMLStreamConstants.END_ELEMENT) {
        break;
      }
      if (event != XMLStreamConstants.START_ELEMENT) {
        continue;
      }
      Ns ns = ns();
      String name = xml.getLocalName();
      switch (ns) {
        case NONE -> {
          switch (name) {
            case "title" -> itemTitle = SafeXml.text(xml);
            case "link" -> itemLink = SafeXml.text(xml);
            case "pubDate" -> pubDate = SafeXml.text(xml);
            case "category" -> {
              String domain = xml.getAttributeValue(null, "domain");
              String nicename = xml.getAttributeValue(null, "nicename");
              terms.add(new Wxr.ItemTerm(domain, nicename, SafeXml.text(xml)));
            }
            default -> SafeXml.skip(xml);
          }
        }
        case DC -> {
          if ("creator".equals(name)) {
            creator = SafeXml.text(xml);
          } else {
            SafeXml.skip(xml);
          }
        }
        case CONTENT -> {
          if ("encoded".equals(name)) {
            content = SafeXml.text(xml);
          } else {
            SafeXml.skip(xml);
          }
        }
        case EXCERPT -> {
          if ("encoded".equals(name)) {
            excerpt = SafeXml.text(xml);
          } else {
            SafeXml.skip(xml);
          }
        }
        case WP -> {
          sawWordPress = true;
          switch (name) {
            case "comment" -> comments.add(comment());
            case "postmeta" -> {
              Map<String, String> m = fields();
              String key = m.get("meta_key");
              if (key != null
                  && (key.startsWith(WxrWriter.META_PREFIX)
                      || key.equals(WxrWriter.META_THUMBNAIL)
                      || key.equals(WxrWriter.META_ALT))) {
                meta.put(key, m.getOrDefault("meta_value", ""));
              }
            }
            default -> f.put(name, SafeXml.text(xml));
          }
        }
        case UNKNOWN_WP -> throw new ImportException("namespace", xml.getNamespaceURI());
        default -> SafeXml.skip(xml);
      }
    }
    if (!sawWordPress) {
      throw new ImportException("namespace");
    }
    Instant date = date(f.get("post_date_gmt"), f.get("post_date"));
    if (date == null && pubDate != null) {
      date = rfc1123(pubDate);
    }
    return new Wxr.Post(
        f.get("post_id"),
        f.getOrDefault("post_type", "post"),
        f.getOrDefault("status", "publish"),
        itemTitle,
        itemLink,
        f.get("post_name"),
        creator,
        content,
        excerpt,
        date,
        date(f.get("post_modified_gmt"), f.get("post_modified")),
        f.get("post_password"),
        "1".equals(f.get("is_sticky")),
        !"closed".equals(f.get("comment_status")),
        f.get("post_parent"),
        terms,
        meta,
        comments,
        f.get("attachment_url"));
  }

  private Wxr.Comment comment() throws XMLStreamException, ImportException {
    Map<String, String> f = fields();
    return new Wxr.Comment(
        f.get("comment_id"),
        f.get("comment_author"),
        f.get("comment_author_email"),
        f.get("comment_author_url"),
        f.get("comment_author_IP"),
        date(f.get("comment_date_gmt"), f.get("comment_date")),
        f.get("comment_content"),
        f.getOrDefault("comment_approved", "1"),
        f.get("comment_type"),
        f.get("comment_parent"),
        f.get("comment_user_id"));
  }

  /** The instant of a GMT date, else of the local date in the old site's zone; null when none. */
  Instant date(String gmt, String local) {
    Instant instant = parse(gmt, java.time.ZoneOffset.UTC);
    return instant != null ? instant : parse(local, zone);
  }

  private static Instant parse(String text, ZoneId zone) {
    if (text == null || text.isBlank() || text.startsWith("0000-00-00")) {
      return null;
    }
    try {
      return LocalDateTime.parse(text.strip(), WP_DATE).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Instant rfc1123(String text) {
    try {
      return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private Ns ns() {
    String uri = xml.getNamespaceURI();
    if (uri == null || uri.isEmpty()) {
      return Ns.NONE;
    }
    if (WP.matcher(uri).matches()) {
      return Ns.WP;
    }
    if (EXCERPT.matcher(uri).matches()) {
      return Ns.EXCERPT;
    }
    if (CONTENT.equals(uri)) {
      return Ns.CONTENT;
    }
    if (DC.equals(uri)) {
      return Ns.DC;
    }
    if (uri.contains("wordpress.org/export/")) {
      return Ns.UNKNOWN_WP;
    }
    return Ns.OTHER;
  }

  static ImportException malformed(XMLStreamException e) {
    Location at = e.getLocation();
    String message = String.valueOf(e.getMessage());
    // The JDK's messages start with "ParseError at [row,col]:[l,c]\nMessage: ": keep the message.
    int cut = message.indexOf("Message: ");
    if (cut >= 0) {
      message = message.substring(cut + "Message: ".length());
    }
    String where =
        at == null || at.getLineNumber() < 0
            ? ""
            : "line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": ";
    return new ImportException("malformed", where + message.strip());
  }

  @Override
  public void close() {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // Nothing to release that closing the input stream does not.
    }
  }
}
