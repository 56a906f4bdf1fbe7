package org.tribune.web.console.media;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.tribune.articles.api.InUseException;
import org.tribune.articles.api.MediaDescription;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaLimits;
import org.tribune.articles.api.MediaService;
import org.tribune.articles.api.MediaUse;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.UploadToken;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.security.Staff;
import org.tribune.web.site.Branding;
import org.tribune.web.site.SiteSettings;
import org.tribune.web.site.StoredSettings;

/**
 * Backs {@code /admin/media/edit?id=}: one image of the library, its description (text alternative,
 * caption, credit, focal point), the articles showing it, a new file for it, and its deletion — at
 * once when no article shows it, else after a confirmation naming those articles.
 */
@Named
@ViewScoped
public class MediaEditBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private MediaService media;
  @Inject private Staff staff;
  @Inject private ConsoleMessages messages;
  @Inject private SiteSettings site;
  @Inject private StoredSettings stored;

  private Long id;
  private MediaItem item;
  private List<MediaUse> uses = List.of();
  private List<UploadResult> report;
  private String alt;
  private String caption;
  private String credit;
  private Integer focalX;
  private Integer focalY;
  private boolean confirmingDelete;

  /** Reads the item; an unknown one answers 404. */
  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces.isPostback()) {
      return;
    }
    Optional<MediaItem> found = id == null ? Optional.empty() : media.find(id);
    if (found.isEmpty()) {
      faces.getExternalContext().responseSendError(404, messages.get("media.not-found"));
      faces.responseComplete();
      return;
    }
    show(found.get());
    HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
    report = MediaUploadServlet.takeReport(request);
    if ("token".equals(request.getParameter("refused"))) {
      messages.error("media.upload.token");
    }
  }

  private void show(MediaItem shown) {
    item = shown;
    alt = shown.alt();
    caption = shown.caption();
    credit = shown.credit();
    focalX = shown.focalX() == null ? null : (int) Math.round(shown.focalX() * 100);
    focalY = shown.focalY() == null ? null : (int) Math.round(shown.focalY() * 100);
    uses = media.uses(shown.id());
  }

  public void save() {
    if (item == null || !mayEdit()) {
      messages.error("media.not-allowed");
      return;
    }
    if ((focalX == null) != (focalY == null)) {
      messages.error("media.focal.both");
      return;
    }
    try {
      MediaItem saved =
          media.describe(
              item.id(),
              new MediaDescription(
                  alt,
                  caption,
                  credit,
                  focalX == null ? null : focalX / 100.0,
                  focalY == null ? null : focalY / 100.0));
      staff.audit(AuditAction.MEDIA_DESCRIBED, "media " + saved.id(), saved.originalName());
      show(saved);
      messages.info(saved.usable() ? "media.saved" : "media.saved-without-alt");
    } catch (ConstraintViolationException | IllegalArgumentException e) {
      messages.error("media.invalid");
    }
  }

  /** The first press of « Supprimer »: deletes an unused image, else asks for confirmation. */
  public String delete() {
    return delete(false);
  }

  /** « Supprimer quand même »: the articles listed lose the image. */
  public String deleteEvenIfUsed() {
    return delete(true);
  }

  private String delete(boolean evenIfUsed) {
    if (item == null || !staff.isEditor()) {
      messages.error("media.not-allowed");
      return null;
    }
    boolean logo = isLogo();
    if (logo && !evenIfUsed) {
      // The site's logo is a use too: say so before the header and the tab icon lose it.
      uses = media.uses(item.id());
      confirmingDelete = true;
      return null;
    }
    try {
      media.delete(item.id(), evenIfUsed);
    } catch (InUseException e) {
      uses = media.uses(item.id());
      confirmingDelete = true;
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (logo) {
      stored.put(Branding.LOGO, null, staff.getEmail());
      site.refresh();
    }
    staff.audit(
        AuditAction.MEDIA_DELETED,
        "media " + item.id(),
        item.originalName() + (uses.isEmpty() ? "" : " (" + uses.size() + " articles)"));
    messages.keepAcrossRedirect();
    messages.info("media.deleted", item.originalName());
    return "/admin/media?faces-redirect=true";
  }

  /** Whether the image is the site's logo (Apparence): a use that no article lists. */
  public boolean isLogo() {
    return item != null && Long.valueOf(item.id()).equals(site.getBranding().logoId());
  }

  public void cancelDelete() {
    confirmingDelete = false;
  }

  public boolean mayEdit() {
    return item != null && MediaLibraryBacking.mayEdit(staff, item);
  }

  public boolean mayDelete() {
    return item != null && staff.isEditor();
  }

  public String getToken() {
    HttpServletRequest request =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    return UploadToken.of(request);
  }

  public int getAltLength() {
    return MediaLimits.ALT_LENGTH;
  }

  public int getCaptionLength() {
    return MediaLimits.CAPTION_LENGTH;
  }

  public int getCreditLength() {
    return MediaLimits.CREDIT_LENGTH;
  }

  public MediaItem getItem() {
    return item;
  }

  public List<MediaUse> getUses() {
    return uses;
  }

  public List<UploadResult> getReport() {
    return report;
  }

  public boolean isConfirmingDelete() {
    return confirmingDelete;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getAlt() {
    return alt;
  }

  public void setAlt(String alt) {
    this.alt = alt;
  }

  public String getCaption() {
    return caption;
  }

  public void setCaption(String caption) {
    this.caption = caption;
  }

  public String getCredit() {
    return credit;
  }

  public void setCredit(String credit) {
    this.credit = credit;
  }

  public Integer getFocalX() {
    return focalX;
  }

  public void setFocalX(Integer focalX) {
    this.focalX = focalX;
  }

  public Integer getFocalY() {
    return focalY;
  }

  public void setFocalY(Integer focalY) {
    this.focalY = focalY;
  }
}
