package org.tribune.web.transfer;

import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * What an import did: per kind of thing, how many were imported, updated, left unchanged (already
 * there) and skipped, each skip and each warning with its reason in the site's language, and the
 * error that stopped it, if any. Written by the import as it goes and read meanwhile by the
 * console's progress page, hence synchronised.
 */
public final class ImportReport {
  /** Lists of skips and warnings keep at most this many entries (then a count of the rest). */
  static final int MAX_LISTED = 1000;

  /** What happened to one thing. */
  public enum Outcome {
    IMPORTED,
    UPDATED,
    UNCHANGED,
    SKIPPED
  }

  /** The import's state. */
  public enum State {
    RUNNING,
    COMPLETED,
    FAILED
  }

  /** A thing skipped, or imported with a warning: kind, id in the source, reason code and text. */
  public record Note(String kind, String sourceId, String code, String text) {}

  /** The counts of one kind. */
  public record Counts(String kind, int imported, int updated, int unchanged, int skipped) {}

  /**
   * Something the import did not know and left as text (a shortcode such as {@code [gallery]}),
   * with the number of contents where it was and the first of their ids in the source.
   */
  public record LeftAsText(String name, int items, List<String> ids) {}

  /** A {@link LeftAsText} lists at most this many ids. */
  static final int MAX_IDS = 20;

  private final String format;
  private final BiFunction<String, Object[], String> texts;
  private final Instant started = Instant.now();
  private final Map<String, int[]> counts = new LinkedHashMap<>();
  private final List<Note> skips = new ArrayList<>();
  private final List<Note> warnings = new ArrayList<>();
  private final Map<String, List<String>> leftAsText = new TreeMap<>();
  private final Map<String, Integer> leftAsTextItems = new HashMap<>();
  private int unlistedSkips;
  private int unlistedWarnings;
  private State state = State.RUNNING;
  private Instant finished;
  private String errorCode;
  private String errorText;

  /**
   * @param format what is imported ({@code wxr}, {@code disqus})
   * @param texts the text of a reason code with its arguments, in the site's language
   */
  public ImportReport(String format, BiFunction<String, Object[], String> texts) {
    this.format = format;
    this.texts = texts;
  }

  /**
   * A text of the import in the site's language, from the same texts as the notes: what an importer
   * writes where the file has nothing (an anonymous commenter's name, an untitled post's title).
   */
  public String text(String key) {
    return texts.apply(key, new Object[0]);
  }

  public synchronized void count(String kind, Outcome outcome) {
    count(kind, outcome, 1);
  }

  /**
   * Counts {@code times} things of a kind with the same outcome (0: nothing, not even the kind).
   */
  public synchronized void count(String kind, Outcome outcome, int times) {
    if (times > 0) {
      counts.computeIfAbsent(kind, k -> new int[4])[outcome.ordinal()] += times;
    }
  }

  /** Counts a skip and notes why. */
  public synchronized void skip(String kind, String sourceId, String code, Object... arguments) {
    count(kind, Outcome.SKIPPED);
    if (skips.size() < MAX_LISTED) {
      skips.add(new Note(kind, sourceId, code, texts.apply("transfer.reason." + code, arguments)));
    } else {
      unlistedSkips++;
    }
  }

  /** Notes something imported but not quite as it was (the count is the caller's). */
  public synchronized void warn(String kind, String sourceId, String code, Object... arguments) {
    if (warnings.size() < MAX_LISTED) {
      warnings.add(
          new Note(kind, sourceId, code, texts.apply("transfer.warning." + code, arguments)));
    } else {
      unlistedWarnings++;
    }
  }

  /**
   * Notes that a content (kind and id in the source) holds {@code name}, left as text: counted once
   * per content, summed up per name.
   */
  public synchronized void leftAsText(String name, String kind, String sourceId) {
    List<String> ids = leftAsText.computeIfAbsent(name, n -> new ArrayList<>());
    String id = kind + " " + sourceId;
    if (ids.contains(id)) {
      return;
    }
    leftAsTextItems.merge(name, 1, Integer::sum);
    if (ids.size() < MAX_IDS) {
      ids.add(id);
    }
  }

  /** What was left as text, by name. */
  public synchronized List<LeftAsText> leftAsText() {
    List<LeftAsText> all = new ArrayList<>();
    leftAsText.forEach(
        (name, ids) ->
            all.add(
                new LeftAsText(
                    name,
                    leftAsTextItems.get(name),
                    ids.stream().map(id -> id.substring(id.indexOf(' ') + 1)).toList())));
    return all;
  }

  public synchronized void fail(String code, String detail) {
    state = State.FAILED;
    errorCode = code;
    String text = texts.apply("transfer.error." + code, new Object[0]);
    errorText = detail == null ? text : text + " (" + detail + ")";
    finished = Instant.now();
  }

  public synchronized void complete() {
    if (state == State.RUNNING) {
      state = State.COMPLETED;
      finished = Instant.now();
    }
  }

  public synchronized State state() {
    return state;
  }

  public String format() {
    return format;
  }

  public synchronized String errorCode() {
    return errorCode;
  }

  public synchronized String errorText() {
    return errorText;
  }

  public synchronized List<Counts> counts() {
    List<Counts> all = new ArrayList<>();
    counts.forEach((kind, c) -> all.add(new Counts(kind, c[0], c[1], c[2], c[3])));
    return all;
  }

  /** The counts of one kind (zeros when none). */
  public synchronized Counts counts(String kind) {
    int[] c = counts.getOrDefault(kind, new int[4]);
    return new Counts(kind, c[0], c[1], c[2], c[3]);
  }

  public synchronized List<Note> skips() {
    return List.copyOf(skips);
  }

  public synchronized List<Note> warnings() {
    return List.copyOf(warnings);
  }

  public synchronized int unlistedSkips() {
    return unlistedSkips;
  }

  public synchronized int unlistedWarnings() {
    return unlistedWarnings;
  }

  public Instant started() {
    return started;
  }

  public synchronized Instant finished() {
    return finished;
  }

  /** The report as JSON (the API's answer; the format is in the web module's README). */
  public synchronized void writeJson(Writer out) {
    try (JsonGenerator json = Json.createGenerator(out)) {
      json.writeStartObject();
      json.write("format", format);
      json.write("state", state.name().toLowerCase(java.util.Locale.ROOT));
      json.write("started", started.toString());
      if (finished != null) {
        json.write("finished", finished.toString());
      }
      if (errorCode != null) {
        json.writeStartObject("error");
        json.write("code", errorCode);
        json.write("message", errorText);
        json.writeEnd();
      }
      json.writeStartObject("counts");
      counts.forEach(
          (kind, c) -> {
            json.writeStartObject(kind);
            json.write("imported", c[0]);
            json.write("updated", c[1]);
            json.write("unchanged", c[2]);
            json.write("skipped", c[3]);
            json.writeEnd();
          });
      json.writeEnd();
      notes(json, "skipped", skips, unlistedSkips);
      notes(json, "warnings", warnings, unlistedWarnings);
      json.writeStartArray("leftAsText");
      for (LeftAsText left : leftAsText()) {
        json.writeStartObject();
        json.write("name", left.name());
        json.write("items", left.items());
        json.writeStartArray("ids");
        left.ids().forEach(json::write);
        json.writeEnd();
        json.writeEnd();
      }
      json.writeEnd();
      json.writeEnd();
    }
  }

  private static void notes(JsonGenerator json, String name, List<Note> notes, int unlisted) {
    json.writeStartArray(name);
    for (Note note : notes) {
      json.writeStartObject();
      json.write("kind", note.kind());
      if (note.sourceId() == null) {
        json.writeNull("id");
      } else {
        json.write("id", note.sourceId());
      }
      json.write("code", note.code());
      json.write("reason", note.text());
      json.writeEnd();
    }
    json.writeEnd();
    json.write(name + "Unlisted", unlisted);
  }
}
