package org.tribune.web.cache;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a visitor's cookies mean for the pages kept here, told by the package that sets them (the
 * discussion's, {@code discussion.PageCacheCookies}), so that the cache knows no cookie by itself:
 * a cookie that makes a visitor's pages their own keeps them away from the cache, and the order of
 * comments a visitor chose picks which kept copy of a page they get.
 */
public interface CookieRules {
  /** Whether a cookie of this name makes the visitor's pages their own: none is kept or served. */
  boolean personal(String cookieName);

  /** The cookie whose value picks the kept copy of a page (the order of its comments). */
  String choiceCookie();

  /** Whether the request's choice cookie holds a choice the pages read. */
  boolean chosen(HttpServletRequest request);

  /**
   * Does what rendering the page would have done with a choice the request asks for ({@code
   * ?sort=}): remembers it in the visitor's cookie, so that their next pages are in that order.
   */
  void rememberAsked(HttpServletRequest request, HttpServletResponse response);
}
