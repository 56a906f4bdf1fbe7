package org.tribune.web.discussion;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.tribune.comments.api.CommentSort;
import org.tribune.comments.api.OwnComments;

/**
 * The cookies a visitor's browser keeps for the discussions, all {@code HttpOnly} and {@code
 * SameSite=Lax}:
 *
 * <ul>
 *   <li>{@value #VISITOR}: a random value, the visitor's nonce in form tokens and their voter key;
 *   <li>{@value #OWN}: the edit tokens of their recent comments ({@code id.token~…});
 *   <li>{@value #COMMENTER}: their name, e-mail and website, only if they ticked the box;
 *   <li>{@value #SORT}: the order they last chose.
 * </ul>
 *
 * And one the script reads, neither {@code HttpOnly} nor personal (pages stay shared): {@value
 * #VOTED}, {@code 1} once the visitor voted, so that the script asks for their votes only then.
 */
public final class VisitorCookies {
  public static final String VISITOR = "tribune_visitor";
  public static final String OWN = "tribune_own";
  public static final String COMMENTER = "tribune_commenter";
  public static final String SORT = "tribune_sort";
  public static final String VOTED = "tribune_voted";

  /** Edit tokens kept: the most recent comments only, so the cookie stays small. */
  static final int MAX_OWN = 20;

  /** How long the browser keeps {@value #VISITOR}, {@value #COMMENTER} and {@value #SORT}. */
  public static final Duration YEAR = Duration.ofDays(365);

  /** How long the browser keeps {@value #OWN}. */
  public static final Duration OWN_LIFETIME = Duration.ofDays(30);

  /** Cookies that make a visitor's pages their own ({@code JSESSIONID}: staff, signed in). */
  public static final Set<String> PERSONAL = Set.of(OWN, COMMENTER, "JSESSIONID");

  /** The no-script forms of a discussion page: a reply under a comment, an edit of one's own. */
  private static final List<String> FORM_PARAMETERS = List.of("replyto", "edit");

  private static final SecureRandom RANDOM = new SecureRandom();

  private VisitorCookies() {}

  /** The visitor's nonce, made and set on the response if the browser sent none. */
  public static String visitor(HttpServletRequest request, HttpServletResponse response) {
    Object made = request.getAttribute(VISITOR);
    if (made instanceof String value) {
      return value;
    }
    String value = read(request, VISITOR).filter(VisitorCookies::isNonce).orElse(null);
    if (value == null) {
      byte[] bytes = new byte[24];
      RANDOM.nextBytes(bytes);
      value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      set(request, response, VISITOR, value, YEAR);
    }
    request.setAttribute(VISITOR, value);
    return value;
  }

  /**
   * Whether a discussion page rendered for this request is this visitor's own, with a form token
   * made for them (and their {@value #VISITOR} cookie): a form sent back to them (a refused POST),
   * the no-script reply and edit forms, a visitor with comments of their own or a remembered name,
   * staff. Any other page is the same for every reader, byte for byte, so that any cache may keep
   * it: no token and no cookie in it; the script asks for a token ({@code …/comments/token}) when
   * the reader comes to the discussion, and a form sent without one is shown again with one (see
   * {@code DiscussionServlet}).
   */
  public static boolean ownPage(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      return true;
    }
    for (String parameter : FORM_PARAMETERS) {
      if (request.getParameter(parameter) != null) {
        return true;
      }
    }
    Cookie[] cookies = request.getCookies();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        if (PERSONAL.contains(cookie.getName())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The nonce the browser sent, if any: a POST without one cannot be genuine. */
  public static Optional<String> sentVisitor(HttpServletRequest request) {
    return read(request, VISITOR).filter(VisitorCookies::isNonce);
  }

  private static boolean isNonce(String value) {
    return value.length() == 32
        && value.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
  }

  /** The edit tokens the browser holds, by comment id. */
  public static OwnComments own(HttpServletRequest request) {
    return new OwnComments(parseOwn(read(request, OWN).orElse("")));
  }

  static Map<Long, String> parseOwn(String value) {
    Map<Long, String> tokens = new LinkedHashMap<>();
    for (String entry : value.split("~")) {
      int dot = entry.indexOf('.');
      if (dot < 1 || dot > 18 || tokens.size() >= MAX_OWN) {
        continue;
      }
      try {
        long id = Long.parseLong(entry.substring(0, dot));
        String token = entry.substring(dot + 1);
        if (!token.isEmpty() && token.length() <= 64) {
          tokens.put(id, token);
        }
      } catch (NumberFormatException e) {
        // not ours: ignore
      }
    }
    return tokens;
  }

  /** Adds a comment's edit token, keeping the most recent ones. */
  static void addOwn(
      HttpServletRequest request, HttpServletResponse response, long commentId, String token) {
    Map<Long, String> tokens = new LinkedHashMap<>();
    tokens.put(commentId, token);
    parseOwn(read(request, OWN).orElse(""))
        .forEach(
            (id, t) -> {
              if (tokens.size() < MAX_OWN) {
                tokens.putIfAbsent(id, t);
              }
            });
    List<String> entries = new ArrayList<>();
    tokens.forEach((id, t) -> entries.add(id + "." + t));
    set(request, response, OWN, String.join("~", entries), OWN_LIFETIME);
  }

  /** The name, e-mail and website the visitor asked us to remember. */
  public static Optional<Commenter> commenter(HttpServletRequest request) {
    return read(request, COMMENTER)
        .map(v -> URLDecoder.decode(v, StandardCharsets.UTF_8))
        .map(v -> v.split("\n", -1))
        .filter(parts -> parts.length == 3)
        .map(parts -> new Commenter(parts[0], parts[1], parts[2]));
  }

  static void remember(HttpServletRequest request, HttpServletResponse response, Commenter who) {
    String value = String.join("\n", who.name(), who.email(), who.website());
    String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
    if (encoded.length() < 1500) {
      set(request, response, COMMENTER, encoded, YEAR);
    }
  }

  static void forget(HttpServletRequest request, HttpServletResponse response) {
    if (read(request, COMMENTER).isPresent()) {
      set(request, response, COMMENTER, "", Duration.ZERO);
    }
  }

  /** The sort the visitor chose last time. */
  public static Optional<CommentSort> sort(HttpServletRequest request) {
    return read(request, SORT).flatMap(CommentSort::fromParameter);
  }

  /** Remembers the order a request asks for ({@code ?sort=}), if it names a known one. */
  public static void rememberAskedSort(HttpServletRequest request, HttpServletResponse response) {
    String asked = request.getParameter("sort");
    if (asked != null) {
      CommentSort.fromParameter(asked).ifPresent(sort -> rememberSort(request, response, sort));
    }
  }

  public static void rememberSort(
      HttpServletRequest request, HttpServletResponse response, CommentSort sort) {
    if (sort(request).orElse(null) != sort) {
      set(request, response, SORT, sort.parameter(), YEAR);
    }
  }

  /** Tells the script that this visitor voted (their votes are worth asking for). */
  static void markVoted(HttpServletRequest request, HttpServletResponse response) {
    if (read(request, VOTED).isEmpty()) {
      Cookie cookie = new Cookie(VOTED, "1");
      String context = request.getContextPath();
      cookie.setPath(context.isEmpty() ? "/" : context);
      cookie.setSecure(request.isSecure());
      cookie.setMaxAge((int) YEAR.toSeconds());
      cookie.setAttribute("SameSite", "Lax");
      response.addCookie(cookie);
    }
  }

  private static Optional<String> read(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (name.equals(cookie.getName()) && cookie.getValue() != null) {
        return Optional.of(cookie.getValue());
      }
    }
    return Optional.empty();
  }

  private static void set(
      HttpServletRequest request,
      HttpServletResponse response,
      String name,
      String value,
      Duration lifetime) {
    Cookie cookie = new Cookie(name, value);
    String context = request.getContextPath();
    cookie.setPath(context.isEmpty() ? "/" : context);
    cookie.setHttpOnly(true);
    cookie.setSecure(request.isSecure());
    cookie.setMaxAge((int) lifetime.toSeconds());
    cookie.setAttribute("SameSite", "Lax");
    response.addCookie(cookie);
  }

  /** Who a visitor says they are, as remembered. */
  public record Commenter(String name, String email, String website) {}
}
