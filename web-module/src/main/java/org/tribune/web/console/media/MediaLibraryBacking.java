package org.tribune.web.console.media;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaPage;
import org.tribune.articles.api.MediaService;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.UploadToken;
import org.tribune.web.console.security.Staff;

/**
 * Backs {@code /admin/media} (« Médiathèque »): the upload form, what the last upload did, and one
 * page of the library, as a grid or a list, searched by text. Everything is in the address ({@code
 * ?q=&page=&view=list}), so a page of results can be kept or sent.
 */
@Named
@RequestScoped
public class MediaLibraryBacking {
  static final int PAGE_SIZE = 48;
  private static final int LONGEST_QUERY = 200;

  @Inject private MediaService media;
  @Inject private Staff staff;
  @Inject private ConsoleMessages messages;
  @Inject private HttpServletRequest request;

  private String query;
  private int page = 1;
  private String view = "grid";
  private MediaPage found;
  private List<UploadResult> report;

  /** Whether this staff member may change (describe, give a new file) this item. */
  static boolean mayEdit(Staff staff, MediaItem item) {
    return staff.isEditor()
        || (staff.isAuthor() && item.uploadedBy().equalsIgnoreCase(staff.getEmail()));
  }

  public void load() {
    if (query != null && query.length() > LONGEST_QUERY) {
      query = query.substring(0, LONGEST_QUERY);
    }
    page = Math.max(1, page);
    found = media.search(query, page - 1, PAGE_SIZE);
    report = MediaUploadServlet.takeReport(request);
  }

  public String getToken() {
    return UploadToken.of(request);
  }

  public List<MediaItem> getItems() {
    return found.items();
  }

  public long getTotal() {
    return found.total();
  }

  public int getPages() {
    return (int) Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  public List<UploadResult> getReport() {
    return report;
  }

  /** A refusal of the whole form ({@code ?refused=token}), in words, or null. */
  public String getRefusal() {
    return "token".equals(request.getParameter("refused"))
        ? messages.get("media.upload.token")
        : null;
  }

  public boolean isList() {
    return "list".equals(view);
  }

  /** The library's address for another page or view, the search kept. */
  public String address(int toPage, String toView) {
    StringBuilder address = new StringBuilder(request.getContextPath()).append("/admin/media?");
    if (query != null && !query.isBlank()) {
      address.append("q=").append(URLEncoder.encode(query, StandardCharsets.UTF_8)).append('&');
    }
    address.append("page=").append(toPage);
    if ("list".equals(toView)) {
      address.append("&view=list");
    }
    return address.toString();
  }

  public boolean mayEdit(MediaItem item) {
    return mayEdit(staff, item);
  }

  /** A file size in kilobytes or megabytes, in the console's language. */
  public String size(long bytes) {
    if (bytes < 1024 * 1024) {
      return messages.format("media.size.kb", Math.max(1, Math.round(bytes / 1024.0)));
    }
    return messages.format("media.size.mb", bytes / (1024.0 * 1024.0));
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = page;
  }

  public String getView() {
    return view;
  }

  public void setView(String view) {
    this.view = "list".equals(view) ? "list" : "grid";
  }
}
