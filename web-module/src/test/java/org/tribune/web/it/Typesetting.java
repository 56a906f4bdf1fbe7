package org.tribune.web.it;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.DomNode;
import org.htmlunit.html.DomText;
import org.htmlunit.html.HtmlPage;

/**
 * French typography in a rendered page (STYLE.md, rule 16), not only in the bundles: the text a
 * reader sees — text nodes, and the labels, titles and placeholders that stand for text — has no
 * straight apostrophe, no breakable space before « : ; ! ? » or inside « », and no breakable space
 * around the h of a time (« 15 h 38 »). What readers and staff typed is theirs and left out: the
 * bodies of comments, form fields' contents, code.
 */
final class Typesetting {
  private static final Pattern BREAKABLE =
      Pattern.compile(
          "[ \\t\\r\\n](?=[:;!?»])|«[ \\t\\r\\n]|\\d[ \\t\\r\\n]h[ \\t\\r\\n\\u00a0\\u202f]\\d|\\d[\\u00a0\\u202f]h[ \\t\\r\\n]\\d");

  /** Where the text is someone's input, or not text at all. */
  private static final String NOT_OURS =
      "script, style, textarea, code, pre, select, .comment-body, .report-text, .comment-preview,"
          + " .audit-detail, [data-user-text]";

  private static final List<String> ATTRIBUTES =
      List.of("aria-label", "title", "placeholder", "alt");

  private Typesetting() {}

  /** Every fault found in the page, each with a little of its context. */
  static List<String> faults(HtmlPage page) {
    List<String> faults = new ArrayList<>();
    List<DomNode> excluded = new ArrayList<>();
    page.querySelectorAll(NOT_OURS).forEach(excluded::add);
    for (DomNode node : page.getBody().getDescendants()) {
      if (excluded.stream().anyMatch(x -> x == node || x.isAncestorOf(node))) {
        continue;
      }
      if (node instanceof DomText text) {
        check(text.getData(), "text", faults);
      } else if (node instanceof DomElement element) {
        for (String attribute : ATTRIBUTES) {
          if (element.hasAttribute(attribute)) {
            check(element.getAttribute(attribute), attribute, faults);
          }
        }
      }
    }
    return faults;
  }

  private static void check(String text, String where, List<String> faults) {
    if (text.indexOf('\'') >= 0) {
      faults.add(where + ": a straight apostrophe in « " + text.strip() + " »");
    }
    Matcher breakable = BREAKABLE.matcher(text);
    if (breakable.find()) {
      int from = Math.max(0, breakable.start() - 30);
      int to = Math.min(text.length(), breakable.end() + 30);
      faults.add(where + ": a breakable space in « " + text.substring(from, to).strip() + " »");
    }
  }
}
