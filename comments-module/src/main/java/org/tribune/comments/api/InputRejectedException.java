package org.tribune.comments.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Input a service refuses, with every reason found, in form order: the common part of {@link
 * CommentRejectedException} and {@link ReportRejectedException}, whose reasons are enums of their
 * own. (A generic class cannot extend {@link Throwable}: the subclasses give the reasons their
 * type.)
 */
public abstract class InputRejectedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<? extends Enum<?>> reasons;

  protected InputRejectedException(List<? extends Enum<?>> reasons) {
    super(String.valueOf(reasons));
    if (reasons.isEmpty()) {
      throw new IllegalArgumentException("no reason");
    }
    this.reasons = List.copyOf(reasons);
  }

  /** The first reason and the others, as one list. */
  @SafeVarargs
  protected static <R> List<R> concat(R first, R... more) {
    List<R> all = new ArrayList<>();
    all.add(first);
    for (R reason : more) {
      all.add(reason);
    }
    return all;
  }

  /** Every reason, in form order, as the subclass's type. */
  @SuppressWarnings("unchecked")
  protected <R extends Enum<R>> List<R> typedReasons() {
    return (List<R>) reasons;
  }
}
