package org.tribune.web.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.tribune.web.site.SiteSettings;

/**
 * The console's texts ({@code org.tribune.web.i18n.console}, French by default), in the site's
 * language, for Java code; pages read the same bundle as {@code #{con[...]}}.
 */
@ApplicationScoped
public class ConsoleMessages {
  public static final String BUNDLE = "org.tribune.web.i18n.console";

  @Inject private SiteSettings site;

  public ResourceBundle bundle() {
    return ResourceBundle.getBundle(BUNDLE, site.getLocale());
  }

  public String get(String key) {
    return bundle().getString(key);
  }

  public String format(String key, Object... arguments) {
    return new MessageFormat(get(key), site.getLocale()).format(arguments);
  }

  /** Keeps this request's messages for the page after a redirect. */
  public void keepAcrossRedirect() {
    FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
  }

  /** Adds a message for the whole page. */
  public void info(String key, Object... arguments) {
    add(FacesMessage.SEVERITY_INFO, key, arguments);
  }

  public void error(String key, Object... arguments) {
    add(FacesMessage.SEVERITY_ERROR, key, arguments);
  }

  /** Adds an error already in the user's language (from another bundle). */
  public void errorText(String text) {
    FacesContext.getCurrentInstance()
        .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
  }

  private void add(FacesMessage.Severity severity, String key, Object... arguments) {
    FacesContext faces = FacesContext.getCurrentInstance();
    String text = arguments.length == 0 ? get(key) : format(key, arguments);
    faces.addMessage(null, new FacesMessage(severity, text, null));
  }
}
