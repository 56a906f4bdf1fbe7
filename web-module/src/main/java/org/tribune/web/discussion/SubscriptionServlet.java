package org.tribune.web.discussion;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.tribune.comments.api.CommentService;

/**
 * The links of the reply-notification mails: {@code /comments/subscriptions/confirm?token=} (the
 * double opt-in) and {@code /comments/subscriptions/cancel?token=} (at the foot of every mail).
 * Opening a link changes nothing (mail scanners open links too): the page asks, and its button
 * POSTs the token, which is the secret that proves the request comes from the mail's reader.
 */
@WebServlet(name = "Subscriptions", urlPatterns = "/comments/subscriptions/*")
public class SubscriptionServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** Request attributes read by {@code subscription.xhtml}. */
  static final String ACTION = "tribune.subscription.action";

  static final String TOKEN = "tribune.subscription.token";
  static final String OUTCOME = "tribune.subscription.outcome";

  private static final int LONGEST_TOKEN = 100;

  @Inject private transient CommentService comments;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String action = action(request);
    String token = request.getParameter("token");
    if (action == null || !plausible(token)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    render(request, response, action, token, "ask");
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    // Normally set already (config.RequestLimits, which may have read the fields).
    if (request.getCharacterEncoding() == null) {
      request.setCharacterEncoding(StandardCharsets.UTF_8.name());
    }
    String action = action(request);
    String token = request.getParameter("token");
    if (action == null || !plausible(token)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    boolean done =
        "confirm".equals(action)
            ? comments.confirmSubscription(token)
            : comments.unsubscribe(token);
    if (!done) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    }
    render(request, response, action, token, done ? "done" : "unknown");
  }

  private static String action(HttpServletRequest request) {
    String path = request.getPathInfo();
    return "/confirm".equals(path) ? "confirm" : "/cancel".equals(path) ? "cancel" : null;
  }

  private static boolean plausible(String token) {
    return token != null
        && !token.isEmpty()
        && token.length() <= LONGEST_TOKEN
        && token.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
  }

  private static void render(
      HttpServletRequest request,
      HttpServletResponse response,
      String action,
      String token,
      String outcome)
      throws IOException, ServletException {
    request.setAttribute(ACTION, action);
    request.setAttribute(TOKEN, token);
    request.setAttribute(OUTCOME, outcome);
    request.getRequestDispatcher("/WEB-INF/views/subscription.xhtml").forward(request, response);
  }
}
