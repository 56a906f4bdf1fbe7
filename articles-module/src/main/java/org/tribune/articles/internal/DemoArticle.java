package org.tribune.articles.internal;

/**
 * A demo article file: a header of {@code key: value} lines (title, author, hours-ago), a blank
 * line, then the Markdown body.
 */
record DemoArticle(String title, String author, long hoursAgo, String body) {

  static DemoArticle parse(String text) {
    String normalized = text.replace("\r\n", "\n");
    int split = normalized.indexOf("\n\n");
    if (split < 0) {
      throw new IllegalArgumentException("A demo article needs a header, a blank line and a body");
    }
    String title = null;
    String author = null;
    long hoursAgo = 0;
    for (String line : normalized.substring(0, split).split("\n")) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("Not a header line: " + line);
      }
      String value = line.substring(colon + 1).strip();
      switch (line.substring(0, colon).strip()) {
        case "title" -> title = value;
        case "author" -> author = value;
        case "hours-ago" -> hoursAgo = Long.parseLong(value);
        default -> throw new IllegalArgumentException("Unknown header: " + line);
      }
    }
    if (title == null || author == null) {
      throw new IllegalArgumentException("A demo article needs a title and an author");
    }
    return new DemoArticle(title, author, hoursAgo, normalized.substring(split + 2).strip());
  }
}
