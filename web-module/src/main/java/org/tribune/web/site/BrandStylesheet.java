package org.tribune.web.site;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /brand.css}: the site's accent colour as the stylesheet's {@code --accent}, for the public
 * pages (the content security policy takes no inline style). Pages link it as {@code
 * /brand.css?v=9b1c1c}, the colour itself: the address changes with the colour, so browsers keep it
 * a year; an address naming another colour (an old page) is answered with the current one and kept
 * by no one.
 */
@WebServlet(name = "BrandStylesheet", urlPatterns = BrandStylesheet.PATH)
public class BrandStylesheet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  public static final String PATH = "/brand.css";

  @Inject private transient SiteSettings site;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String accent = site.getBranding().accent();
    byte[] body = (":root { --accent: " + accent + "; }\n").getBytes(StandardCharsets.UTF_8);
    boolean named = accent.substring(1).equals(request.getParameter("v"));
    response.setHeader("Cache-Control", named ? "public, max-age=31536000, immutable" : "no-store");
    response.setContentType("text/css;charset=UTF-8");
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The stylesheet's address for the colour in force (see the class's comment). */
  public static String path(Branding branding) {
    return PATH + "?v=" + branding.accent().substring(1);
  }
}
