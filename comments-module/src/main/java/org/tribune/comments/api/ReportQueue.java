package org.tribune.comments.api;

import java.io.Serializable;
import java.util.List;

/**
 * One page of the comments whose reports wait for a decision: illicit content first, then the
 * oldest open report first.
 *
 * @param total how many comments wait, for the pager
 */
public record ReportQueue(List<ReportedComment> items, long total) implements Serializable {
  public ReportQueue {
    items = List.copyOf(items);
  }
}
