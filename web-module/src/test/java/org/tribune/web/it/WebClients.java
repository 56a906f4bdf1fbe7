package org.tribune.web.it;

import org.htmlunit.BrowserVersion;
import org.htmlunit.WebClient;

/** HtmlUnit set up like a reader's browser with JavaScript off. */
final class WebClients {
  private WebClients() {}

  /** A client that returns error pages instead of throwing, so tests can look at them. */
  static WebClient withoutJavaScript() {
    WebClient client = new WebClient(BrowserVersion.BEST_SUPPORTED);
    client.getOptions().setJavaScriptEnabled(false);
    client.getOptions().setCssEnabled(false);
    client.getOptions().setThrowExceptionOnFailingStatusCode(false);
    client.getOptions().setPrintContentOnFailingStatusCode(false);
    client.getOptions().setTimeout(30_000);
    // HtmlUnit's cache takes s-maxage (for shared caches only, RFC 9111 5.2.2.10) as its own
    // freshness: a page would come back from it for a second without a request, which no
    // browser does. Browsers revalidate the site's pages (max-age=0); tests ask each time.
    client.getCache().setMaxSize(0);
    return client;
  }
}
