package org.tribune.web.console.security;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.tribune.web.console.ConsoleHeaders;
import org.tribune.web.console.ConsoleMessages;

/**
 * The sign-in page, {@code /admin/login}. Authenticates through {@link SecurityContext}; on success
 * the session gets a new id (a session id planted before sign-in is worth nothing after) and the
 * browser goes where it was going, or to the dashboard.
 */
@Named
@RequestScoped
public class LoginBacking {
  @Inject private SecurityContext security;
  @Inject private FacesContext faces;
  @Inject private ConsoleMessages messages;

  private String email;
  private String password;

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public void signIn() throws IOException {
    ExternalContext external = faces.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) external.getRequest();
    HttpServletResponse response = (HttpServletResponse) external.getResponse();
    String given = password == null ? "" : password;
    if (given.length() > Passwords.MAX_LENGTH) {
      given = given.substring(0, Passwords.MAX_LENGTH + 1);
    }
    AuthenticationStatus status =
        security.authenticate(
            request,
            response,
            withParams()
                .credential(
                    new UsernamePasswordCredential(
                        email == null ? "" : email.strip(), new Password(given))));
    password = null;
    switch (status) {
      case SEND_CONTINUE -> {
        request.changeSessionId();
        faces.responseComplete();
      }
      case SUCCESS -> {
        request.changeSessionId();
        external.redirect(request.getContextPath() + ConsoleHeaders.DASHBOARD);
      }
      default -> {
        Object delayed = request.getAttribute(ConsoleIdentityStore.DELAYED);
        String text =
            delayed instanceof Duration wait
                ? messages.format("login.delayed", Math.max(1, wait.toSeconds()))
                : messages.get("login.failed");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
      }
    }
  }
}
