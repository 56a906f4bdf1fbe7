package org.tribune.articles.internal;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.DiffLine;

/**
 * The line difference between two versions of an article's source, as an editor reads it: the
 * title, then the standfirst, then the body (Markdown or HTML) line by line, every line shown once,
 * unchanged, added or removed (a changed line is the old one removed, then the new one added).
 */
final class RevisionDiff {
  private RevisionDiff() {}

  static List<DiffLine> between(ArticleDraft from, ArticleDraft to) {
    return lines(source(from), source(to));
  }

  static List<String> source(ArticleDraft draft) {
    List<String> lines = new ArrayList<>();
    lines.add(draft.title());
    lines.add(draft.standfirst());
    lines.addAll(draft.body().lines().toList());
    return lines;
  }

  static List<DiffLine> lines(List<String> from, List<String> to) {
    Patch<String> patch = DiffUtils.diff(from, to);
    List<DiffLine> result = new ArrayList<>();
    int next = 0;
    for (AbstractDelta<String> delta : patch.getDeltas()) {
      int start = delta.getSource().getPosition();
      for (; next < start; next++) {
        result.add(new DiffLine(DiffLine.Kind.SAME, from.get(next)));
      }
      delta.getSource().getLines().forEach(l -> result.add(new DiffLine(DiffLine.Kind.REMOVED, l)));
      delta.getTarget().getLines().forEach(l -> result.add(new DiffLine(DiffLine.Kind.ADDED, l)));
      next = start + delta.getSource().size();
    }
    for (; next < from.size(); next++) {
      result.add(new DiffLine(DiffLine.Kind.SAME, from.get(next)));
    }
    return result;
  }
}
