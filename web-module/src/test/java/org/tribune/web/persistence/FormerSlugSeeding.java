package org.tribune.web.persistence;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.AuthorService;

/**
 * Writes the articles of the former-slug tests of {@link PersistenceIT} through the services,
 * in-container: a POST makes a fresh set and answers {@code name TAB slug} lines. Deployed with the
 * tests only, never in the WAR.
 *
 * <ul>
 *   <li>{@code first}, {@code second}, {@code current}: one published article renamed twice;
 *   <li>{@code draft-former}, {@code draft-current}: a published article renamed, then made a draft
 *       again.
 * </ul>
 */
@WebServlet("/test-seed/former-slug")
public class FormerSlugSeeding extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject private transient ArticleService articles;
  @Inject private transient AuthorService authors;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String run = UUID.randomUUID().toString().substring(0, 8);
    long author = authors.create("Camille Ferrand " + run, "");
    response.setContentType("text/plain");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    PrintWriter out = response.getWriter();

    ArticleDraft draft =
        ArticleDraft.markdown(
            "Le pont de la Madeleine rouvre " + run,
            "Après huit mois de travaux.",
            "La circulation reprend sur les deux voies.",
            author);
    long renamed = articles.create(draft);
    articles.publish(renamed, Instant.now().minusSeconds(60));
    out.println("first\t" + articles.find(renamed).orElseThrow().slug());
    articles.update(renamed, draft.withSlug("pont-madeleine-" + run));
    out.println("second\tpont-madeleine-" + run);
    articles.update(renamed, draft.withSlug("pont-de-la-madeleine-" + run));
    out.println("current\tpont-de-la-madeleine-" + run);

    ArticleDraft other =
        ArticleDraft.markdown(
            "Fermeture de la piscine Jean-Bouin " + run,
            "Pour la vidange annuelle.",
            "Réouverture prévue au printemps.",
            author);
    long drafted = articles.create(other);
    articles.publish(drafted, Instant.now().minusSeconds(60));
    out.println("draft-former\t" + articles.find(drafted).orElseThrow().slug());
    articles.update(drafted, other.withSlug("piscine-jean-bouin-" + run));
    articles.unpublish(drafted);
    out.println("draft-current\tpiscine-jean-bouin-" + run);
  }
}
