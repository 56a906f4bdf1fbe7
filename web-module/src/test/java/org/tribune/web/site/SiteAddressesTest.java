package org.tribune.web.site;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.ApplicationPath;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.tribune.articles.api.ArticleLimits;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * A page at the root takes an address from the site's root ({@code /a-propos}): every first path
 * segment the site answers by itself must be in {@link SiteAddresses#RESERVED}, or a page could be
 * written that nobody can reach (the router tries pages last, and a servlet or a folder wins before
 * it). Read from the code and the web application itself, so that a new route, servlet, mapping or
 * folder without its reserved word fails here: the router's fixed routes (its {@code ROUTES}, read
 * by reflection), the servlets' and filters' annotations (scanned with ArchUnit), {@code web.xml}'s
 * mappings and the top-level entries of {@code src/main/webapp}. Only segments that could be a slug
 * matter ({@code feed.atom}, {@code *.xhtml} never are).
 */
class SiteAddressesTest {
  /** What a page's first segment can look like; the container may match folders in any case. */
  private static final Pattern COULD_BE_A_SLUG = Pattern.compile("[a-z0-9-]+");

  private static final Path WEBAPP = Path.of("src/main/webapp");

  /**
   * What Payara Micro adds to the application deployed at the root, declared nowhere in this code
   * base: MicroProfile Health ({@code /health}, {@code /health/ready}…), Metrics and OpenAPI.
   * {@code PagesIT} checks on a running server that they answer.
   */
  private static final List<String> RUNTIME_ENDPOINTS =
      List.of("/health/*", "/metrics/*", "/openapi/*");

  @Test
  void everyFixedRouteOfTheRouterIsReserved() throws ReflectiveOperationException {
    List<String> routes = routePatterns();

    assertTrue(routes.size() >= 8, () -> "the router's routes were not read: " + routes);
    assertTrue(routes.contains("/"), () -> "no home route among " + routes);
    for (String route : routes) {
      String first = firstSegment(route);
      assertTrue(
          first.isEmpty() || COULD_BE_A_SLUG.matcher(first).matches(),
          () ->
              "the route "
                  + route
                  + " does not start with a fixed word: no list can say which pages it hides");
    }
    assertReserved("the router's routes", routes);
  }

  @Test
  void everyAddressOfAServletFilterOrRestApplicationIsReserved() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tribune.web");
    List<String> patterns = new ArrayList<>();
    int servlets = 0;
    for (JavaClass type : classes) {
      if (type.isAnnotatedWith(WebServlet.class)) {
        WebServlet servlet = type.getAnnotationOfType(WebServlet.class);
        patterns.addAll(Arrays.asList(servlet.urlPatterns()));
        patterns.addAll(Arrays.asList(servlet.value()));
        servlets++;
      }
      if (type.isAnnotatedWith(WebFilter.class)) {
        WebFilter filter = type.getAnnotationOfType(WebFilter.class);
        patterns.addAll(Arrays.asList(filter.urlPatterns()));
        patterns.addAll(Arrays.asList(filter.value()));
      }
      if (type.isAnnotatedWith(ApplicationPath.class)) {
        patterns.add("/" + type.getAnnotationOfType(ApplicationPath.class).value());
      }
    }
    int found = servlets;
    assertTrue(found >= 5, () -> "the servlets were not found: " + found);
    assertTrue(
        patterns.contains("/articles/*"), () -> "the discussion's servlet not read: " + patterns);
    assertReserved("the servlets' and filters' annotations", patterns);
  }

  @Test
  void everyUrlPatternOfWebXmlIsReserved() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document webXml =
        factory.newDocumentBuilder().parse(WEBAPP.resolve("WEB-INF/web.xml").toFile());
    NodeList nodes = webXml.getElementsByTagNameNS("*", "url-pattern");
    List<String> patterns = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      patterns.add(nodes.item(i).getTextContent().strip());
    }

    assertTrue(patterns.contains("/admin/*"), () -> "web.xml not read: " + patterns);
    assertReserved("web.xml", patterns);
  }

  @Test
  void everyTopLevelFolderOfTheWebApplicationIsReserved() throws IOException {
    List<String> entries;
    try (Stream<Path> list = Files.list(WEBAPP)) {
      entries = list.map(p -> "/" + p.getFileName()).toList();
    }

    assertTrue(entries.contains("/WEB-INF"), () -> "not the web application: " + entries);
    assertReserved("src/main/webapp", entries);
  }

  @Test
  void theRuntimesOwnEndpointsAreReserved() {
    assertReserved("Payara Micro", RUNTIME_ENDPOINTS);
  }

  @Test
  void everyReservedWordIsOneAPageCouldTakeAndIsRefusedAsSuch() {
    SiteAddresses addresses = new SiteAddresses();
    Pattern slug = Pattern.compile(ArticleLimits.SLUG_PATTERN);
    assertAll(
        SiteAddresses.RESERVED.stream()
            .map(
                word ->
                    (Executable)
                        () -> {
                          assertTrue(slug.matcher(word).matches(), () -> word + " is no slug");
                          assertTrue(addresses.isReserved(word), word);
                        }));
    assertFalse(addresses.isReserved("a-propos"));
    assertFalse(addresses.isReserved(null));
    assertFalse(addresses.isReserved("articles-2"), "a word, not a prefix");
  }

  /** The router's fixed routes, as the regular expressions it matches paths against. */
  private static List<String> routePatterns() throws ReflectiveOperationException {
    Field field = Router.class.getDeclaredField("ROUTES");
    field.setAccessible(true);
    List<String> patterns = new ArrayList<>();
    for (Object route : (List<?>) field.get(null)) {
      Method pattern = route.getClass().getDeclaredMethod("pattern");
      pattern.setAccessible(true);
      patterns.add(((Pattern) pattern.invoke(route)).pattern());
    }
    return patterns;
  }

  /**
   * Fails unless the first segment of each address ({@code /articles/*}, {@code /css}…) that could
   * be a slug is reserved; names every one missing, with the first address that takes it.
   */
  private static void assertReserved(String where, List<String> addresses) {
    Map<String, String> missing = new TreeMap<>();
    for (String address : addresses) {
      String first = firstSegment(address).toLowerCase(Locale.ROOT);
      if (COULD_BE_A_SLUG.matcher(first).matches() && !SiteAddresses.RESERVED.contains(first)) {
        missing.putIfAbsent(first, address);
      }
    }
    assertEquals(Map.of(), missing, () -> "answered by " + where + " but not reserved");
  }

  /**
   * {@code articles} of {@code /articles/*}; {@code ""} of {@code /} and {@code /*}'s {@code *}.
   */
  private static String firstSegment(String address) {
    String path = address.startsWith("/") ? address.substring(1) : address;
    int slash = path.indexOf('/');
    return slash < 0 ? path : path.substring(0, slash);
  }
}
