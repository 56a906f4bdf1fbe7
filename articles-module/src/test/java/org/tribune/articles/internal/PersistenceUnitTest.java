package org.tribune.articles.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Settings of the module's persistence unit that guard against a fault of the server. */
class PersistenceUnitTest {

  /**
   * With EclipseLink's default wait (0, "until told"), a request copying an object with eager
   * relations from the shared cache while another thread held it waited for good: Payara's
   * EclipseLink 4.0.7 never wakes it (cluster/soak, docs/reliability.md).
   */
  @Test
  void threadsWaitingForACachedObjectLookAgainAfterAWhile() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setNamespaceAware(true);
    String wait = null;
    try (InputStream xml = getClass().getResourceAsStream("/META-INF/articles-persistence.xml")) {
      assertNotNull(xml, "no META-INF/articles-persistence.xml");
      NodeList properties =
          factory.newDocumentBuilder().parse(xml).getElementsByTagNameNS("*", "property");
      for (int i = 0; i < properties.getLength(); i++) {
        Element property = (Element) properties.item(i);
        if (property.getAttribute("name").equals("eclipselink.concurrency.manager.waittime")) {
          wait = property.getAttribute("value");
        }
      }
    }
    assertNotNull(wait, "eclipselink.concurrency.manager.waittime is not set");
    long milliseconds = Long.parseLong(wait);
    assertTrue(milliseconds > 0 && milliseconds <= 100, () -> "waittime " + milliseconds);
  }
}
