package org.tribune.articles.internal.embed;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * What a card or a box shows from a provider's oEmbed answer: plain text only (the answer's {@code
 * html} is read for the post's text and date, never kept).
 *
 * @param author the author's name, may be blank
 * @param title a video's title, may be blank
 * @param text a post's text, may be blank
 * @param date the post's date as the provider wrote it, may be blank
 */
public record OEmbed(String author, String title, String text, String date) {
  static final int MAX_TEXT = 2000;

  /** The answer read, if it is a JSON object. */
  public static Optional<OEmbed> parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      JsonObject object = reader.readObject();
      String text = "";
      String date = "";
      String html = string(object, "html");
      if (!html.isBlank()) {
        Element quote = Jsoup.parseBodyFragment(html).selectFirst("blockquote");
        if (quote != null) {
          OEmbed fromQuote = fromBlockquote(quote);
          text = fromQuote.text();
          date = fromQuote.date();
        }
      }
      return Optional.of(
          new OEmbed(cut(string(object, "author_name")), cut(string(object, "title")), text, date));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The text and date of an official post blockquote (X's {@code twitter-tweet}, Bluesky's): its
   * paragraphs are the text, its last link's text the date.
   */
  static OEmbed fromBlockquote(Element quote) {
    Elements paragraphs = quote.select("p");
    StringBuilder text = new StringBuilder();
    for (Element p : paragraphs) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append(p.text());
    }
    Element last = quote.select("a").last();
    String date = last == null ? "" : last.text();
    String author = "";
    String all = quote.ownText().strip();
    if (all.startsWith("—") || all.startsWith("&mdash;")) {
      author = all.replaceFirst("^—\\s*", "").strip();
    }
    return new OEmbed(cut(author), "", cut(text.toString()), cut(date));
  }

  /** Parses a pasted fragment for its first blockquote. */
  static Optional<Element> blockquote(String html, String cssClass) {
    Document document = Jsoup.parseBodyFragment(html);
    return Optional.ofNullable(document.selectFirst("blockquote." + cssClass));
  }

  private static String string(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return value != null && value.getValueType() == JsonValue.ValueType.STRING
        ? object.getString(name)
        : "";
  }

  private static String cut(String s) {
    String t = s == null ? "" : s.strip();
    return t.length() > MAX_TEXT ? t.substring(0, MAX_TEXT) + "…" : t;
  }
}
