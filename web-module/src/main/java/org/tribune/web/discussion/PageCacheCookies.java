package org.tribune.web.discussion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.tribune.web.cache.CookieRules;

/**
 * The discussion's cookies ({@link VisitorCookies}) as the page cache asks about them: the personal
 * ones keep a visitor's pages out of it, the sort cookie picks the kept copy in their order.
 */
@ApplicationScoped
public class PageCacheCookies implements CookieRules {
  @Override
  public boolean personal(String cookieName) {
    return VisitorCookies.PERSONAL.contains(cookieName);
  }

  @Override
  public String choiceCookie() {
    return VisitorCookies.SORT;
  }

  @Override
  public boolean chosen(HttpServletRequest request) {
    return VisitorCookies.sort(request).isPresent();
  }

  @Override
  public void rememberAsked(HttpServletRequest request, HttpServletResponse response) {
    VisitorCookies.rememberAskedSort(request, response);
  }
}
