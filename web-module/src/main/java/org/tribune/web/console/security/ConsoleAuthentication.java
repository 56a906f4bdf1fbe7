package org.tribune.web.console.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * How staff sign in: a form at {@value #LOGIN_PATH} whose page authenticates through {@code
 * SecurityContext}; the caller's e-mail address is then kept in the HTTP session, and each request
 * of the session is authenticated again from it, with the account's current role. An
 * unauthenticated request for a console page is redirected to the form and, once signed in,
 * continued. The roles are declared here and constrained by path in {@code web.xml}.
 *
 * <p>Keeping only the address in the session (a {@code String}) is what lets a session survive the
 * loss of the node that served it: the session is replicated in the cluster's data grid, and any
 * node can read it. The container's own remembered login does not replicate its roles (Payara issue
 * 6342: the caller comes back on another node, without its groups). Reading the account on each
 * request also makes a role changed or an account disabled count at once.
 */
@DeclareRoles({"ADMIN", "EDITOR", "AUTHOR", "MODERATOR"})
@ApplicationScoped
public class ConsoleAuthentication implements HttpAuthenticationMechanism {
  public static final String LOGIN_PATH = "/admin/login";

  /** Session attribute: the signed-in caller's e-mail address. */
  static final String CALLER = "tribune.staff.caller";

  /** Session attribute: the console address to go on to once signed in. */
  static final String CONTINUE = "tribune.staff.continue";

  @Inject private IdentityStoreHandler identityStores;
  @Inject private Accounts accounts;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (context.isAuthenticationRequest() && credential != null) {
      return signIn(request, context, credential);
    }
    HttpSession session = request.getSession(false);
    Object caller = session == null ? null : session.getAttribute(CALLER);
    if (caller instanceof String email) {
      Optional<Account> account = accounts.findByEmail(email).filter(Account::active);
      if (account.isPresent()) {
        return context.notifyContainerAboutLogin(email, account.get().role().groups());
      }
      // Deleted or disabled since: signed out.
      session.removeAttribute(CALLER);
    }
    if (context.isProtected() && isUpload(request)) {
      // A file sent by someone not signed in (or whose session ended): refused outright, never
      // read, rather than redirected to the sign-in form (a script could not follow that).
      try {
        context.getResponse().sendError(HttpServletResponse.SC_FORBIDDEN);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return AuthenticationStatus.SEND_FAILURE;
    }
    if (context.isProtected()) {
      if ("GET".equals(request.getMethod())) {
        String query = request.getQueryString();
        request
            .getSession()
            .setAttribute(CONTINUE, request.getRequestURI() + (query == null ? "" : "?" + query));
      }
      return context.redirect(request.getContextPath() + LOGIN_PATH);
    }
    return context.doNothing();
  }

  /** A POST of files to the console: the media library's and the imports' upload addresses. */
  private static boolean isUpload(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "POST".equals(request.getMethod())
        && (path.equals("/admin/media/upload") || path.equals("/admin/transfer/upload"));
  }

  private AuthenticationStatus signIn(
      HttpServletRequest request, HttpMessageContext context, Credential credential) {
    CredentialValidationResult result = identityStores.validate(credential);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      return AuthenticationStatus.SEND_FAILURE;
    }
    HttpSession session = request.getSession();
    session.setAttribute(CALLER, result.getCallerPrincipal().getName());
    AuthenticationStatus status = context.notifyContainerAboutLogin(result);
    Object next = session.getAttribute(CONTINUE);
    session.removeAttribute(CONTINUE);
    if (status == AuthenticationStatus.SUCCESS && next instanceof String address) {
      return context.redirect(address);
    }
    return status;
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(CALLER);
    }
    HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
  }
}
