package org.tribune.articles.internal;

/** Argument checks shared by the entities. */
final class Texts {
  private Texts() {}

  static String require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }
}
