package org.tribune.web.feed;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SitemapTest {

  private static Document parse(byte[] xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
  }

  private static String text(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagNameNS(Sitemap.NAMESPACE, name);
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
  }

  @Test
  void everyAddressIsAUrlOfTheSitemapNamespaceWithItsLastChange() throws Exception {
    Document sitemap =
        parse(
            Sitemap.xml(
                List.of(
                    new Sitemap.Url("https://journal.example/", null),
                    new Sitemap.Url(
                        "https://journal.example/articles/comete",
                        Instant.parse("2026-11-28T07:21:35.123456Z")))));
    Element root = sitemap.getDocumentElement();
    NodeList urls = root.getElementsByTagNameNS(Sitemap.NAMESPACE, "url");
    Element home = (Element) urls.item(0);
    Element article = (Element) urls.item(1);
    assertAll(
        () -> assertEquals("UTF-8", sitemap.getXmlEncoding()),
        () -> assertEquals(Sitemap.NAMESPACE, root.getNamespaceURI()),
        () -> assertEquals("urlset", root.getLocalName()),
        () -> assertEquals(2, urls.getLength()),
        () -> assertEquals("https://journal.example/", text(home, "loc")),
        () -> assertEquals(null, text(home, "lastmod")),
        () -> assertEquals("https://journal.example/articles/comete", text(article, "loc")),
        () -> assertEquals("2026-11-28T07:21:35Z", text(article, "lastmod")));
  }

  @Test
  void addressesAreEscapedNotPastedIntoTheXml() throws Exception {
    String odd = "https://journal.example/recherche?q=a&b=<c>\"d\"";
    Document sitemap = parse(Sitemap.xml(List.of(new Sitemap.Url(odd, null))));
    assertEquals(odd, text(sitemap.getDocumentElement(), "loc"));
  }

  @Test
  void oneFileListsAtMostFiftyThousandAddresses() throws Exception {
    List<Sitemap.Url> urls = new ArrayList<>();
    for (int i = 0; i <= Sitemap.MAX_URLS; i++) {
      urls.add(new Sitemap.Url("https://journal.example/articles/a" + i, null));
    }
    Document sitemap = parse(Sitemap.xml(urls));
    assertEquals(
        Sitemap.MAX_URLS,
        sitemap.getDocumentElement().getElementsByTagNameNS(Sitemap.NAMESPACE, "url").getLength());
  }
}
