package org.tribune.web.console.articles;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.tribune.articles.api.ArticleNotFoundException;
import org.tribune.articles.api.Featured;
import org.tribune.articles.api.FrontPageService;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.security.Staff;
import org.tribune.web.site.SiteSettings;

/**
 * The editor's « À la une » card (editors and administrators): puts the article on the front page
 * with a position (1: the lead story) and an optional end in the site's time zone, or takes it off.
 * Saved at once, on its own form; the page cache is emptied as for any console change.
 */
@Named
@ViewScoped
public class FrontPageBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private ArticleEditBacking editor;
  @Inject private FrontPageService frontPage;
  @Inject private Staff staff;
  @Inject private ConsoleMessages messages;
  @Inject private SiteSettings site;

  private boolean loaded;
  private boolean featured;
  private String position;
  private String until;

  private void load() {
    if (loaded || editor.getId() == null) {
      return;
    }
    loaded = true;
    Optional<Featured> place = frontPage.place(editor.getId());
    featured = place.isPresent();
    position = place.map(p -> Integer.toString(p.position())).orElse("1");
    until =
        place
            .map(Featured::until)
            .map(u -> ArticleEditBacking.LOCAL_INPUT.format(u.atZone(site.getZone())))
            .orElse("");
  }

  /** Saves the card: on the front page (with its place) or off it. */
  public void save() {
    Long id = editor.getId();
    if (!staff.isEditor() || id == null) {
      messages.error("error.forbidden.text");
      return;
    }
    if (!featured) {
      frontPage.unfeature(id);
      staff.audit(AuditAction.FRONT_PAGE_CHANGED, "article:" + id, "off");
      messages.info("front-page.removed");
      return;
    }
    int place;
    try {
      place = Integer.parseInt(position == null ? "" : position.strip());
    } catch (NumberFormatException e) {
      place = 0;
    }
    if (place < 1 || place > Featured.MAX_POSITION) {
      messages.error("front-page.position.invalid", Featured.MAX_POSITION);
      return;
    }
    Instant end = null;
    if (until != null && !until.isBlank()) {
      try {
        end = ArticleEditBacking.fromLocalInput(until, site.getZone());
      } catch (DateTimeParseException e) {
        messages.error("front-page.until.invalid");
        return;
      }
      if (!end.isAfter(Instant.now())) {
        messages.error("front-page.until.past");
        return;
      }
    }
    try {
      frontPage.feature(id, place, end);
    } catch (ArticleNotFoundException e) {
      messages.error("front-page.gone");
      return;
    }
    staff.audit(
        AuditAction.FRONT_PAGE_CHANGED,
        "article:" + id,
        "position " + place + (end == null ? "" : ", until " + end));
    messages.info("front-page.saved");
  }

  public boolean isFeatured() {
    load();
    return featured;
  }

  public void setFeatured(boolean featured) {
    load();
    this.featured = featured;
  }

  public String getPosition() {
    load();
    return position;
  }

  public void setPosition(String position) {
    this.position = position;
  }

  public String getUntil() {
    load();
    return until;
  }

  public void setUntil(String until) {
    this.until = until;
  }
}
