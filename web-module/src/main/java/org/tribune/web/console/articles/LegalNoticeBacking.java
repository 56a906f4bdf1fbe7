package org.tribune.web.console.articles;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.regex.Pattern;
import org.tribune.articles.api.ConcurrentEditException;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.security.Staff;
import org.tribune.web.legal.LegalNotice;
import org.tribune.web.legal.LegalPages;

/**
 * Backs {@code /admin/pages/legal} (editors and administrators): the fields the <em>Mentions
 * légales</em> must give (LCEN art. 6-III). Saving stores them and writes the page again from its
 * template, as a new revision; a field too long or an e-mail address that is not one is refused,
 * and nothing is saved.
 */
@Named
@ViewScoped
public class LegalNoticeBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  @Inject private LegalPages legal;
  @Inject private Staff staff;
  @Inject private ConsoleMessages messages;

  private String publisherName;
  private String publisherForm;
  private String publisherAddress;
  private String publisherPhone;
  private String publisherEmail;
  private String director;
  private String hostName;
  private String hostAddress;
  private String hostPhone;
  private Long pageId;

  @PostConstruct
  void load() {
    LegalNotice notice = legal.notice();
    publisherName = notice.publisherName();
    publisherForm = notice.publisherForm();
    publisherAddress = notice.publisherAddress();
    publisherPhone = notice.publisherPhone();
    publisherEmail = notice.publisherEmail();
    director = notice.director();
    hostName = notice.hostName();
    hostAddress = notice.hostAddress();
    hostPhone = notice.hostPhone();
  }

  public void save() {
    if (!staff.isEditor()) {
      messages.error("error.forbidden.text");
      return;
    }
    LegalNotice notice =
        new LegalNotice(
            publisherName,
            publisherForm,
            publisherAddress,
            publisherPhone,
            publisherEmail,
            director,
            hostName,
            hostAddress,
            hostPhone);
    boolean valid = true;
    for (String value : notice.values()) {
      if (value.length() > LegalNotice.FIELD_LENGTH) {
        messages.error("legal.field.too-long", LegalNotice.FIELD_LENGTH);
        valid = false;
        break;
      }
    }
    if (!notice.publisherEmail().isEmpty() && !EMAIL.matcher(notice.publisherEmail()).matches()) {
      messages.error("legal.email.invalid");
      valid = false;
    }
    if (!valid) {
      return;
    }
    try {
      pageId = legal.saveNotice(notice, staff.getEmail());
    } catch (ConcurrentEditException e) {
      messages.error("legal.conflict");
      return;
    }
    staff.audit(AuditAction.LEGAL_NOTICE_SAVED, "page " + pageId, null);
    messages.info(notice.complete() ? "legal.saved" : "legal.saved-incomplete");
  }

  /** The page written, once saved (a link to its editor). */
  public Long getPageId() {
    return pageId;
  }

  public String getPublisherName() {
    return publisherName;
  }

  public void setPublisherName(String publisherName) {
    this.publisherName = publisherName;
  }

  public String getPublisherForm() {
    return publisherForm;
  }

  public void setPublisherForm(String publisherForm) {
    this.publisherForm = publisherForm;
  }

  public String getPublisherAddress() {
    return publisherAddress;
  }

  public void setPublisherAddress(String publisherAddress) {
    this.publisherAddress = publisherAddress;
  }

  public String getPublisherPhone() {
    return publisherPhone;
  }

  public void setPublisherPhone(String publisherPhone) {
    this.publisherPhone = publisherPhone;
  }

  public String getPublisherEmail() {
    return publisherEmail;
  }

  public void setPublisherEmail(String publisherEmail) {
    this.publisherEmail = publisherEmail;
  }

  public String getDirector() {
    return director;
  }

  public void setDirector(String director) {
    this.director = director;
  }

  public String getHostName() {
    return hostName;
  }

  public void setHostName(String hostName) {
    this.hostName = hostName;
  }

  public String getHostAddress() {
    return hostAddress;
  }

  public void setHostAddress(String hostAddress) {
    this.hostAddress = hostAddress;
  }

  public String getHostPhone() {
    return hostPhone;
  }

  public void setHostPhone(String hostPhone) {
    this.hostPhone = hostPhone;
  }
}
