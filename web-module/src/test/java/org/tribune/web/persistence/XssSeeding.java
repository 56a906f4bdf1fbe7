package org.tribune.web.persistence;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleLimits;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.AuthorService;
import org.tribune.articles.api.BodyFormat;
import org.tribune.articles.api.SectionService;
import org.tribune.articles.api.TagService;
import org.tribune.comments.api.CommentLimits;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.NewComment;
import org.tribune.comments.api.Submission;

/**
 * Writes and publishes the articles of {@link XssIT}, in-container, through the services that the
 * console will use: a POST makes a fresh set (each call its own, so each test can run alone) and
 * answers the pages to open, one per line: {@code group-number TAB site-path} (see {@link
 * #groups}). Deployed with the tests only, never in the WAR.
 */
@WebServlet("/test-seed/xss")
public class XssSeeding extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** The payloads, one per line (see the file's header). */
  static final String PAYLOADS = "xss-payloads.txt";

  /** Longest group of payloads: with "Rubrique " and the run's mark, within a name's length. */
  static final int GROUP_LENGTH = 160;

  private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

  @Inject private transient ArticleService articles;
  @Inject private transient AuthorService authors;
  @Inject private transient SectionService sections;
  @Inject private transient TagService tags;
  @Inject private transient CommentService comments;

  /**
   * The control page of the checks: payload number {@code unsafe} written raw into a page, as a
   * broken site would. {@link XssIT} must see it run.
   */
  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String payload = payloads().get(Integer.parseInt(request.getParameter("unsafe")));
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "<!DOCTYPE html><html lang=\"fr\"><head><title>Contrôle – Tribune</title></head>"
                + "<body><main>"
                + payload
                + "</main></body></html>");
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<String> payloads = payloads();
    response.setContentType("text/plain");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    PrintWriter out = response.getWriter();
    out.println("run\t" + run);
    // One top section for the run, whose page lists the payloads' sub-sections: the navigation
    // of every page stays short, and each sub-section page shows its parent too.
    long parent =
        sections.create(
            fit("Rubriques " + run + " " + payloads.get(0), ArticleLimits.NAME_LENGTH),
            payloads.get(0),
            null);
    out.println("0\t/sections/" + topSectionSlug(parent));
    List<List<Integer>> groups = groups(payloads);
    for (int g = 0; g < groups.size(); g++) {
      List<String> group = groups.get(g).stream().map(payloads::get).toList();
      for (String path :
          seed(run + "-" + g, String.join(" ", group), String.join("", group), parent)) {
        out.println(g + "\t" + path);
      }
    }
  }

  /**
   * The payloads packed, in order, into groups whose texts joined by spaces take at most {@link
   * #GROUP_LENGTH} characters (a longer payload alone): each group goes into every field of its own
   * articles, author, section and tag, so that a name with its prefix still holds it whole and each
   * page shows several payloads.
   */
  public static List<List<Integer>> groups(List<String> payloads) {
    List<List<Integer>> groups = new ArrayList<>();
    List<Integer> group = new ArrayList<>();
    int length = 0;
    for (int i = 0; i < payloads.size(); i++) {
      int added = payloads.get(i).length() + (group.isEmpty() ? 0 : 1);
      if (!group.isEmpty() && length + added > GROUP_LENGTH) {
        groups.add(group);
        group = new ArrayList<>();
        length = 0;
        added = payloads.get(i).length();
      }
      group.add(i);
      length += added;
    }
    if (!group.isEmpty()) {
      groups.add(group);
    }
    return groups;
  }

  /** Everything a reader can see carries the payload; returns the pages that show it. */
  private List<String> seed(String mark, String payload, String unspaced, long parent) {
    long author =
        authors.create(fit("Autrice " + mark + " " + payload, ArticleLimits.NAME_LENGTH), payload);
    long section =
        sections.create(
            fit("Rubrique " + mark + " " + payload, ArticleLimits.NAME_LENGTH), payload, parent);
    long tag =
        tags.findOrCreate(fit("mot " + mark + " " + payload, ArticleLimits.NAME_LENGTH), payload);
    List<String> paths = new ArrayList<>();
    String tagSlug = null;
    long firstArticle = -1;
    for (BodyFormat format : BodyFormat.values()) {
      String leadImage = "http://127.0.0.1:9/" + unspaced;
      // As the draft's URL pattern sees it: a line break is whitespace too ("." alone skips it).
      boolean imageAllowed = !unspaced.matches("(?s).*\\s.*");
      ArticleDraft draft =
          new ArticleDraft(
              fit(payload + " " + mark + " " + format, ArticleLimits.TITLE_LENGTH),
              null,
              payload,
              format,
              payload + "\n\nFin du texte.",
              List.of(author),
              section,
              List.of(tag),
              imageAllowed ? leadImage : null,
              imageAllowed ? payload : null,
              true);
      long id = articles.create(draft);
      articles.publish(id, Instant.now().minusSeconds(1));
      comments.moderate(
          comments
              .post(
                  new NewComment(
                      id,
                      null,
                      fit("L " + payload, CommentLimits.AUTHOR_NAME_LENGTH),
                      "xss@example.org",
                      null,
                      payload + "\n\nFin du commentaire.",
                      false),
                  // An address of its own per comment: many comments a second, no rate limit.
                  new Submission(
                      "xss-" + UUID.randomUUID(), "XssSeeding", Duration.ofMinutes(1), false))
              .commentId(),
          CommentStatus.APPROVED);
      String slug = articles.find(id).orElseThrow().slug();
      paths.add("/articles/" + slug);
      if (tagSlug == null) {
        firstArticle = id;
        tagSlug = articles.findReadable(slug).orElseThrow().tags().get(0).slug();
      }
    }
    paths.add("/authors/" + authors.find(author).orElseThrow().slug());
    paths.add("/tags/" + tagSlug);
    paths.add("/sections/" + articles.find(firstArticle).orElseThrow().section().slug());
    return paths;
  }

  private String topSectionSlug(long id) {
    return sections.topSections().stream()
        .filter(s -> s.id() == id)
        .findFirst()
        .orElseThrow()
        .slug();
  }

  /** The payloads of the resource file, with "\n" and "\\uXXXX" turned into their characters. */
  public static List<String> payloads() {
    try (InputStream in = XssSeeding.class.getResourceAsStream(PAYLOADS)) {
      if (in == null) {
        throw new IllegalStateException("No " + PAYLOADS + " beside " + XssSeeding.class);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("# "))
          .map(XssSeeding::unescape)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String unescape(String line) {
    Matcher unicode = UNICODE_ESCAPE.matcher(line.replace("\\n", "\n"));
    return unicode.replaceAll(
        m -> Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
  }

  private static String fit(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }
}
