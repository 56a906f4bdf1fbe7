package org.tribune.web.console.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import java.util.Optional;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.audit.AuditLog;

/**
 * The signed-in staff member of this request ({@code #{staff}}): who it is and what it may do, for
 * menus and for the checks of backing beans (which the server makes whatever the menus show), and
 * signing out.
 */
@Named("staff")
@RequestScoped
public class Staff {
  @Inject private SecurityContext security;
  @Inject private Accounts accounts;
  @Inject private AuditLog audit;
  @Inject private StaffAddresses addresses;
  @Inject private HttpServletRequest request;

  private Optional<Account> account;

  /** The account, if someone is signed in and the account still exists. */
  public Optional<Account> account() {
    if (account == null) {
      Principal caller = security.getCallerPrincipal();
      account = caller == null ? Optional.empty() : accounts.findByEmail(caller.getName());
    }
    return account;
  }

  public boolean isSignedIn() {
    return account().isPresent();
  }

  public String getEmail() {
    return account().map(Account::email).orElse(null);
  }

  public String getDisplayName() {
    return account().map(Account::displayName).orElse("");
  }

  public Role getRole() {
    return account().map(Account::role).orElse(null);
  }

  public boolean isAdmin() {
    return security.isCallerInRole(Role.ADMIN.name());
  }

  /** May edit and publish every article. */
  public boolean isEditor() {
    return security.isCallerInRole(Role.EDITOR.name());
  }

  /** May write articles (own ones at least). */
  public boolean isAuthor() {
    return security.isCallerInRole(Role.AUTHOR.name());
  }

  public boolean isModerator() {
    return security.isCallerInRole(Role.MODERATOR.name());
  }

  /** The author this account writes as, or {@code null}. */
  public Long getAuthorId() {
    return account().map(Account::authorId).orElse(null);
  }

  /** Records an action of this staff member in the audit log. */
  public void audit(AuditAction action, String target, String detail) {
    audit.record(getEmail(), action, target, detail, addresses.hash(request));
  }

  /** Signs out (a POST from the console's menu) and shows the sign-in page. */
  public void signOut() throws IOException, ServletException {
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    String email = getEmail();
    if (email != null) {
      audit(AuditAction.SIGN_OUT, email, null);
    }
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    external.redirect(request.getContextPath() + ConsoleAuthentication.LOGIN_PATH + "?out");
  }
}
