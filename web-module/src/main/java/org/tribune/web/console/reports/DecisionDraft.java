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

  public String getStatement() {
    return statement;
  }

  public void setStatement(String statement) {
    this.statement = statement;
  }
}
