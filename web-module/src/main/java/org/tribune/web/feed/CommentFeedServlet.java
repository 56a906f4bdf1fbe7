package org.tribune.web.feed;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Serves {@value CommentFeeds#SITE_FEED}, the latest approved comments of the site. */
@WebServlet(name = "CommentFeed", urlPatterns = CommentFeeds.SITE_FEED)
public class CommentFeedServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Inject private transient CommentFeeds feeds;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    feeds.site(request, response);
  }
}
