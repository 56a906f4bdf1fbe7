package org.tribune.web.persistence;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Compares two JSON documents field by field and names every difference by its path ({@code
 * /articles/12/comments/3/score: 2 ≠ 3}), so that a failed round trip says what was lost, not only
 * that something was.
 */
final class JsonDiff {
  /** At most this many differences are listed. */
  private static final int MOST = 20;

  private JsonDiff() {}

  /** The differences, by path; empty when the documents are the same. */
  static List<String> differences(JsonValue expected, JsonValue actual) {
    List<String> found = new ArrayList<>();
    compare("", expected, actual, found);
    return found;
  }

  private static void compare(
      String path, JsonValue expected, JsonValue actual, List<String> found) {
    if (found.size() >= MOST) {
      return;
    }
    if (expected.getValueType() != actual.getValueType()) {
      found.add(path + ": " + shorten(expected) + " ≠ " + shorten(actual));
      return;
    }
    switch (expected.getValueType()) {
      case OBJECT -> {
        JsonObject e = expected.asJsonObject();
        JsonObject a = actual.asJsonObject();
        TreeSet<String> names = new TreeSet<>(e.keySet());
        names.addAll(a.keySet());
        for (String name : names) {
          if (!e.containsKey(name)) {
            found.add(path + "/" + name + ": missing before, " + shorten(a.get(name)) + " after");
          } else if (!a.containsKey(name)) {
            found.add(path + "/" + name + ": " + shorten(e.get(name)) + " before, missing after");
          } else {
            compare(path + "/" + name, e.get(name), a.get(name), found);
          }
        }
      }
      case ARRAY -> {
        JsonArray e = expected.asJsonArray();
        JsonArray a = actual.asJsonArray();
        if (e.size() != a.size()) {
          found.add(path + ": " + e.size() + " elements before, " + a.size() + " after");
        }
        for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
          compare(path + "/" + i, e.get(i), a.get(i), found);
        }
      }
      default -> {
        if (!expected.equals(actual)) {
          found.add(path + ": " + shorten(expected) + " ≠ " + shorten(actual));
        }
      }
    }
  }

  private static String shorten(JsonValue value) {
    String text = String.valueOf(value);
    return text.length() > 120 ? text.substring(0, 120) + "…" : text;
  }
}
