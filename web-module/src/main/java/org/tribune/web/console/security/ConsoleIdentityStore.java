package org.tribune.web.console.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.audit.AuditLog;

/**
 * Checks staff credentials against {@code console_account}: the caller is the account's e-mail
 * address, its groups are its role's capabilities ({@link Role#groups()}). Each attempt is written
 * to the audit log; attempts made while {@link SignInThrottle} asks to wait are refused unchecked,
 * and the request attribute {@value #DELAYED} then holds the wait, so the sign-in page can say how
 * long. A disabled account cannot sign in.
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {
  /** Request attribute set to the remaining {@link Duration} when an attempt came too early. */
  public static final String DELAYED = "tribune.sign-in.delayed";

  @Inject private Accounts accounts;
  @Inject private Passwords passwords;
  @Inject private SignInThrottle throttle;
  @Inject private AuditLog audit;
  @Inject private StaffAddresses addresses;
  @Inject private HttpServletRequest request;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential given)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    String email = Accounts.normalise(given.getCaller());
    String address = addresses.hash(request);
    Optional<Duration> wait = throttle.wait(email, address, Instant.now());
    if (wait.isPresent()) {
      request.setAttribute(DELAYED, wait.get());
      audit.record(null, AuditAction.SIGN_IN_DELAYED, email, null, address);
      return CredentialValidationResult.INVALID_RESULT;
    }
    Optional<Accounts.Credentials> found = accounts.credentials(email);
    if (found.isPresent()
        && found.get().account().active()
        && passwords.matches(given.getPasswordAsString(), found.get().passwordHash())) {
      Account account = found.get().account();
      audit.record(account.email(), AuditAction.SIGN_IN, account.email(), null, address);
      return new CredentialValidationResult(account.email(), account.role().groups());
    }
    audit.record(
        null,
        AuditAction.SIGN_IN_FAILED,
        email,
        found.isEmpty() ? "unknown account" : found.get().account().active() ? null : "disabled",
        address);
    return CredentialValidationResult.INVALID_RESULT;
  }
}
