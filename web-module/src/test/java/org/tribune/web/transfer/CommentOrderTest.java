package org.tribune.web.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommentOrderTest {

  private static Map<String, ImportWriter.CommentPlan> plans(String... idAndParent) {
    Map<String, ImportWriter.CommentPlan> plans = new LinkedHashMap<>();
    for (String pair : idAndParent) {
      String[] parts = pair.split(">");
      plans.put(
          parts[0],
          new ImportWriter.CommentPlan(parts[0], parts.length > 1 ? parts[1] : null, null));
    }
    return plans;
  }

  private static List<String> ids(List<ImportWriter.CommentPlan> plans) {
    return plans.stream().map(ImportWriter.CommentPlan::sourceId).toList();
  }

  @Test
  void parentsComeBeforeTheirRepliesWhateverTheFileOrder() {
    var ordered = CommentOrder.parentsFirst(plans("3>2", "1", "2>1", "4"));
    assertEquals(List.of("1", "2", "3", "4"), ids(ordered));
  }

  @Test
  void aReplyToAnUnknownParentKeepsItForTheWriter() {
    var ordered = CommentOrder.parentsFirst(plans("5>99", "6"));
    assertEquals(List.of("5", "6"), ids(ordered));
    assertEquals("99", ordered.get(0).parentSourceId());
  }

  @Test
  void aLoopOfParentsIsBrokenNotFollowedForever() {
    var ordered = CommentOrder.parentsFirst(plans("a>b", "b>a", "c>c"));
    assertEquals(java.util.Set.of("a", "b", "c"), java.util.Set.copyOf(ids(ordered)));
    for (ImportWriter.CommentPlan plan : ordered) {
      if (!plan.sourceId().equals("b")) {
        assertNull(plan.parentSourceId(), plan.sourceId());
      }
    }
  }

  @Test
  void aVeryDeepThreadDoesNotOverflowTheStack() {
    String[] chain = new String[50_000];
    chain[0] = "0";
    for (int i = 1; i < chain.length; i++) {
      chain[i] = i + ">" + (i - 1);
    }
    assertEquals(50_000, CommentOrder.parentsFirst(plans(chain)).size());
  }
}
