package org.tribune.web.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Alert;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What the XSS tests ({@code persistence.XssIT}, {@link XssFormsIT}) look for in a page Chromium
 * shows: whether a payload of {@code xss-payloads.txt} ran or left live markup.
 *
 * <p>{@link #watch(ChromeDriver)} prepares the browser: the page's Content-Security-Policy is
 * ignored (the tests check the escaping, not the policy, which only hides a failed escaping on the
 * public pages), and a script of ours, run in every frame before the page's own, records each call
 * of {@code alert}, {@code confirm}, {@code prompt}, {@code print} and of the {@code console}
 * methods instead of opening a dialog. A payload that runs shows as such a call, as a title set to
 * {@code pwned}, or as an element whose id is {@code xss-ran}; one that would need a click shows in
 * the markup checks ({@link #PUBLIC_PAGE}, {@link #CONSOLE_PAGE}).
 */
public final class XssChecks {
  /** Records the dialogs and console calls of the page (and its frames) in {@code top}. */
  private static final String RECORDER =
      """
      (() => {
        const record = what => {
          let store = window;
          try { if (window.top.document) store = window.top; } catch (e) { /* another origin */ }
          (store.__xssCalls = store.__xssCalls || []).push(String(what).slice(0, 200));
        };
        for (const name of ['alert', 'confirm', 'prompt', 'print']) {
          window[name] = function (...args) { record(name + '(' + args.join(', ') + ')'); };
        }
        for (const name of ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table']) {
          const original = console[name];
          console[name] = function (...args) {
            record('console.' + name + '(' + args.map(String).join(', ') + ')');
            return original.apply(console, args);
          };
        }
      })();
      """;

  /** What any page says went wrong: recorded calls, a changed title, a marker element. */
  private static final String RAN =
      """
      const problems = (window.__xssCalls || []).map(call => 'a call ran: ' + call);
      if (document.title === 'pwned') problems.push('the title was changed to pwned');
      if (document.getElementById('xss-ran')) problems.push('an element #xss-ran was added');
      for (const frame of document.querySelectorAll('iframe, frame')) {
        try {
          if (frame.contentDocument && frame.contentDocument.getElementById('xss-ran')) {
            problems.push('an element #xss-ran was added in a frame');
          }
        } catch (e) { /* another origin */ }
      }
      """;

  /**
   * The public pages (plain HTML of ours): no script but the JSON-LD and the discussion's own, no
   * event handler, no link other than http(s) and mailto, no frame, object, style, SVG, MathML, and
   * no form or input but the site's own (the header's search, the search page's, the Mastodon
   * sharing page's, the subscription page's, the discussion's). {@code arguments[0]}: a text the
   * page must show (the seeded run's mark), or null.
   */
  public static final String PUBLIC_PAGE =
      RAN
          + """
      const expected = arguments[0];
      if (expected && !document.body.textContent.includes(expected)) {
        problems.push('not the expected page (' + document.title + ')');
      }
      if (!document.title.includes('Tribune')) {
        problems.push('the title was changed to ' + document.title);
      }
      const jsonLd = document.querySelectorAll('script[type="application/ld+json"]');
      // The discussion's own script: one, ours, after the discussion in <main>.
      const ownScripts = [...document.querySelectorAll('main > script[src]')].filter(
          s => new URL(s.src).origin === location.origin
              && /^\\/assets\\/discussion\\.[0-9a-f]{10}\\.js$/.test(new URL(s.src).pathname));
      for (const script of document.querySelectorAll('script')) {
        if (ownScripts.length === 1 && script === ownScripts[0]) continue;
        if (script.type !== 'application/ld+json' || script.parentElement !== document.head) {
          problems.push('a script element: ' + script.outerHTML.slice(0, 160));
        } else {
          try { JSON.parse(script.textContent); }
          catch (e) { problems.push('JSON-LD that is not JSON: ' + script.textContent.slice(0, 160)); }
        }
      }
      if (jsonLd.length > 1) problems.push(jsonLd.length + ' JSON-LD scripts');
      for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
          if (/^on/i.test(attribute.name)) {
            problems.push('an event handler: <' + element.localName + ' ' + attribute.name + '="'
                + attribute.value.slice(0, 80) + '">');
          }
          if (/^\\s*(javascript|data|vbscript):/i.test(attribute.value)
              && !/^(content|alt|title|aria-label|value)$/.test(attribute.name)) {
            problems.push('a script address: <' + element.localName + ' ' + attribute.name + '="'
                + attribute.value.slice(0, 80) + '"> in '
                + (element.parentElement ? element.parentElement.outerHTML.slice(0, 400) : '?'));
          }
        }
      }
      // Allowed forms: the layout's own search form (one per page, GET to /search), the pages' own
      // GET forms (search, Mastodon sharing), the subscription page's POST, and the discussion's
      // (comment, vote, edit, delete: POST to this site's /articles/…; the vote buttons with a
      // formaction to their comment's /vote), never inside what a reader wrote (.comment-body) or
      // the article's body.
      const siteSearch = document.querySelectorAll('header form.site-search[method=get]');
      const discussion = document.getElementById('comments');
      const ownPageForm = element => {
        const form = element.localName === 'form' ? element : element.closest('form');
        if (!form || !document.querySelector('main').contains(form)
            || form.closest('.comment-body, .article-body, #comments')
            || element.hasAttribute('style') || element.hasAttribute('formaction')) {
          return false;
        }
        const action = new URL(form.action);
        if (action.origin !== location.origin) return false;
        return (form.method === 'get' && ['/search', '/share/mastodon'].includes(action.pathname))
            || (form.method === 'post'
                && /^\\/comments\\/subscriptions\\/(confirm|cancel)$/.test(action.pathname));
      };
      const ownDiscussion = element => {
        if (!discussion || !discussion.contains(element)
            || element.closest('.comment-body, .article-body') || element.hasAttribute('style')) {
          return false;
        }
        if (element.hasAttribute('formaction')) {
          // Only the vote buttons, posting the page's one vote form to their comment's address.
          const target = new URL(element.formAction);
          return element.localName === 'button' && element.form !== null
              && element.form.id === 'vote-form' && target.origin === location.origin
              && /^\\/articles\\/[a-z0-9-]+\\/comments\\/\\d+\\/vote$/.test(target.pathname);
        }
        if (element.matches('button.quote-button')) return true;
        if (element.matches('button.new-comments-button[type=button][data-new-comments]')
            && element.form === null
            && [...element.attributes].every(a => ['type', 'class', 'hidden', 'data-new-comments'].includes(a.name) || a.name.startsWith('aria-'))) {
          return true;
        }
        if (element.matches('button.read-more[type=button]') && element.form === null
            && [...element.attributes].every(a => ['type', 'class', 'aria-expanded', 'aria-controls'].includes(a.name))) {
          return true;
        }
        const form = element.localName === 'form' ? element : element.closest('form');
        if (!form || form.method !== 'post') return false;
        const action = new URL(form.action);
        return action.origin === location.origin && action.pathname.startsWith('/articles/');
      };
      for (const element of document.querySelectorAll(
          'iframe, frame, object, embed, applet, base, form, input, button, textarea, svg, math,'
          + ' template, style, body meta, body link, [style], [srcdoc], [formaction]')) {
        const ownSearch = siteSearch.length === 1
            && new URL(siteSearch[0].action).pathname === '/search'
            && (element === siteSearch[0] || siteSearch[0].contains(element))
            && !element.hasAttribute('formaction') && !element.hasAttribute('style');
        if (!ownSearch && !ownDiscussion(element) && !ownPageForm(element)) {
          problems.push('a <' + element.localName + '> element: ' + element.outerHTML.slice(0, 120));
        }
      }
      for (const link of document.querySelectorAll('a[href], area[href]')) {
        if (!['http:', 'https:', 'mailto:'].includes(link.protocol)) {
          problems.push('a link to ' + link.protocol + ' ' + link.getAttribute('href').slice(0, 80));
        }
      }
      for (const image of document.images) {
        const protocol = new URL(image.getAttribute('src') || '', location.href).protocol;
        if (!['http:', 'https:'].includes(protocol)) problems.push('an image from ' + protocol);
      }
      return problems;
      """;

  /**
   * The console's pages, which have scripts, forms and (PrimeFaces') inline handlers of their own:
   * no handler, script or address of a payload. Each payload's action names {@code alert}, {@code
   * confirm}, {@code prompt}, {@code console}, {@code msgbox}, {@code xss-ran} or {@code pwned}: an
   * event handler or a script holding one of them, an address with a script scheme, a frame,
   * object, embed, base or meta refresh in the body come from a payload. {@code arguments[0]}: a
   * text the page must show, or null.
   */
  public static final String CONSOLE_PAGE =
      RAN
          + """
      const expected = arguments[0];
      if (expected && !document.body.textContent.includes(expected)
          && ![...document.querySelectorAll('input, textarea')].some(f => f.value.includes(expected))) {
        problems.push('not the expected page (' + document.title + ')');
      }
      const payload = /alert|confirm\\(|prompt|console\\.|msgbox|xss-ran|pwned/i;
      for (const script of document.querySelectorAll('script')) {
        if (payload.test(script.textContent) || /^\\s*(javascript|data|vbscript):/i.test(script.getAttribute('src') || '')) {
          problems.push('a script element: ' + script.outerHTML.slice(0, 160));
        }
      }
      for (const element of document.querySelectorAll('*')) {
        for (const attribute of element.attributes) {
          if (/^on/i.test(attribute.name) && payload.test(attribute.value)) {
            problems.push('an event handler: <' + element.localName + ' ' + attribute.name + '="'
                + attribute.value.slice(0, 80) + '">');
          }
          if (/^\\s*(javascript|data|vbscript):/i.test(attribute.value)
              && !/^(content|alt|title|aria-label|value|data-confirm)$/.test(attribute.name)) {
            problems.push('a script address: <' + element.localName + ' ' + attribute.name + '="'
                + attribute.value.slice(0, 80) + '">');
          }
        }
      }
      for (const element of document.querySelectorAll(
          'body iframe, body frame, body object, body embed, body base, body meta, body template,'
          + ' [srcdoc], body svg script, body math')) {
        problems.push('a <' + element.localName + '> element: ' + element.outerHTML.slice(0, 120));
      }
      for (const link of document.querySelectorAll('a[href], area[href]')) {
        if (!['http:', 'https:', 'mailto:'].includes(link.protocol)) {
          problems.push('a link to ' + link.protocol + ' ' + link.getAttribute('href').slice(0, 80));
        }
      }
      return problems;
      """;

  private XssChecks() {}

  /**
   * Prepares the browser for the next pages: their Content-Security-Policy bypassed, dialogs and
   * console calls recorded (see the class comment).
   */
  public static void watch(ChromeDriver driver) {
    driver.executeCdpCommand("Page.enable", Map.of());
    driver.executeCdpCommand("Page.setBypassCSP", Map.of("enabled", true));
    driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER));
  }

  /** Opens an address and says what went wrong there by {@code checks}; empty when nothing did. */
  public static List<String> open(
      ChromeDriver driver, String address, String checks, String expected) {
    List<String> problems = new ArrayList<>();
    try {
      driver.get(address);
    } catch (UnhandledAlertException e) {
      problems.add("an alert opened while loading: " + e.getAlertText());
    } catch (TimeoutException e) {
      problems.add("the page did not finish loading (an alert may block it)");
    }
    problems.addAll(inspect(driver, checks, expected));
    return problems;
  }

  /**
   * Inspects the page the browser shows by {@code checks}. A dialog left open (one that was opened
   * before our recorder, or by a frame of another origin) makes the first command fail; it is then
   * closed, counted, and the page inspected again.
   */
  public static List<String> inspect(ChromeDriver driver, String checks, String expected) {
    List<String> problems = new ArrayList<>();
    for (int attempt = 0; attempt < 10; attempt++) {
      try {
        Object found = driver.executeScript(checks, expected);
        if (found instanceof List<?> list) {
          list.forEach(problem -> problems.add(String.valueOf(problem)));
        }
        return problems;
      } catch (UnhandledAlertException e) {
        try {
          Alert alert = driver.switchTo().alert();
          problems.add("an alert is open: " + alert.getText());
          alert.accept();
        } catch (NoAlertPresentException gone) {
          problems.add("an alert opened: " + e.getAlertText());
        }
      }
    }
    problems.add("alerts keep opening");
    return problems;
  }
}
