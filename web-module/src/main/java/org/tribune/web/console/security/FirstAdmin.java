package org.tribune.web.console.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.web.console.ConsoleSchemaMigrated;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.audit.AuditLog;

/**
 * Makes sure someone can sign in to a new site: when no account exists, creates an administrator
 * from {@code tribune.admin.email} and {@code tribune.admin.password}; without a configured
 * password it generates one and prints it once in the server log, with how to change it. Several
 * nodes starting at once create one account (the e-mail address is unique).
 */
@ApplicationScoped
public class FirstAdmin {
  private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

  @Inject private Accounts accounts;
  @Inject private Passwords passwords;
  @Inject private AuditLog audit;

  @Inject
  @ConfigProperty(name = "tribune.admin.email", defaultValue = "admin@example.org")
  String email;

  @Inject
  @ConfigProperty(name = "tribune.admin.password")
  Optional<String> password;

  /** Called as soon as the console's tables are up to date, before its check reports UP. */
  void schemaMigrated(@Observes ConsoleSchemaMigrated migrated) {
    ensureOne();
  }

  void ensureOne() {
    if (accounts.count() > 0) {
      return;
    }
    String configured = password.map(String::strip).filter(p -> !p.isEmpty()).orElse(null);
    if (configured != null && !Passwords.isAcceptable(configured)) {
      LOG.severe(
          "tribune.admin.password (TRIBUNE_ADMIN_PASSWORD) is shorter than "
              + Passwords.MIN_LENGTH
              + " characters: a password was generated instead");
      configured = null;
    }
    String chosen = configured == null ? passwords.generate() : configured;
    try {
      accounts.create(email, "Administrateur", Role.ADMIN, chosen, null);
    } catch (RuntimeException e) {
      if (accounts.count() > 0) {
        return; // another node created it first
      }
      throw e;
    }
    audit.record(null, AuditAction.ACCOUNT_CREATED, Accounts.normalise(email), "ADMIN", null);
    if (configured == null) {
      LOG.warning(
          "\n\n  Tribune: created the administrator account "
              + Accounts.normalise(email)
              + " with the password\n\n      "
              + chosen
              + "\n\n  It is shown this once. Sign in at /admin/login and change it under"
              + " \"Mot de passe\",\n  or set tribune.admin.password (TRIBUNE_ADMIN_PASSWORD)"
              + " before the first start.\n");
    } else {
      LOG.info("Tribune: created the administrator account " + Accounts.normalise(email));
    }
  }
}
