package org.tribune.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Gives the "form expired" page its status: a POST whose view state is missing, forged or too old
 * (a cross-site request, or a page left open past the session) is refused with 403, not reported as
 * a server error.
 */
@Named
@RequestScoped
public class ConsoleErrors {
  public void forbidden() {
    FacesContext faces = FacesContext.getCurrentInstance();
    ((HttpServletResponse) faces.getExternalContext().getResponse())
        .setStatus(HttpServletResponse.SC_FORBIDDEN);
  }
}
