package org.tribune.comments.api;

import java.util.List;

/**
 * A report or a decision the service refuses, with every reason found. Each reason names the form
 * field it concerns (or none) and maps to the message key {@code reports.error.<reason in
 * lower-case, dashes for underscores>} of the web bundles.
 */
public class ReportRejectedException extends InputRejectedException {
  private static final long serialVersionUID = 1L;

  /** A field of the report form or of the decision form, for placing a message next to it. */
  public enum Field {
    NONE,
    REASON,
    CATEGORY,
    EXPLANATION,
    NAME,
    EMAIL,
    GOOD_FAITH,
    RULE,
    STATEMENT
  }

  /** Why a report or a decision was refused. */
  public enum Reason {
    /** No published comment with this id under this article (deleted, held, hidden already). */
    COMMENT_NOT_FOUND(Field.NONE),
    REASON_REQUIRED(Field.REASON),
    CATEGORY_REQUIRED(Field.CATEGORY),
    /** Illicit content and "other" need an explanation. */
    EXPLANATION_REQUIRED(Field.EXPLANATION),
    EXPLANATION_TOO_LONG(Field.EXPLANATION),
    NAME_REQUIRED(Field.NAME),
    NAME_TOO_LONG(Field.NAME),
    EMAIL_REQUIRED(Field.EMAIL),
    EMAIL_INVALID(Field.EMAIL),
    GOOD_FAITH_REQUIRED(Field.GOOD_FAITH),
    /** This reporter (address) already reported this comment. */
    ALREADY_REPORTED(Field.NONE),
    /** Too many reports from this address in the last hour, or of this comment. */
    RATE_LIMITED(Field.NONE),
    /** A decision without a rule of the charter. */
    RULE_REQUIRED(Field.RULE),
    /** Keeping a comment under a rule it breaks, or removing it under "no breach". */
    RULE_MISMATCH(Field.RULE),
    STATEMENT_TOO_LONG(Field.STATEMENT),
    /** The comment has no open report (decided meanwhile by someone else, or never reported). */
    NOTHING_TO_DECIDE(Field.NONE);

    private final Field field;

    Reason(Field field) {
      this.field = field;
    }

    public Field field() {
      return field;
    }

    /** The key of its message in the web bundles. */
    public String messageKey() {
      return "reports.error." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public ReportRejectedException(Reason first, Reason... more) {
    this(concat(first, more));
  }

  public ReportRejectedException(List<Reason> reasons) {
    super(reasons);
  }

  /** Every reason, in form order. */
  public List<Reason> reasons() {
    return typedReasons();
  }

  public Reason reason() {
    return reasons().get(0);
  }
}
