package org.tribune.web.console.reports;

import java.io.Serializable;
import org.tribune.comments.api.CharterRule;
import org.tribune.comments.api.DecisionOutcome;

/** What a moderator chose in one comment's decision form, kept while the page is open. */
public class DecisionDraft implements Serializable {
  private static final long serialVersionUID = 1L;

  private DecisionOutcome outcome;
  private CharterRule rule;
  private String statement;
  private String suspension = ReportsBacking.FOREVER;

  public DecisionOutcome getOutcome() {
    return outcome;
  }

  public void setOutcome(DecisionOutcome outcome) {
    this.outcome = outcome;
  }

  public CharterRule getRule() {
    return rule;
  }

  public void setRule(CharterRule rule) {
    this.rule = rule;
  }

  /** How long a removal with suspension suspends: {@code FOREVER} or an ISO-8601 duration. */
  public String getSuspension() {
    return suspension;
  }

  public void setSuspension(String suspension) {
    this.suspension = suspension;
  }

  public String getStatement() {
    return statement;
  }

  public void setStatement(String statement) {
    this.statement = statement;
  }
}
