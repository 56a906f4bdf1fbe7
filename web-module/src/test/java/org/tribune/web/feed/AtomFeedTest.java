package org.tribune.web.feed;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.WireFeedInput;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.tribune.articles.api.ArticleContent;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.articles.api.AuthorRef;
import org.tribune.articles.api.SectionRef;
import org.w3c.dom.Element;

class AtomFeedTest {
  private static final String ATOM = "http://www.w3.org/2005/Atom";
  private static final String XML = "http://www.w3.org/XML/1998/namespace";
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
  private static final FeedScope SITE =
      new FeedScope("Tribune", "Informations et débats", "/", "/feed.atom");
  private static final AtomFeed ATOM_FEED =
      new AtomFeed("Tribune", "fr", path -> "https://journal.example" + path);

  private static ArticleSummary article(
      long id, String slug, String title, Instant published, Instant updated) {
    return new ArticleSummary(
        id,
        slug,
        title,
        "Le chapeau de l’article.",
        List.of(new AuthorRef(1, "claire-dumont", "Claire Dumont")),
        new SectionRef(3, "vie-locale", "Vie locale"),
        ArticleStatus.PUBLISHED,
        published,
        updated,
        null,
        null,
        true);
  }

  private static final ArticleSummary MARKET =
      article(
          42,
          "marche-couvert",
          "Le marché couvert rouvre",
          Instant.parse("2026-11-29T07:00:00Z"),
          Instant.parse("2026-11-29T08:30:00Z"));

  private static final String BODY =
      "<p>Les halles & la verrière.</p><blockquote><p>Une citation.</p></blockquote>"
          + "<pre>ligne 1\n    ligne 2</pre><p><a href=\"/articles/autre\">Autre</a></p>";

  private static Feed roundTrip(List<ArticleContent> articles) throws Exception {
    String xml = AtomFeed.xml(ATOM_FEED.build(SITE, articles, NOW));
    return (Feed) new WireFeedInput().build(new StringReader(xml));
  }

  private static Element root(List<ArticleContent> articles) throws Exception {
    byte[] xml =
        AtomFeed.xml(ATOM_FEED.build(SITE, articles, NOW)).getBytes(StandardCharsets.UTF_8);
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
  }

  @Test
  void feedIsAtomInTheSiteLanguageWithSelfAndAlternateLinks() throws Exception {
    Element root = root(List.of(new ArticleContent(MARKET, BODY, List.of())));
    Feed feed = roundTrip(List.of(new ArticleContent(MARKET, BODY, List.of())));
    assertAll(
        () -> assertEquals(ATOM, root.getNamespaceURI()),
        () -> assertEquals("feed", root.getLocalName()),
        () -> assertEquals("fr", root.getAttributeNS(XML, "lang")),
        () -> assertEquals("atom_1.0", feed.getFeedType()),
        () -> assertEquals("Tribune", feed.getTitle()),
        () -> assertEquals("Informations et débats", feed.getSubtitle().getValue()),
        () -> assertEquals("https://journal.example/feed.atom", feed.getId()),
        () -> assertEquals("https://journal.example/", feed.getAlternateLinks().get(0).getHref()),
        () -> assertEquals("self", feed.getOtherLinks().get(0).getRel()),
        () ->
            assertEquals(
                "https://journal.example/feed.atom", feed.getOtherLinks().get(0).getHref()),
        () -> assertEquals(MARKET.updatedAt(), feed.getUpdated().toInstant()));
  }

  @Test
  void entryCarriesTheFullBodyAsHtmlExactlyAsRendered() throws Exception {
    Entry entry =
        roundTrip(List.of(new ArticleContent(MARKET, BODY, List.of()))).getEntries().get(0);
    assertAll(
        () -> assertEquals("html", entry.getContents().get(0).getType()),
        () -> assertEquals(BODY, entry.getContents().get(0).getValue()),
        () -> assertEquals("Le chapeau de l’article.", entry.getSummary().getValue()),
        () -> assertEquals("text", entry.getSummary().getType()),
        () -> assertEquals("Le marché couvert rouvre", entry.getTitle()),
        () ->
            assertEquals(
                "https://journal.example/articles/marche-couvert",
                entry.getXmlBase(),
                "relative links in the body must resolve as on the article page"));
  }

  @Test
  void entryLinksToTheArticleAndNamesAuthorsAndSection() throws Exception {
    Entry entry =
        roundTrip(List.of(new ArticleContent(MARKET, BODY, List.of()))).getEntries().get(0);
    Person author = (Person) entry.getAuthors().get(0);
    Category section = entry.getCategories().get(0);
    assertAll(
        () -> assertEquals(1, entry.getAlternateLinks().size()),
        () ->
            assertEquals(
                "https://journal.example/articles/marche-couvert",
                entry.getAlternateLinks().get(0).getHref()),
        () -> assertEquals("text/html", entry.getAlternateLinks().get(0).getType()),
        () -> assertEquals("Claire Dumont", author.getName()),
        () -> assertEquals("https://journal.example/authors/claire-dumont", author.getUri()),
        () -> assertEquals("Vie locale", section.getTerm()),
        () -> assertEquals(MARKET.publishedAt(), entry.getPublished().toInstant()),
        () -> assertEquals(MARKET.updatedAt(), entry.getUpdated().toInstant()));
  }

  @Test
  void entryIdIsATagUriThatSurvivesANewSlugAndTitle() {
    ArticleSummary renamed =
        article(
            42, "marche-couvert-rouvert", "Le marché couvert a rouvert", MARKET.publishedAt(), NOW);
    ArticleSummary other =
        article(43, "autre", "Autre", MARKET.publishedAt(), MARKET.publishedAt());
    assertAll(
        () -> assertEquals("tag:journal.example,2026:articles/42", ATOM_FEED.entryId(MARKET)),
        () -> assertEquals(ATOM_FEED.entryId(MARKET), ATOM_FEED.entryId(renamed)),
        () -> assertNotEquals(ATOM_FEED.entryId(MARKET), ATOM_FEED.entryId(other)));
  }

  @Test
  void withoutAHostNameTheEntryIdIsThePermalink() {
    AtomFeed onIpv6 = new AtomFeed("Tribune", "fr", path -> "http://[::1]:8080" + path);
    assertEquals("http://[::1]:8080/articles/marche-couvert", onIpv6.entryId(MARKET));
  }

  @Test
  void anArticleScheduledAfterItsLastEditIsUpdatedAtItsPublication() throws Exception {
    ArticleSummary scheduled =
        article(
            7,
            "programme",
            "Programme",
            Instant.parse("2026-11-29T10:00:00Z"),
            Instant.parse("2026-11-20T10:00:00Z"));
    Entry entry =
        roundTrip(List.of(new ArticleContent(scheduled, BODY, List.of()))).getEntries().get(0);
    assertEquals(scheduled.publishedAt(), entry.getUpdated().toInstant());
  }

  @Test
  void feedIsUpdatedWhenItsMostRecentlyChangedEntryWas() throws Exception {
    ArticleSummary newerButOlderEdit =
        article(
            50,
            "nouveau",
            "Nouveau",
            Instant.parse("2026-11-29T09:00:00Z"),
            Instant.parse("2026-11-29T09:00:00Z"));
    ArticleSummary olderButEditedLater =
        article(
            40,
            "ancien",
            "Ancien",
            Instant.parse("2026-11-20T09:00:00Z"),
            Instant.parse("2026-11-29T11:00:00Z"));
    Feed feed =
        roundTrip(
            List.of(
                new ArticleContent(newerButOlderEdit, BODY, List.of()),
                new ArticleContent(olderButEditedLater, BODY, List.of())));
    assertEquals(olderButEditedLater.updatedAt(), feed.getUpdated().toInstant());
  }

  @Test
  void emptyFeedIsUpdatedNowAndStillHasAnAuthor() throws Exception {
    Feed feed = roundTrip(List.of());
    assertAll(
        () -> assertEquals(NOW, feed.getUpdated().toInstant()),
        () -> assertTrue(feed.getEntries().isEmpty()),
        () -> assertEquals("Tribune", feed.getAuthors().get(0).getName()));
  }

  @Test
  void articleWithoutStandfirstOrSectionHasNoSummaryNorCategory() throws Exception {
    ArticleSummary bare =
        new ArticleSummary(
            9,
            "bref",
            "Bref",
            "",
            List.of(new AuthorRef(1, "claire-dumont", "Claire Dumont")),
            null,
            ArticleStatus.PUBLISHED,
            NOW,
            NOW,
            null,
            null,
            true);
    Entry entry =
        roundTrip(List.of(new ArticleContent(bare, "<p>Bref.</p>", List.of()))).getEntries().get(0);
    assertAll(
        () -> assertNull(entry.getSummary()), () -> assertTrue(entry.getCategories().isEmpty()));
  }

  @Test
  void hostOfIgnoresWhatATagUriCannotName() {
    assertAll(
        () -> assertEquals("journal.example", AtomFeed.hostOf("https://Journal.Example:8443/")),
        () -> assertNull(AtomFeed.hostOf("http://[::1]:8080/")),
        () -> assertNull(AtomFeed.hostOf("pas une adresse")));
  }
}
