package org.tribune.web.config;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.web.site.SiteSettings;

/**
 * Refuses oversized requests before anything reads them (mapped right after the security headers in
 * {@code web.xml}), on any server: a body longer than {@code tribune.requests.max-form-bytes} (the
 * imports' addresses: {@code tribune.requests.max-import-bytes}) answers 413 from its {@code
 * Content-Length} alone, and the connection is closed rather than the rest of the body read; a body
 * without a length (chunked) outside the imports answers 411, since its size is known only once
 * read (browsers and the site's scripts always send the length); more than {@code
 * tribune.requests.max-parameters} parameters answer 400. The answers are short French (or the
 * site's language) pages written here, not the Faces error pages: rendering those would read the
 * body the request was refused for.
 *
 * <p>The server's own limits stay in force behind this: Payara parses at most 2 MB of a form
 * ({@code max-form-post-size-bytes}, silently), 10 000 parameters, 100 headers, and a request line
 * and headers of 8 KB ({@code header-buffer-length-bytes}, refused before the application sees
 * them).
 */
@WebFilter(filterName = "RequestLimits")
public class RequestLimits extends HttpFilter {
  private static final long serialVersionUID = 1L;

  /** Addresses whose body is a site's export, sent as the request's body. */
  static final String[] IMPORT_PATHS = {
    "/api/admin/import/", "/admin/transfer/upload", "/admin/transfer/restore"
  };

  @Inject
  @ConfigProperty(name = "tribune.requests.max-form-bytes", defaultValue = "2097152")
  private transient long maxFormBytes;

  @Inject
  @ConfigProperty(name = "tribune.requests.max-import-bytes", defaultValue = "1073741824")
  private transient long maxImportBytes;

  /** The media library's uploads: one file per request from the page's script, many by form. */
  static final String MEDIA_UPLOAD_PATH = "/admin/media/upload";

  /** Most files one form upload to the media library may carry. */
  static final int MEDIA_FILES_PER_FORM = 20;

  @Inject
  @ConfigProperty(name = "tribune.media.max-bytes", defaultValue = "20971520")
  private transient long maxMediaBytes;

  @Inject
  @ConfigProperty(name = "tribune.requests.max-parameters", defaultValue = "1000")
  private transient int maxParameters;

  @Inject private transient SiteSettings site;

  /** Why a request is refused: its status and the key of its text. */
  record Refusal(int status, String key) {
    static final Refusal TOO_LARGE =
        new Refusal(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "too-large");
    static final Refusal NO_LENGTH =
        new Refusal(HttpServletResponse.SC_LENGTH_REQUIRED, "no-length");
    static final Refusal TOO_MANY_FIELDS =
        new Refusal(HttpServletResponse.SC_BAD_REQUEST, "too-many-fields");
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    // Every form of the site is UTF-8; this filter may read the fields before anything else.
    if (request.getCharacterEncoding() == null) {
      request.setCharacterEncoding(StandardCharsets.UTF_8.name());
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    boolean imports = isImport(path);
    Refusal refusal =
        bodyRefusal(
            request.getContentLengthLong(),
            request.getHeader("Transfer-Encoding") != null,
            imports ? maxImportBytes : limitFor(path, request.getContentType()),
            imports);
    if (refusal == null && !imports && tooManyParameters(request)) {
      refusal = Refusal.TOO_MANY_FIELDS;
    }
    if (refusal == Refusal.TOO_MANY_FIELDS && request.getContentLengthLong() <= 0) {
      // Too many values in the address alone: no body to leave unread, the site's own 400 page.
      response.sendError(refusal.status());
      return;
    }
    if (refusal != null) {
      refuse(response, refusal);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * The longest body of a request outside the imports: a media upload from the script is one file
   * ({@code tribune.media.max-bytes}, plus nothing), a form upload up to {@value
   * #MEDIA_FILES_PER_FORM} of them (each is checked again once read); everything else a form.
   */
  long limitFor(String path, String contentType) {
    if (!path.equals(MEDIA_UPLOAD_PATH) || maxMediaBytes <= 0) {
      return maxFormBytes;
    }
    boolean multipart =
        contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
    return multipart ? maxMediaBytes * MEDIA_FILES_PER_FORM + maxFormBytes : maxMediaBytes;
  }

  static boolean isImport(String path) {
    for (String prefix : IMPORT_PATHS) {
      if (path.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The refusal a body deserves from its announced length ({@code -1}: none) alone, or {@code
   * null}. A limit of 0 or less means none.
   */
  static Refusal bodyRefusal(long contentLength, boolean chunked, long limit, boolean mayStream) {
    if (limit > 0 && contentLength > limit) {
      return Refusal.TOO_LARGE;
    }
    if (contentLength < 0 && chunked && !mayStream) {
      return Refusal.NO_LENGTH;
    }
    return null;
  }

  /**
   * Whether the query and the form (already bounded in size above) hold more values than allowed.
   * Parsing them here does what the page would do next anyway; a form's text is UTF-8, as every
   * form of the site says, when the client did not say otherwise.
   */
  private boolean tooManyParameters(HttpServletRequest request) throws IOException {
    if (maxParameters <= 0) {
      return false;
    }
    String query = request.getQueryString();
    if (query != null && count(query, '&') >= maxParameters) {
      return true;
    }
    String type = request.getContentType();
    if (type == null
        || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      return false;
    }
    int values = 0;
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      values += parameter.getValue().length;
      if (values > maxParameters) {
        return true;
      }
    }
    return false;
  }

  private static int count(String text, char c) {
    int n = 0;
    for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
      n++;
    }
    return n;
  }

  private void refuse(HttpServletResponse response, Refusal refusal) throws IOException {
    Locale locale = locale();
    ResourceBundle texts = texts(locale);
    response.setStatus(refusal.status());
    // The rest of the body is neither read nor swallowed: the connection ends with this answer.
    response.setHeader("Connection", "close");
    response.setHeader("Cache-Control", "no-store");
    response.setContentType("text/html");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String title = escape(texts.getString("error." + refusal.key() + ".title"));
    String text = escape(texts.getString("error." + refusal.key() + ".text"));
    PrintWriter out = response.getWriter();
    out.write(
        "<!DOCTYPE html>\n<html lang=\""
            + locale.getLanguage()
            + "\"><head><meta charset=\"utf-8\"><title>"
            + title
            + "</title></head><body><main><h1>"
            + title
            + "</h1><p>"
            + text
            + "</p><p><a href=\"/\">"
            + escape(texts.getString("error.back-home"))
            + "</a></p></main></body></html>\n");
    out.flush();
  }

  private Locale locale() {
    try {
      return site.getLocale();
    } catch (RuntimeException e) {
      // The settings are in the database, which may be out of reach: the default language then.
      return Locale.FRANCE;
    }
  }

  private static ResourceBundle texts(Locale locale) {
    try {
      return ResourceBundle.getBundle("org.tribune.web.i18n.messages", locale);
    } catch (MissingResourceException e) {
      return ResourceBundle.getBundle("org.tribune.web.i18n.messages", Locale.ROOT);
    }
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
