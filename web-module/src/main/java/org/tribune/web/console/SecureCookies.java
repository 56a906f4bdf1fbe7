package org.tribune.web.console;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Marks the session cookie {@code Secure} when the site's public address ({@code tribune.site.url})
 * is HTTPS. Payara already does so for requests that reach it over TLS; behind a proxy that ends
 * TLS, requests arrive as plain HTTP and the cookie would otherwise go out without the flag.
 */
@WebListener
public class SecureCookies implements ServletContextListener {
  private static final Logger LOG = Logger.getLogger(SecureCookies.class.getName());

  @Override
  public void contextInitialized(ServletContextEvent event) {
    String url =
        ConfigProvider.getConfig()
            .getOptionalValue("tribune.site.url", String.class)
            .orElse("")
            .strip();
    if (url.regionMatches(true, 0, "https://", 0, "https://".length())) {
      event.getServletContext().getSessionCookieConfig().setSecure(true);
      LOG.info("Session cookies are Secure: the site's address is " + url);
    }
  }
}
