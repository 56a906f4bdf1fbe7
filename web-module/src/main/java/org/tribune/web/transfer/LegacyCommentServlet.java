package org.tribune.web.transfer;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.tribune.web.transfer.ImportLinks.Kind;

/**
 * {@code GET /comments/legacy/{id}?article={slug}}: where the comment that had this id on the
 * imported site is now — a redirect to its permalink under the article, which leads to the page of
 * the discussion holding it. Asked by the article page's script when it was reached through an old
 * address ending with {@code #comment-{id}}.
 */
@WebServlet(name = "LegacyComment", urlPatterns = LegacyAddresses.LEGACY_COMMENTS + "*")
public class LegacyCommentServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Pattern ID = Pattern.compile("/\\d{1,18}");
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  @Inject private transient ImportLinks links;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String id = request.getPathInfo();
    String article = request.getParameter("article");
    if (id == null
        || !ID.matcher(id).matches()
        || article == null
        || article.length() > 200
        || !SLUG.matcher(article).matches()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    var link = links.findAnySource(Kind.COMMENT, id.substring(1));
    if (link.isEmpty()) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    response.setHeader("Cache-Control", "no-store");
    response.sendRedirect(
        request.getContextPath() + "/articles/" + article + "/comments/" + link.get().targetId());
  }
}
