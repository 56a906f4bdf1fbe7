package org.tribune.web.discussion;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import org.tribune.web.site.PageMeta;
import org.tribune.web.site.SiteSettings;

/** Backs {@code subscription.xhtml}, rendered by {@link SubscriptionServlet}. */
@Named
@RequestScoped
public class SubscriptionBacking {
  @Inject private PageMeta meta;
  @Inject private SiteSettings site;

  private String action;
  private String token;
  private String outcome;

  public void load() {
    Map<String, Object> attributes =
        FacesContext.getCurrentInstance().getExternalContext().getRequestMap();
    action = (String) attributes.get(SubscriptionServlet.ACTION);
    token = (String) attributes.get(SubscriptionServlet.TOKEN);
    outcome = (String) attributes.get(SubscriptionServlet.OUTCOME);
    meta.setTitle(
        site.messages().getString("subscription." + action + ".title") + " – " + site.getName());
    meta.setIndexable(false);
    meta.setCanonicalPath("/comments/subscriptions/" + action);
  }

  public String getAction() {
    return action;
  }

  public String getToken() {
    return token;
  }

  public String getOutcome() {
    return outcome;
  }
}
