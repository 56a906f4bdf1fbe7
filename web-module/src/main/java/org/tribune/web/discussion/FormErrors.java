package org.tribune.web.discussion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.tribune.comments.api.CommentRejectedException;
import org.tribune.comments.api.ReportRejectedException;

/**
 * The messages of a refused form, in the site's language: by field ({@code name}, {@code email},
 * {@code website}, {@code body}; for a report also {@code reason}, {@code category}, {@code
 * explanation}, {@code good_faith}) and for the form as a whole ({@code general}).
 */
public record FormErrors(Map<String, List<String>> byField) {
  public static final FormErrors NONE = new FormErrors(Map.of());
  static final String GENERAL = "general";

  public FormErrors {
    byField = Collections.unmodifiableMap(new LinkedHashMap<>(byField));
  }

  static FormErrors of(CommentRejectedException refused, ResourceBundle messages) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (CommentRejectedException.Reason reason : refused.reasons()) {
      String field =
          reason.field() == CommentRejectedException.Field.NONE
              ? GENERAL
              : reason.field().name().toLowerCase(Locale.ROOT);
      fields.computeIfAbsent(field, f -> new ArrayList<>()).add(message(reason, messages));
    }
    return new FormErrors(fields);
  }

  /** The messages of a refused report, each under its field of the report form. */
  static FormErrors of(ReportRejectedException refused, ResourceBundle messages) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    for (ReportRejectedException.Reason reason : refused.reasons()) {
      String field =
          reason.field() == ReportRejectedException.Field.NONE
              ? GENERAL
              : reason.field().name().toLowerCase(Locale.ROOT);
      fields
          .computeIfAbsent(field, f -> new ArrayList<>())
          .add(messages.getString(reason.messageKey()));
    }
    return new FormErrors(fields);
  }

  static FormErrors general(String message) {
    return new FormErrors(Map.of(GENERAL, List.of(message)));
  }

  /** The bundle key of a reason: {@code comments.error.name.too-long} for NAME_TOO_LONG. */
  public static String key(CommentRejectedException.Reason reason) {
    return "comments.error." + reason.name().toLowerCase(Locale.ROOT).replace('_', '.');
  }

  static String message(CommentRejectedException.Reason reason, ResourceBundle messages) {
    return messages.getString(key(reason));
  }

  public boolean isEmpty() {
    return byField.isEmpty();
  }

  public List<String> getGeneral() {
    return byField.getOrDefault(GENERAL, List.of());
  }
}
