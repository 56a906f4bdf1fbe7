package org.tribune.comments.api;

import java.util.Map;

/**
 * The edit tokens a visitor's browser keeps, by comment id. They prove authorship: a held comment
 * is shown to the visitor whose token matches, and only such a visitor may edit or delete it.
 */
public record OwnComments(Map<Long, String> tokens) {
  public static final OwnComments NONE = new OwnComments(Map.of());

  public OwnComments {
    tokens = Map.copyOf(tokens);
  }
}
