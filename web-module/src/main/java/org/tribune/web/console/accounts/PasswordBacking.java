package org.tribune.web.console.accounts;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.security.Account;
import org.tribune.web.console.security.Accounts;
import org.tribune.web.console.security.Passwords;
import org.tribune.web.console.security.Staff;

/** Backs {@code /admin/password.xhtml}: a signed-in staff member changes their own password. */
@Named
@RequestScoped
public class PasswordBacking {
  @Inject private Staff staff;
  @Inject private Accounts accounts;
  @Inject private ConsoleMessages messages;

  private String current;
  private String chosen;
  private String repeated;

  public String change() {
    Account account = staff.account().orElseThrow();
    if (current == null
        || !accounts.checkPassword(account.email(), current.length() > 1000 ? "" : current)) {
      messages.error("password.wrong-current");
      return null;
    }
    if (!Passwords.isAcceptable(chosen)) {
      messages.error("password.too-short", Passwords.MIN_LENGTH, Passwords.MAX_LENGTH);
      return null;
    }
    if (!chosen.equals(repeated)) {
      messages.error("password.mismatch");
      return null;
    }
    accounts.setPassword(account.id(), chosen);
    staff.audit(AuditAction.PASSWORD_CHANGED, account.email(), null);
    messages.info("password.changed");
    messages.keepAcrossRedirect();
    return "/admin/dashboard?faces-redirect=true";
  }

  public String getCurrent() {
    return current;
  }

  public void setCurrent(String current) {
    this.current = current;
  }

  public String getChosen() {
    return chosen;
  }

  public void setChosen(String chosen) {
    this.chosen = chosen;
  }

  public String getRepeated() {
    return repeated;
  }

  public void setRepeated(String repeated) {
    this.repeated = repeated;
  }
}
