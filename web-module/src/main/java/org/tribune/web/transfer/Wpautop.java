package org.tribune.web.transfer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The paragraphs WordPress gives a classic post when it displays it ({@code wpautop}): a blank line
 * ends a paragraph, a single newline is a line break, block elements ({@code <h3>}, {@code <ul>},
 * {@code <table>}, {@code <blockquote>}…) stand on their own and are never wrapped, the text
 * between and around them is, {@code <pre>} is left exactly as it is, and newlines inside a tag,
 * {@code <script>}, {@code <style>}, {@code <svg>} or {@code <math>} are not line breaks. Applied
 * once, at import, so that a moved post reads as it did; the rules are WordPress's documented ones
 * (its tests: block and inline elements, {@code <pre>}, {@code <option>}, {@code <source>}…), the
 * code this project's own.
 */
final class Wpautop {
  /** The elements WordPress treats as blocks. */
  private static final String BLOCKS =
      "(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form"
          + "|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article"
          + "|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)";

  private static final String NEWLINE_IN_TAG = " <!-- wpnl --> ";
  private static final String KEPT_NEWLINE = "<WPPreserveNewline />";

  /** A tag, a comment or a CDATA section (unterminated ones run to the end). */
  private static final Pattern TAG =
      Pattern.compile("<(?:!--[\\s\\S]*?(?:-->|$)|!\\[CDATA\\[[\\s\\S]*?(?:]]>|$)|[^>]*>?)");

  private static final Pattern DOUBLE_BR = Pattern.compile("<br\\s*/?>\\s*<br\\s*/?>");
  private static final Pattern BLOCK_OPEN = Pattern.compile("(<" + BLOCKS + "[\\s/>])");
  private static final Pattern BLOCK_CLOSE = Pattern.compile("(</" + BLOCKS + ">)");
  private static final Pattern HR = Pattern.compile("(<hr\\s*?/?>)");
  private static final Pattern PARAGRAPHS = Pattern.compile("\\n\\s*\\n");
  private static final Pattern EMPTY_P = Pattern.compile("<p>\\s*</p>");
  private static final Pattern UNCLOSED_IN_CONTAINER =
      Pattern.compile("<p>([^<]+)</(div|address|form)>");
  private static final Pattern WRAPPED_BLOCK_TAG =
      Pattern.compile("<p>\\s*(</?" + BLOCKS + "[^>]*>)\\s*</p>");
  private static final Pattern WRAPPED_LI = Pattern.compile("<p>(<li.+?)</p>");
  private static final Pattern WRAPPED_BLOCKQUOTE =
      Pattern.compile("<p><blockquote([^>]*)>", Pattern.CASE_INSENSITIVE);
  private static final Pattern P_BEFORE_BLOCK = Pattern.compile("<p>\\s*(</?" + BLOCKS + "[^>]*>)");
  private static final Pattern P_AFTER_BLOCK = Pattern.compile("(</?" + BLOCKS + "[^>]*>)\\s*</p>");
  private static final Pattern RAW_TEXT =
      Pattern.compile("<(script|style|svg|math).*?</\\1>", Pattern.DOTALL);
  private static final Pattern LONE_NEWLINE = Pattern.compile("(?<!<br />)\\s*\\n");
  private static final Pattern BR_AFTER_BLOCK =
      Pattern.compile("(</?" + BLOCKS + "[^>]*>)\\s*<br />");
  private static final Pattern BR_BEFORE_BLOCK =
      Pattern.compile("<br />(\\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)");

  private Wpautop() {}

  /** The HTML as WordPress shows a classic post's content. */
  static String paragraphs(String content) {
    if (content == null || content.isBlank()) {
      return "";
    }
    String text = content + "\n";
    Map<String, String> pres = new LinkedHashMap<>();
    if (text.contains("<pre")) {
      text = setPresAside(text, pres);
    }
    text = DOUBLE_BR.matcher(text).replaceAll("\n\n");
    text = BLOCK_OPEN.matcher(text).replaceAll("\n\n$1");
    text = BLOCK_CLOSE.matcher(text).replaceAll("$1\n\n");
    text = HR.matcher(text).replaceAll("$1\n\n");
    text = text.replace("\r\n", "\n").replace('\r', '\n');
    text = newlinesInTags(text);
    if (text.contains("<option")) {
      text = text.replaceAll("\\s*<option", "<option").replaceAll("</option>\\s*", "</option>");
    }
    if (text.contains("</object>")) {
      text = text.replaceAll("(<object[^>]*>)\\s*", "$1").replaceAll("\\s*</object>", "</object>");
      text = text.replaceAll("\\s*(</?(?:param|embed)[^>]*>)\\s*", "$1");
    }
    if (text.contains("<source") || text.contains("<track")) {
      text = text.replaceAll("([<\\[](?:audio|video)[^>\\]]*[>\\]])\\s*", "$1");
      text = text.replaceAll("\\s*([<\\[]/(?:audio|video)[>\\]])", "$1");
      text = text.replaceAll("\\s*(<(?:source|track)[^>]*>)\\s*", "$1");
    }
    if (text.contains("<figcaption")) {
      text = text.replaceAll("\\s*(<figcaption[^>]*>)", "$1");
      text = text.replaceAll("</figcaption>\\s*", "</figcaption>");
    }
    text = text.replaceAll("\\n\\n+", "\n\n");
    StringBuilder wrapped = new StringBuilder(text.length() + 64);
    for (String paragraph : PARAGRAPHS.split(text)) {
      String trimmed = trimNewlines(paragraph);
      if (!paragraph.isEmpty()) {
        wrapped.append("<p>").append(trimmed).append("</p>\n");
      }
    }
    text = wrapped.toString();
    text = EMPTY_P.matcher(text).replaceAll("");
    text = UNCLOSED_IN_CONTAINER.matcher(text).replaceAll("<p>$1</p></$2>");
    text = WRAPPED_BLOCK_TAG.matcher(text).replaceAll("$1");
    text = WRAPPED_LI.matcher(text).replaceAll("$1");
    text = WRAPPED_BLOCKQUOTE.matcher(text).replaceAll("<blockquote$1><p>");
    text = text.replace("</blockquote></p>", "</p></blockquote>");
    text = P_BEFORE_BLOCK.matcher(text).replaceAll("$1");
    text = P_AFTER_BLOCK.matcher(text).replaceAll("$1");
    text = keepRawNewlines(text);
    text = text.replace("<br>", "<br />").replace("<br/>", "<br />");
    text = LONE_NEWLINE.matcher(text).replaceAll("<br />\n");
    text = text.replace(KEPT_NEWLINE, "\n");
    text = BR_AFTER_BLOCK.matcher(text).replaceAll("$1");
    text = BR_BEFORE_BLOCK.matcher(text).replaceAll("$1");
    if (text.endsWith("\n</p>")) {
      text = text.substring(0, text.length() - "\n</p>".length()) + "</p>";
    }
    for (Map.Entry<String, String> pre : pres.entrySet()) {
      text = text.replace(pre.getKey(), pre.getValue());
    }
    if (text.contains("<!-- wpnl -->")) {
      text = text.replace(NEWLINE_IN_TAG, "\n").replace("<!-- wpnl -->", "\n");
    }
    return text;
  }

  /** Puts each {@code <pre>…</pre>} aside behind a placeholder, to be put back as it was. */
  private static String setPresAside(String text, Map<String, String> pres) {
    String[] parts = text.split("</pre>", -1);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < parts.length - 1; i++) {
      String part = parts[i];
      int start = part.indexOf("<pre");
      if (start < 0) {
        out.append(part);
        continue;
      }
      String name = "<pre wp-pre-tag-" + pres.size() + "></pre>";
      pres.put(name, part.substring(start) + "</pre>");
      out.append(part, 0, start).append(name);
    }
    return out.append(parts[parts.length - 1]).toString();
  }

  /** Newlines inside tags and comments are not line breaks: a placeholder until the end. */
  private static String newlinesInTags(String text) {
    Matcher tag = TAG.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    while (tag.find()) {
      out.append(text, last, tag.start()).append(tag.group().replace("\n", NEWLINE_IN_TAG));
      last = tag.end();
    }
    return out.append(text, last, text.length()).toString();
  }

  /** Newlines inside script, style, SVG and MathML are kept as they are. */
  private static String keepRawNewlines(String text) {
    Matcher raw = RAW_TEXT.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (raw.find()) {
      raw.appendReplacement(out, Matcher.quoteReplacement(raw.group().replace("\n", KEPT_NEWLINE)));
    }
    raw.appendTail(out);
    return out.toString();
  }

  private static String trimNewlines(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == '\n') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == '\n') {
      end--;
    }
    return text.substring(start, end);
  }
}
