package org.tribune.web.site;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Request helpers for backing beans: route parameters, the page number, error answers. */
public final class Requests {
  /** The highest page number accepted; higher ones are refused as malformed. */
  static final int MAX_PAGE = 1_000_000;

  private Requests() {}

  /** A path parameter captured by the {@link Router}, or {@code null}. */
  public static String routeParameter(String name) {
    Object parameters =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestMap()
            .get(Router.PARAMETERS);
    return parameters instanceof Map<?, ?> map ? (String) map.get(name) : null;
  }

  /**
   * The {@code page} query parameter: 1 when absent; {@code null} (and a 400 answer) when it is not
   * a page number.
   */
  public static Integer pageNumber() {
    String value =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("page");
    Integer page = parsePage(value);
    if (page == null) {
      fail(HttpServletResponse.SC_BAD_REQUEST);
    }
    return page;
  }

  static Integer parsePage(String value) {
    if (value == null || value.isEmpty()) {
      return 1;
    }
    if (value.length() > 7 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    int page = Integer.parseInt(value);
    return page >= 1 && page <= MAX_PAGE ? page : null;
  }

  /** Ends the response with an error status; the container shows the matching error page. */
  public static void fail(int status) {
    FacesContext faces = FacesContext.getCurrentInstance();
    try {
      faces.getExternalContext().responseSendError(status, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    faces.responseComplete();
  }

  /**
   * The query string the visitor sent, with its {@code ?}, or an empty string: what a redirect to
   * the same thing elsewhere keeps (the discussion's order and page).
   */
  public static String query() {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
    String query = forwarded instanceof String s ? s : request.getQueryString();
    return query == null || query.isEmpty() ? "" : "?" + query;
  }

  /** Ends the response with a permanent redirect to a path of the site. */
  public static void movedPermanently(String path) {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
    response.setHeader("Location", external.getRequestContextPath() + path);
    faces.responseComplete();
  }
}
