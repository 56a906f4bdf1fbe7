package org.tribune.web.console.articles;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;
import org.tribune.articles.api.ArticleFilter;
import org.tribune.articles.api.ArticleOrder;
import org.tribune.articles.api.ArticleRow;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.Author;
import org.tribune.articles.api.AuthorService;
import org.tribune.articles.api.EditorialService;
import org.tribune.articles.api.Page;
import org.tribune.articles.api.SectionService;
import org.tribune.articles.api.SectionUsage;
import org.tribune.web.console.security.Staff;

/**
 * Backs {@code /admin/articles.xhtml}: articles filtered by status, section, author and title,
 * sorted by a column, read a page at a time (the database counts and pages, so 100 000 articles
 * cost what 50 do). An author who is not an editor sees only the articles they sign.
 */
@Named
@ViewScoped
public class ArticlesBacking implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject private EditorialService editorial;
  @Inject private SectionService sections;
  @Inject private AuthorService authors;
  @Inject private Staff staff;

  private String statusParameter;
  private ArticleStatus status;
  private Long sectionId;
  private Long authorId;
  private String text;
  private Map<ArticleStatus, Long> counts;
  private transient List<SectionUsage> sectionList;
  private transient List<Author> authorList;

  private final LazyDataModel<ArticleRow> rows =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;
        private ArticleOrder order = ArticleOrder.UPDATED_DESC;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          if (!isCanWrite()) {
            return 0;
          }
          return (int) Math.min(Integer.MAX_VALUE, editorial.list(filter(), order, 1, 1).total());
        }

        @Override
        public List<ArticleRow> load(
            int first, int size, Map<String, SortMeta> sortBy, Map<String, FilterMeta> f) {
          order = order(sortBy);
          if (!isCanWrite()) {
            return List.of();
          }
          Page<ArticleRow> page = editorial.list(filter(), order, first / size + 1, size);
          return page.items();
        }

        @Override
        public String getRowKey(ArticleRow row) {
          return Long.toString(row.id());
        }
      };

  static ArticleOrder order(Map<String, SortMeta> sortBy) {
    if (sortBy == null || sortBy.isEmpty()) {
      return ArticleOrder.UPDATED_DESC;
    }
    SortMeta sort = sortBy.values().iterator().next();
    boolean ascending = sort.getOrder() == SortOrder.ASCENDING;
    return switch (sort.getField()) {
      case "title" -> ascending ? ArticleOrder.TITLE_ASC : ArticleOrder.TITLE_DESC;
      case "publishedAt" -> ascending ? ArticleOrder.PUBLISHED_ASC : ArticleOrder.PUBLISHED_DESC;
      default -> ascending ? ArticleOrder.UPDATED_ASC : ArticleOrder.UPDATED_DESC;
    };
  }

  /** Reads {@code ?status=} (links from the dashboard); an unknown value shows every status. */
  public void load() {
    if (statusParameter != null) {
      try {
        status = ArticleStatus.valueOf(statusParameter.strip().toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        status = null;
      }
    }
  }

  public String getStatusParameter() {
    return statusParameter;
  }

  public void setStatusParameter(String statusParameter) {
    this.statusParameter = statusParameter;
  }

  private ArticleFilter filter() {
    Long author = staff.isEditor() ? authorId : staff.getAuthorId();
    return new ArticleFilter(status, sectionId, author, text, false);
  }

  public LazyDataModel<ArticleRow> getRows() {
    return rows;
  }

  /** How many articles each status holds, for the tabs. */
  public Map<ArticleStatus, Long> getCounts() {
    if (counts == null) {
      counts = editorial.countByStatus(false);
    }
    return counts;
  }

  public ArticleStatus[] getStatuses() {
    return ArticleStatus.values();
  }

  /** The filter's sections, read once per view. */
  public List<SectionUsage> getSections() {
    if (sectionList == null) {
      sectionList = sections.all();
    }
    return sectionList;
  }

  /** The filter's authors, read once per view. */
  public List<Author> getAuthors() {
    if (authorList == null) {
      authorList = authors.all();
    }
    return authorList;
  }

  /** Whether this staff member can write at all (an author needs an author profile). */
  public boolean isCanWrite() {
    return staff.isEditor() || staff.getAuthorId() != null;
  }

  public ArticleStatus getStatus() {
    return status;
  }

  public void setStatus(ArticleStatus status) {
    this.status = status;
  }

  public Long getSectionId() {
    return sectionId;
  }

  public void setSectionId(Long sectionId) {
    this.sectionId = sectionId;
  }

  public Long getAuthorId() {
    return authorId;
  }

  public void setAuthorId(Long authorId) {
    this.authorId = authorId;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text == null || text.length() <= 200 ? text : text.substring(0, 200);
  }
}
