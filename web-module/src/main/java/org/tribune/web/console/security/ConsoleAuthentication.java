package org.tribune.web.console.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Declares how staff sign in: a form at {@value #LOGIN_PATH} whose page authenticates through
 * {@code SecurityContext}, the caller then kept in the HTTP session. An unauthenticated request for
 * a console page is redirected there and, once signed in, continued. The roles are declared here
 * and constrained by path in {@code web.xml}.
 */
@CustomFormAuthenticationMechanismDefinition(
    loginToContinue =
        @LoginToContinue(
            loginPage = ConsoleAuthentication.LOGIN_PATH,
            errorPage = "",
            useForwardToLogin = false))
@DeclareRoles({"ADMIN", "EDITOR", "AUTHOR", "MODERATOR"})
@ApplicationScoped
public class ConsoleAuthentication {
  public static final String LOGIN_PATH = "/admin/login";
}
