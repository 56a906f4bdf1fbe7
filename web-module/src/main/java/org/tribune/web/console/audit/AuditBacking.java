package org.tribune.web.console.audit;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * Backs {@code /admin/audit.xhtml} (administrators): the audit log, newest first, filtered by
 * actor, action and text, read a page at a time from the database.
 */
@Named
@ViewScoped
public class AuditBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private AuditLog audit;

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
