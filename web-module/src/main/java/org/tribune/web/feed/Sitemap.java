package org.tribune.web.feed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.logging.Logger;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a sitemap (sitemaps.org protocol 0.9) with a streaming XML writer, which escapes every
 * address. One file holds at most {@value #MAX_URLS} addresses; a site with more needs a sitemap
 * index, which Tribune does not write yet.
 */
final class Sitemap {
  static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";
  static final String MEDIA_TYPE = "application/xml";
  static final int MAX_URLS = 50_000;
  private static final Logger LOG = Logger.getLogger(Sitemap.class.getName());

  /**
   * One address of the sitemap.
   *
   * @param location the absolute URL
   * @param lastModified when the page last changed, or {@code null} when unknown
   */
  record Url(String location, Instant lastModified) {}

  private Sitemap() {}

  /** The sitemap of these addresses, in UTF-8; addresses past {@value #MAX_URLS} are left out. */
  static byte[] xml(List<Url> urls) {
    if (urls.size() > MAX_URLS) {
      LOG.warning(
          () -> "The sitemap lists the first " + MAX_URLS + " of " + urls.size() + " addresses");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter xml =
          XMLOutputFactory.newFactory().createXMLStreamWriter(out, StandardCharsets.UTF_8.name());
      xml.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
      xml.setDefaultNamespace(NAMESPACE);
      xml.writeStartElement(NAMESPACE, "urlset");
      xml.writeDefaultNamespace(NAMESPACE);
      for (Url url : urls.subList(0, Math.min(urls.size(), MAX_URLS))) {
        xml.writeStartElement(NAMESPACE, "url");
        element(xml, "loc", url.location());
        if (url.lastModified() != null) {
          element(xml, "lastmod", w3cDateTime(url.lastModified()));
        }
        xml.writeEndElement();
      }
      xml.writeEndElement();
      xml.writeEndDocument();
      xml.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("Cannot write the sitemap", e);
    }
    return out.toByteArray();
  }

  /** A W3C Datetime to the second, in UTC: {@code 2026-11-29T07:21:35Z}. */
  static String w3cDateTime(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  private static void element(XMLStreamWriter xml, String name, String text)
      throws XMLStreamException {
    xml.writeStartElement(NAMESPACE, name);
    xml.writeCharacters(text);
    xml.writeEndElement();
  }
}
