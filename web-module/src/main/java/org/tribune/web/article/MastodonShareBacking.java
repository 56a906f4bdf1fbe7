package org.tribune.web.article;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.tribune.web.site.Links;
import org.tribune.web.site.PageMeta;
import org.tribune.web.site.SiteSettings;

/**
 * Backs {@code /share/mastodon}: Mastodon has no central server, so the reader names an instance
 * and is sent to its share page. Plain GET form, no script, nothing stored.
 */
@Named
@RequestScoped
public class MastodonShareBacking {
  private static final Pattern HOST =
      Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

  @Inject private PageMeta meta;
  @Inject private SiteSettings site;
  @Inject private Links links;

  private String text;
  private String instance;
  private boolean invalid;

  public void load() {
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    text = external.getRequestParameterMap().getOrDefault("text", "");
    if (text.length() > 1000) {
      text = text.substring(0, 1000);
    }
    instance = external.getRequestParameterMap().get("instance");
    meta.setTitle(site.messages().getString("share.mastodon.title") + " – " + site.getName());
    meta.setDescription(site.messages().getString("share.mastodon.title"));
    meta.setCanonicalPath("/share/mastodon");
    meta.setIndexable(false);
    if (instance == null) {
      return;
    }
    String host = normalize(instance);
    if (host == null) {
      invalid = true;
      return;
    }
    try {
      external.redirect("https://" + host + "/share?text=" + links.encode(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The host name of an instance as typed ("mastodon.social", "https://Mamot.fr/"), or null. */
  static String normalize(String typed) {
    String host = typed.strip().toLowerCase(Locale.ROOT);
    host =
        host.replaceFirst("^https?://", "").replaceFirst("/.*$", "").replaceFirst("^@?[^@]*@", "");
    return HOST.matcher(host).matches() ? host : null;
  }

  public String getText() {
    return text;
  }

  public String getInstance() {
    return instance;
  }

  public boolean isInvalid() {
    return invalid;
  }
}
