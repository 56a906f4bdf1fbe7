package org.tribune.web.transfer;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * StAX readers for files uploaded by users, which may be hostile. The JDK's own implementation
 * (whatever else the server bundles), with no DTD at all: a document that declares one (where
 * entity bombs and external entities live) is refused at its DOCTYPE, before any entity is expanded
 * or any file or address is read. Reading stays streaming: memory depends on the largest text, not
 * on the file.
 */
final class SafeXml {
  private static final XMLInputFactory FACTORY = factory();

  private SafeXml() {}

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    factory.setProperty(XMLInputFactory.IS_COALESCING, false);
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return factory;
  }

  /** The reader, on the document's first element; a DOCTYPE or an empty input is refused. */
  static XMLStreamReader open(InputStream in) throws XMLStreamException, ImportException {
    XMLStreamReader reader = FACTORY.createXMLStreamReader(in);
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.DTD) {
        throw new ImportException("dtd");
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        return reader;
      }
    }
    throw new ImportException("empty");
  }

  /** Refuses an entity reference that got through (the DTD is refused, so none should). */
  static void refuseEntity(XMLStreamReader reader) throws ImportException {
    if (reader.getEventType() == XMLStreamConstants.ENTITY_REFERENCE) {
      throw new ImportException("dtd");
    }
  }

  /**
   * The text of the current element, whose start was just read (texts of child elements left out),
   * at most {@link WxrReader#MAX_TEXT} characters: the rest is read and dropped.
   */
  static String text(XMLStreamReader xml) throws XMLStreamException, ImportException {
    StringBuilder text = new StringBuilder();
    int depth = 1;
    while (xml.hasNext()) {
      int event = xml.next();
      refuseEntity(xml);
      switch (event) {
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          int room = WxrReader.MAX_TEXT - text.length();
          if (depth == 1 && room > 0) {
            text.append(
                xml.getTextCharacters(), xml.getTextStart(), Math.min(room, xml.getTextLength()));
          }
        }
        case XMLStreamConstants.START_ELEMENT -> depth++;
        case XMLStreamConstants.END_ELEMENT -> {
          if (--depth == 0) {
            return text.toString();
          }
        }
        default -> {}
      }
    }
    throw new XMLStreamException("unexpected end of file", xml.getLocation());
  }

  /** Skips the current element, whose start was just read, and everything in it. */
  static void skip(XMLStreamReader xml) throws XMLStreamException, ImportException {
    int depth = 1;
    while (depth > 0 && xml.hasNext()) {
      int event = xml.next();
      refuseEntity(xml);
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
    if (depth > 0) {
      throw new XMLStreamException("unexpected end of file", xml.getLocation());
    }
  }

  /**
   * The texts of the current element's children that {@code keep} accepts (read when it is asked,
   * on each child's start), by local name; other children are skipped.
   */
  static java.util.Map<String, String> fields(
      XMLStreamReader xml, java.util.function.Predicate<XMLStreamReader> keep)
      throws XMLStreamException, ImportException {
    java.util.Map<String, String> fields = new java.util.HashMap<>();
    while (xml.hasNext()) {
      int event = xml.next();
      refuseEntity(xml);
      if (event == XMLStreamConstants.END_ELEMENT) {
        return fields;
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        if (keep.test(xml)) {
          fields.put(xml.getLocalName(), text(xml));
        } else {
          skip(xml);
        }
      }
    }
    throw new XMLStreamException("unexpected end of file", xml.getLocation());
  }
}
