package org.tribune.comments.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.comments.api.CommentSettings;
import org.tribune.comments.api.CommentSort;
import org.tribune.comments.api.ModerationMode;

class StoredSettingsTest {
  private static final CommentSettings CONFIGURED =
      new CommentSettings(
          ModerationMode.FIRST_TIME,
          10_000,
          5,
          Duration.ofMinutes(15),
          0,
          2,
          List.of("casino"),
          CommentSort.NEWEST);

  @Test
  void withoutStoredRowsTheConfigurationIsInForce() {
    assertEquals(CONFIGURED, StoredSettings.merge(CONFIGURED, Map.of()));
  }

  @Test
  void savedSettingsReadBackAsSaved() {
    CommentSettings saved =
        new CommentSettings(
            ModerationMode.HOLD_ALL,
            500,
            2,
            Duration.ofHours(1),
            30,
            0,
            List.of("pilule miracle", "crédit"),
            CommentSort.POPULAR);
    assertEquals(saved, StoredSettings.merge(CONFIGURED, StoredSettings.rows(saved)));
  }

  @Test
  void eachSettingFallsBackOnItsOwn() {
    Map<String, String> rows = Map.of(StoredSettings.MAX_LENGTH, "800");
    CommentSettings merged = StoredSettings.merge(CONFIGURED, rows);
    assertEquals(800, merged.maxLength());
    assertEquals(CONFIGURED.editWindow(), merged.editWindow());
    assertEquals(CONFIGURED.blockedWords(), merged.blockedWords());
  }

  @Test
  void aStoredValueThatMakesNoSenseIsIgnored() {
    Map<String, String> rows = new HashMap<>();
    rows.put(StoredSettings.MODERATION, "sometimes");
    rows.put(StoredSettings.MAX_LENGTH, "999999999");
    rows.put(StoredSettings.MAX_DEPTH, "deep");
    rows.put(StoredSettings.EDIT_WINDOW, "-PT1M");
    rows.put(StoredSettings.DEFAULT_SORT, "random");
    assertEquals(CONFIGURED, StoredSettings.merge(CONFIGURED, rows));
  }

  @Test
  void noBlockedWordsSavedIsAnEmptyListNotTheConfiguredOne() {
    CommentSettings none =
        new CommentSettings(
            ModerationMode.APPROVE_ALL,
            10_000,
            5,
            Duration.ofMinutes(15),
            0,
            2,
            List.of(),
            CommentSort.NEWEST);
    assertEquals(
        List.of(), StoredSettings.merge(CONFIGURED, StoredSettings.rows(none)).blockedWords());
  }

  @Test
  void blockedWordsAreTrimmedDeduplicatedAndSplitAtCommas() {
    assertEquals(
        List.of("casino", "poker", "pilule miracle"),
        StoredSettings.words(List.of(" casino ", "poker,pilule miracle", "casino", "   ")));
  }
}
