package org.tribune.comments.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tribune.comments.api.CommentLimits;
import org.tribune.comments.api.CommentRejectedException.Reason;
import org.tribune.comments.api.NewComment;

/**
 * Cleans and checks what a reader typed. Every field is cleaned the same way: {@code null} reads as
 * empty, line ends become {@code \n}, control characters (but newline and tab in the body),
 * direction overrides, non-characters and broken surrogates are dropped, so nothing stored can
 * confuse a page, a mail or a database. Then each field is checked and every problem is reported,
 * in form order. Lengths of the name and body count characters as readers do: one per code point,
 * an emoji is one.
 */
final class CommentInput {

  /** The cleaned fields and their problems; the fields are only meaningful without problems. */
  record Checked(
      String authorName, String email, String website, String body, List<Reason> problems) {}

  private CommentInput() {}

  /** Cleans and checks a new comment's name, e-mail, website and body. */
  static Checked check(NewComment comment, int maxBodyLength) {
    List<Reason> problems = new ArrayList<>();
    String name = cleanLine(comment.authorName()).strip();
    if (name.isEmpty()) {
      problems.add(Reason.NAME_REQUIRED);
    } else if (codePoints(name) > CommentLimits.AUTHOR_NAME_LENGTH) {
      problems.add(Reason.NAME_TOO_LONG);
    }
    String email = normaliseEmail(comment.email());
    if (email.isEmpty()) {
      problems.add(Reason.EMAIL_REQUIRED);
    } else if (!isEmail(email)) {
      problems.add(Reason.EMAIL_INVALID);
    }
    String website = null;
    String typedWebsite = cleanLine(comment.website()).strip();
    if (!typedWebsite.isEmpty()) {
      website = normaliseWebsite(typedWebsite);
      if (website == null) {
        problems.add(Reason.WEBSITE_INVALID);
      }
    }
    String body = cleanBody(comment.body());
    problems.addAll(checkBody(body, maxBodyLength));
    return new Checked(name, email, website, body, List.copyOf(problems));
  }

  /** The problems of a cleaned body: missing, or longer than {@code maxLength} code points. */
  static List<Reason> checkBody(String cleanedBody, int maxLength) {
    if (cleanedBody.isBlank()) {
      return List.of(Reason.BODY_REQUIRED);
    }
    if (codePoints(cleanedBody) > maxLength) {
      return List.of(Reason.BODY_TOO_LONG);
    }
    return List.of();
  }

  /** A body as stored: cleaned, keeping newlines and tabs, without blank edges. */
  static String cleanBody(String text) {
    return clean(text, true).strip();
  }

  /** A one-line field: cleaned, with newlines and tabs as spaces. */
  static String cleanLine(String text) {
    return clean(text, false);
  }

  /** An e-mail address as stored and compared: cleaned, trimmed, lower case. */
  static String normaliseEmail(String email) {
    return cleanLine(email).strip().toLowerCase(Locale.ROOT);
  }

  static int codePoints(String text) {
    return text.codePointCount(0, text.length());
  }

  private static String clean(String text, boolean multiline) {
    if (text == null) {
      return "";
    }
    String lines = text.replace("\r\n", "\n").replace('\r', '\n');
    StringBuilder out = new StringBuilder(lines.length());
    lines
        .codePoints()
        .forEach(
            c -> {
              if (c == '\n' || c == '\t') {
                out.append(multiline ? (char) c : ' ');
              } else if (keep(c)) {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  private static boolean keep(int c) {
    int type = Character.getType(c);
    boolean directionOverride = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    boolean nonCharacter = (c & 0xFFFE) == 0xFFFE;
    return type != Character.CONTROL
        && type != Character.SURROGATE
        && !directionOverride
        && !nonCharacter;
  }

  /**
   * A sane e-mail shape, checked without regular expressions: one {@code @}; a local part of at
   * most 64 letters, digits and the usual signs, without leading, trailing or doubled dots; a
   * domain of at least two dot-separated labels of letters, digits and inner hyphens, the last not
   * all digits. Whether the address exists is for the confirmation mail to find out.
   */
  static boolean isEmail(String email) {
    if (email.length() > CommentLimits.EMAIL_LENGTH) {
      return false;
    }
    int at = email.indexOf('@');
    if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
      return false;
    }
    String local = email.substring(0, at);
    String domain = email.substring(at + 1);
    return isLocalPart(local) && isDomain(domain);
  }

  private static boolean isLocalPart(String local) {
    if (local.length() > 64 || local.startsWith(".") || local.endsWith(".")) {
      return false;
    }
    if (local.contains("..")) {
      return false;
    }
    for (int i = 0; i < local.length(); i++) {
      char c = local.charAt(i);
      if (!Character.isLetterOrDigit(c) && "!#$%&'*+/=?^_`{|}~.-".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDomain(String domain) {
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      return false;
    }
    for (String label : labels) {
      if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!Character.isLetterOrDigit(c) && c != '-') {
          return false;
        }
      }
    }
    return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
  }

  /**
   * A website as stored: an absolute {@code http} or {@code https} address with a host name, no
   * user or password, at most {@link CommentLimits#WEBSITE_LENGTH} characters; scheme and host in
   * lower case, an empty path as {@code /}. Without a scheme, {@code https://} is assumed. {@code
   * null} when it is not such an address.
   */
  static String normaliseWebsite(String typed) {
    String text = typed.strip();
    if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
      return null;
    }
    if (!hasScheme(text)) {
      text = "https://" + text;
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      return null;
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost();
    if (!(scheme.equals("http") || scheme.equals("https"))
        || uri.isOpaque()
        || host == null
        || !host.contains(".")
        || host.startsWith(".")
        || host.endsWith(".")
        || uri.getRawUserInfo() != null) {
      return null;
    }
    StringBuilder normal = new StringBuilder(scheme).append("://");
    normal.append(host.toLowerCase(Locale.ROOT));
    if (uri.getPort() != -1) {
      normal.append(':').append(uri.getPort());
    }
    String path = uri.getRawPath();
    normal.append(path == null || path.isEmpty() ? "/" : path);
    if (uri.getRawQuery() != null) {
      normal.append('?').append(uri.getRawQuery());
    }
    if (uri.getRawFragment() != null) {
      normal.append('#').append(uri.getRawFragment());
    }
    return normal.length() <= CommentLimits.WEBSITE_LENGTH ? normal.toString() : null;
  }

  /**
   * Whether the text starts with {@code scheme:} (RFC 3986: a letter, then letters, digits, +-.).
   */
  private static boolean hasScheme(String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || !isAsciiLetter(text.charAt(0))) {
      return false;
    }
    for (int i = 1; i < colon; i++) {
      char c = text.charAt(i);
      if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') {
        return false;
      }
    }
    // "example.org:8080/x" has a port, not a scheme: a scheme is followed by "//" here.
    return text.startsWith("//", colon + 1) || !text.substring(0, colon).contains(".");
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
