package org.tribune.web.console;

import jakarta.faces.application.ViewHandler;
import jakarta.faces.application.ViewHandlerWrapper;
import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import java.io.IOException;
import org.primefaces.context.PrimeFacesContext;
import org.primefaces.csp.CspState;
import org.primefaces.util.Constants;

/**
 * The console's scripts under a Content-Security-Policy without {@code 'unsafe-inline'}, through
 * PrimeFaces' nonce mode ({@code primefaces.CSP} in {@code web.xml}): PrimeFaces gives every script
 * element a per-view nonce, moves every inline event handler into a script carrying it, sends
 * {@code script-src 'self' 'nonce-…'} (merged into the console's policy by {@code
 * config.SecurityHeaders}) and runs the scripts of Ajax answers with the nonce. Two things make
 * that mode fit Tribune:
 *
 * <ul>
 *   <li>{@link RestoredViews}: PrimeFaces keeps the nonce in the view's map, before a public page
 *       has said that it is stateless ({@code transient="true"}): that map lives in the session, so
 *       every public page would open one; and it reads a posted nonce, where a public page has none
 *       to compare it with (an error page shown for a console form whose nonce was wrong would fail
 *       in turn). Public views get a {@link PublicNonce} instead, as soon as they are restored. A
 *       console form's nonce is checked at the same moment: PrimeFaces would check it only when the
 *       answer is rendered, after the form's action has been done.
 *   <li>{@link NonceField}: each console form carries the nonce in a hidden field, written with its
 *       view state. PrimeFaces' script adds that field only in a browser that runs it; a form sent
 *       without it (a browser without JavaScript, a test over HTTP) would fail ("CSP nonce
 *       mismatch"). A form whose nonce is not its view's is refused as an expired form (403, {@code
 *       web.xml}), before anything is done.
 * </ul>
 */
public final class ScriptNonces {
  private ScriptNonces() {}

  /** Views under {@code /admin/}: the console's. Every other view is a public, stateless page. */
  static boolean isConsole(UIViewRoot root) {
    return root != null && root.getViewId() != null && root.getViewId().startsWith("/admin/");
  }

  /**
   * Gives public views a {@link PublicNonce} when they are restored, before PrimeFaces asks for a
   * nonce, and checks a console form's nonce before its values are applied.
   */
  public static class RestoredViews implements PhaseListener {
    private static final long serialVersionUID = 1L;

    @Override
    public PhaseId getPhaseId() {
      return PhaseId.RESTORE_VIEW;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
      // Nothing to do before the view exists.
    }

    @Override
    public void afterPhase(PhaseEvent event) {
      FacesContext context = event.getFacesContext();
      UIViewRoot root = context.getViewRoot();
      if (root == null) {
        return;
      } else if (!isConsole(root)) {
        context.getAttributes().put(CspState.class.getName(), new PublicNonce(context));
      } else if (context.isPostback()) {
        // Throws PrimeFaces' CspException when the form's nonce is not its view's.
        PrimeFacesContext.getCspState(context).getNonce();
      }
    }
  }

  /**
   * The nonce of a public page: made for this answer, never kept, never compared with one a request
   * brings. Public pages have no inline script (their policy has no nonce: {@code
   * config.SecurityHeaders}); PrimeFaces still marks their script elements with it.
   */
  static final class PublicNonce extends CspState {
    private String nonce;

    PublicNonce(FacesContext context) {
      super(context);
    }

    @Override
    public String getNonce() {
      if (nonce == null) {
        nonce = generateNonce();
      }
      return nonce;
    }
  }

  /** Writes the nonce field into every console form, next to its view state. */
  public static class NonceField extends ViewHandlerWrapper {
    public NonceField(ViewHandler wrapped) {
      super(wrapped);
    }

    @Override
    public void writeState(FacesContext context) throws IOException {
      super.writeState(context);
      UIViewRoot root = context.getViewRoot();
      if (isConsole(root) && !root.isTransient()) {
        ResponseWriter writer = context.getResponseWriter();
        writer.startElement("input", null);
        writer.writeAttribute("type", "hidden", null);
        writer.writeAttribute("name", Constants.RequestParams.NONCE_PARAM, null);
        writer.writeAttribute("value", PrimeFacesContext.getCspState(context).getNonce(), null);
        writer.endElement("input");
      }
    }
  }
}
