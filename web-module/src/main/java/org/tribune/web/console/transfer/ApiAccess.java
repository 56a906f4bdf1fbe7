package org.tribune.web.console.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.security.ConsoleIdentityStore;
import org.tribune.web.console.security.Role;

/**
 * HTTP Basic authentication of the transfer API ({@code /api/admin/*}) against the console's
 * accounts: an administrator's e-mail address and password, checked by the console's identity
 * store, so that failures are logged and slowed down exactly as on the sign-in page. No session is
 * made: every request carries its credentials.
 */
@ApplicationScoped
public class ApiAccess {
  static final String REALM = "Basic realm=\"Tribune\", charset=\"UTF-8\"";

  @Inject private ConsoleIdentityStore identities;
  @Inject private ConsoleMessages messages;

  /**
   * The administrator making the request; otherwise answers 401 (no or wrong credentials), 429 (too
   * many failures: retry later) or 403 (not an administrator) with a JSON error, and is empty.
   */
  public Optional<String> administrator(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "credentials-missing");
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "credentials-missing");
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "credentials-missing");
    }
    CredentialValidationResult result =
        identities.validate(
            new UsernamePasswordCredential(
                decoded.substring(0, colon), decoded.substring(colon + 1)));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      Object delayed = request.getAttribute(ConsoleIdentityStore.DELAYED);
      if (delayed instanceof Duration wait) {
        response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
        return refuse(response, 429, "credentials-delayed");
      }
      return refuse(response, HttpServletResponse.SC_UNAUTHORIZED, "credentials-wrong");
    }
    if (!result.getCallerGroups().contains(Role.ADMIN.name())) {
      return refuse(response, HttpServletResponse.SC_FORBIDDEN, "not-admin");
    }
    return Optional.of(result.getCallerPrincipal().getName());
  }

  private Optional<String> refuse(HttpServletResponse response, int status, String code)
      throws IOException {
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", REALM);
    }
    TransferApi.error(response, status, code, messages.get("transfer.error." + code));
    return Optional.empty();
  }
}
