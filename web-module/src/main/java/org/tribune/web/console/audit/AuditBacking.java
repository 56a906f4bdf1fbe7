package org.tribune.web.console.audit;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.site.SiteSettings;

/**
 * Backs {@code /admin/audit.xhtml} (administrators): the audit log, newest first, filtered by
 * actor, action and text, read a page at a time from the database.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private AuditLog audit;
  @Inject private ConsoleMessages messages;
  @Inject private SiteSettings site;

  /** Made again after the view is restored: bundles are not serialisable. */
  private transient AuditText shownAs;

  /** Each entry's showing, made once: the page asks for it in four cells of its row. */
  private transient Map<Long, AuditText.Shown> shown;

  private String actor;
  private AuditAction action;
  private String text;

  private final LazyDataModel<AuditEntry> entries =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return (int) Math.min(Integer.MAX_VALUE, audit.count(filter()));
        }

        @Override
        public List<AuditEntry> load(
            int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> f) {
          return audit.find(filter(), first, pageSize);
        }

        @Override
        public String getRowKey(AuditEntry entry) {
          return Long.toString(entry.id());
        }
      };

  private AuditFilter filter() {
    return new AuditFilter(actor, action, text, null, null);
  }

  /** An entry as the page shows it: in the console's language, with a link to what it names. */
  public AuditText.Shown shown(AuditEntry entry) {
    if (shown == null) {
      shown = new HashMap<>();
    }
    return shown.computeIfAbsent(entry.id(), id -> showing().show(entry));
  }

  private AuditText showing() {
    if (shownAs == null) {
      Locale language = site.getLocale();
      shownAs =
          new AuditText(
              messages.bundle(),
              ResourceBundle.getBundle("org.tribune.web.i18n.messages", language),
              language,
              FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath());
    }
    return shownAs;
  }

  public LazyDataModel<AuditEntry> getEntries() {
    return entries;
  }

  public AuditAction[] getActions() {
    return AuditAction.values();
  }

  public String getActor() {
    return actor;
  }

  public void setActor(String actor) {
    this.actor = actor;
  }

  public AuditAction getAction() {
    return action;
  }

  public void setAction(AuditAction action) {
    this.action = action;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
