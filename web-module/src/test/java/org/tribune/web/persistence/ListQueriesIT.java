package org.tribune.web.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.AuthorService;
import org.tribune.articles.api.BodyFormat;
import org.tribune.articles.api.SectionService;
import org.tribune.articles.api.TagService;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.NewComment;
import org.tribune.comments.api.Submission;

/**
 * List pages cost the same number of SQL statements whatever the number of articles they show: no
 * query per article (its authors, section, comment count). The pages are fetched over HTTP from the
 * deployment itself, and {@link StatementCounter} records what the connection pool runs for each.
 * Every article gets its own co-author, sub-section, tag and comment, so that nothing a list shows
 * can come from what an earlier article loaded.
 */
@ExtendWith(ArquillianExtension.class)
class ListQueriesIT {
  private static final int FULL_PAGE = 12;

  @Deployment
  static WebArchive deployment() {
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("tribune.it.war")))
        .addPackage(ListQueriesIT.class.getPackage());
  }

  @Inject ArticleService articles;
  @Inject AuthorService authors;
  @Inject SectionService sections;
  @Inject TagService tags;
  @Inject CommentService comments;

  /** The request of the Arquillian call running this test: it says where the site answers. */
  @Inject HttpServletRequest request;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void anAuthorPageRunsAsManyStatementsForTwelveArticlesAsForTwo() throws Exception {
    long few = authors.create(unique("Claire Dumont"), "Journaliste.");
    long many = authors.create(unique("Julien Marchand"), "Journaliste.");
    publish(2, i -> draft(i, few));
    publish(FULL_PAGE, i -> draft(i, many));

    assertSameCost(
        "/authors/" + authors.find(few).orElseThrow().slug(),
        "/authors/" + authors.find(many).orElseThrow().slug());
  }

  @Test
  void aSectionPageRunsAsManyStatementsForTwelveArticlesAsForTwo() throws Exception {
    long few = sections.create(unique("Vie locale"), "", null);
    long many = sections.create(unique("Sciences"), "", null);
    long writer = authors.create(unique("Claire Dumont"), "");
    publish(2, i -> draft(i, writer).withSection(subSection(few, i)));
    publish(FULL_PAGE, i -> draft(i, writer).withSection(subSection(many, i)));

    assertSameCost(
        "/sections/" + sectionSlug(few) + "?page=1", "/sections/" + sectionSlug(many) + "?page=1");
  }

  @Test
  void aTagPageRunsAsManyStatementsForTwelveArticlesAsForOne() throws Exception {
    long few = tags.findOrCreate(unique("sorties"), "");
    long many = tags.findOrCreate(unique("mobilité"), "");
    long writer = authors.create(unique("Claire Dumont"), "");
    List<Long> fewArticles =
        publish(1, i -> draft(i, writer).withTags(List.of(few, tagOfItsOwn(i))));
    List<Long> manyArticles =
        publish(FULL_PAGE, i -> draft(i, writer).withTags(List.of(many, tagOfItsOwn(i))));

    assertSameCost(
        "/tags/" + tagSlug(few, fewArticles.get(0)), "/tags/" + tagSlug(many, manyArticles.get(0)));
  }

  @Test
  void anArchivePageRunsAsManyStatementsForTwelveArticlesAsForTwo() throws Exception {
    // Months of their own, far in the past: no other test publishes there.
    ZonedDateTime quiet = ZonedDateTime.of(1961, 3, 10, 12, 0, 0, 0, ZoneId.of("Europe/Paris"));
    ZonedDateTime busy = quiet.plusMonths(1);
    long writer = authors.create(unique("Julien Marchand"), "");
    publishAt(2, quiet.toInstant(), i -> draft(i, writer));
    publishAt(FULL_PAGE, busy.toInstant(), i -> draft(i, writer));

    assertSameCost("/archives/1961/03", "/archives/1961/04");
  }

  @Test
  void theHomePageRunsAsManyStatementsForTwelveArticlesAsForOne() throws Exception {
    long writer = authors.create(unique("Claire Dumont"), "");
    // A full first page, and exactly one article on the last page.
    int wanted = FULL_PAGE + 1;
    long listed = articles.latest(1, FULL_PAGE).total();
    int missing = (int) ((wanted - listed % FULL_PAGE) % FULL_PAGE);
    publish(listed < wanted ? (int) (wanted - listed) : missing, i -> draft(i, writer));
    long total = articles.latest(1, FULL_PAGE).total();
    int lastPage = (int) ((total + FULL_PAGE - 1) / FULL_PAGE);
    assertEquals(1, total % FULL_PAGE, "the last home page should hold exactly one article");

    // Warm only: the older articles of the last page were loaded by earlier tests, or not.
    Cost first = cost("/");
    Cost last = cost("/?page=" + lastPage);
    assertEquals(
        first.warm().size(), last.warm().size(), () -> explain("/", first.warm(), last.warm()));
  }

  /** Cold (first visit, nothing cached yet) and warm (second visit) costs must both match. */
  private void assertSameCost(String fewPath, String manyPath) throws Exception {
    Cost few = cost(fewPath);
    Cost many = cost(manyPath);
    assertFalse(few.cold().isEmpty(), "no statement recorded: is the trace listener installed?");
    assertEquals(
        few.cold().size(), many.cold().size(), () -> explain(manyPath, few.cold(), many.cold()));
    assertEquals(
        few.warm().size(), many.warm().size(), () -> explain(manyPath, few.warm(), many.warm()));
  }

  private record Cost(List<String> cold, List<String> warm) {}

  private Cost cost(String path) throws Exception {
    return new Cost(statements(path), statements(path));
  }

  private List<String> statements(String path) throws IOException, InterruptedException {
    String mark = UUID.randomUUID().toString();
    URI uri =
        URI.create("http://127.0.0.1:" + request.getLocalPort() + request.getContextPath() + path);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(uri)
                .header(CountedRequests.HEADER, mark)
                .timeout(Duration.ofSeconds(30))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), () -> uri + " answers " + response.statusCode());
    return StatementCounter.statements(mark).stream()
        .filter(statement -> !statement.contains(SITE_SETTINGS_TABLE))
        .toList();
  }

  /**
   * The site's settings are read again every two seconds whatever the page (SiteSettings), so a
   * request may or may not carry that one statement; it does not depend on the number of articles.
   */
  private static final String SITE_SETTINGS_TABLE = "console_setting";

  private static String explain(String path, List<String> few, List<String> many) {
    return path
        + " runs "
        + many.size()
        + " statements where the shorter list runs "
        + few.size()
        + ".\nShorter list:\n  "
        + String.join("\n  ", few)
        + "\nLonger list:\n  "
        + String.join("\n  ", many);
  }

  private List<Long> publish(int count, IntFunction<ArticleDraft> drafts) {
    return publishAt(count, Instant.now().minusSeconds(60), drafts);
  }

  private List<Long> publishAt(int count, Instant at, IntFunction<ArticleDraft> drafts) {
    List<Long> ids = new ArrayList<>();
    IntStream.range(0, count).forEach(i -> ids.add(articles.create(drafts.apply(i))));
    for (int i = 0; i < ids.size(); i++) {
      long id = ids.get(i);
      articles.publish(id, at.plusSeconds(i));
      if (i % 2 == 0) {
        long comment =
            comments
                .post(
                    new NewComment(
                        id, null, "Léa", "lea@example.org", null, "Merci pour cet article.", false),
                    new Submission(
                        "list-" + UUID.randomUUID(), null, Duration.ofSeconds(30), false))
                .commentId();
        comments.moderate(comment, CommentStatus.APPROVED);
      }
    }
    return ids;
  }

  /** An article by {@code writer} and a co-author of its own, in a section of its own. */
  private ArticleDraft draft(int i, long writer) {
    long coAuthor = authors.create(unique("Co-autrice " + i), "");
    long section = sections.create(unique("Rubrique " + i), "", null);
    return new ArticleDraft(
        unique("Article " + i),
        null,
        "Le chapeau.",
        BodyFormat.MARKDOWN,
        "Un texte.",
        List.of(writer, coAuthor),
        section,
        List.of(tagOfItsOwn(i)),
        null,
        null,
        true);
  }

  private long subSection(long parent, int i) {
    return sections.create(unique("Sous-rubrique " + i), "", parent);
  }

  private long tagOfItsOwn(int i) {
    return tags.findOrCreate(unique("mot " + i), "");
  }

  private String sectionSlug(long id) {
    return sections.topSections().stream()
        .filter(s -> s.id() == id)
        .findFirst()
        .orElseThrow()
        .slug();
  }

  /** The slug of a tag, as the page of an article that has it shows it. */
  private String tagSlug(long tag, long articleId) {
    String slug = articles.find(articleId).orElseThrow().slug();
    return articles.findReadable(slug).orElseThrow().tags().stream()
        .filter(t -> t.id() == tag)
        .findFirst()
        .orElseThrow()
        .slug();
  }

  private static String unique(String name) {
    return name + " " + UUID.randomUUID().toString().substring(0, 8);
  }
}
