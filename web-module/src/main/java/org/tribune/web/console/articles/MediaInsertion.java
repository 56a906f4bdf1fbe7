package org.tribune.web.console.articles;

/**
 * Puts a library image's reference ({@code ![](media:42)}, a paragraph of its own) into a Markdown
 * body: after the line where the writer's cursor is, or at the end without one (no JavaScript).
 *
 * <p>The cursor comes from the browser's script, which counts a line break as one character; the
 * submitted body has {@code \r\n}. Positions are translated both ways.
 *
 * @param body the body with the reference
 * @param cursor where the cursor goes, just after the reference, as the browser counts
 */
record MediaInsertion(String body, int cursor) {

  /**
   * @param cursor the browser's cursor position, or {@code null}
   */
  static MediaInsertion insert(String body, Integer cursor, long mediaId) {
    String text = body == null ? "" : body;
    int at = cursor == null ? text.length() : lineEnd(text, serverIndex(text, cursor));
    String before = text.substring(0, at).replaceFirst("[\\r\\n]+$", "");
    String after = text.substring(at).replaceFirst("^[\\r\\n]+", "");
    String head = (before.isEmpty() ? "" : before + "\n\n") + "![](media:" + mediaId + ")";
    String result = head + (after.isEmpty() ? "\n" : "\n\n" + after);
    return new MediaInsertion(result, browserIndex(head));
  }

  /** The index in {@code text} of the browser's position {@code cursor}. */
  private static int serverIndex(String text, int cursor) {
    int counted = 0;
    int i = 0;
    while (i < text.length() && counted < cursor) {
      if (text.startsWith("\r\n", i)) {
        i++;
      }
      i++;
      counted++;
    }
    return i;
  }

  private static int browserIndex(String text) {
    return text.replace("\r\n", "\n").length();
  }

  private static int lineEnd(String text, int from) {
    int end = from;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    return end;
  }
}
