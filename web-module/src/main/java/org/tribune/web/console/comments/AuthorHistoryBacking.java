package org.tribune.web.console.comments;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.tribune.comments.api.AuthorHistory;
import org.tribune.comments.api.Ban;
import org.tribune.comments.api.ModerationService;
import org.tribune.web.console.ArticleTitles;
import org.tribune.web.console.ConsoleMessages;

/**
 * {@code /admin/comments/author?email=…} or {@code ?address=…}: what the staff know of one author
 * (their comments in every status, the reports against them and the decisions on those, the
 * sanctions on their addresses), before deciding on them. Read only: the actions stay on the
 * comments and reports pages.
 */
@Named
@RequestScoped
public class AuthorHistoryBacking {
  @Inject private ModerationService moderation;
  @Inject private ArticleTitles titles;
  @Inject private ConsoleMessages messages;

  private String email;
  private String address;
  private AuthorHistory history;
  private Map<Long, String> articleTitles = Map.of();

  public void load() {
    try {
      history = moderation.history(email, address);
    } catch (IllegalArgumentException e) {
      messages.error("author.unknown");
      return;
    }
    articleTitles =
        titles.of(
            Stream.concat(
                    history.comments().stream().map(c -> c.articleId()),
                    history.decisions().stream().map(d -> d.articleId()))
                .collect(Collectors.toSet()));
  }

  public AuthorHistory getHistory() {
    return history;
  }

  public String articleTitle(long id) {
    return articleTitles.getOrDefault(id, "#" + id);
  }

  public boolean active(Ban ban) {
    return ban.activeAt(Instant.now());
  }

  /** Who the page is about, as a heading shows it. */
  public String getWho() {
    if (history == null) {
      return "";
    }
    return history.email() != null ? history.email() : history.addressHash().substring(0, 16) + "…";
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }
}
