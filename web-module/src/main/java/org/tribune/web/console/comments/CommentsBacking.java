package org.tribune.web.console.comments;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.tribune.comments.api.Ban;
import org.tribune.comments.api.CommentRejectedException;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.ModeratedComment;
import org.tribune.comments.api.ModerationFilter;
import org.tribune.comments.api.ModerationPage;
import org.tribune.comments.api.ModerationService;
import org.tribune.comments.api.Sanction;
import org.tribune.web.console.ArticleTitles;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.security.Staff;
import org.tribune.web.discussion.FormErrors;
import org.tribune.web.site.SiteSettings;

/**
 * Backs {@code /admin/comments.xhtml}: one queue at a time ({@code ?status=PENDING} by default,
 * {@code &article=} to keep one article's), filtered by text, author and e-mail, read a page at a
 * time; decisions on the ticked comments or on one; a staff member's edit of a comment or reply
 * under it; sanctions on an author (suspended or watched, for a while or for good, with a reason)
 * from a comment's row or by e-mail address, and their list; and export or erasure of everything
 * written with an e-mail address. Every decision is written to the audit log.
 */
@Named
@ViewScoped
public class CommentsBacking implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,190}$");
  static final int FILTER_LENGTH = 200;

  @Inject private ModerationService moderation;
  @Inject private CommentService comments;
  @Inject private ArticleTitles titles;
  @Inject private Staff staff;
  @Inject private ConsoleMessages messages;
  @Inject private SiteSettings site;

  private String statusParameter;
  private String articleParameter;
  private CommentStatus status = CommentStatus.PENDING;
  private Long articleId;
  private String text;
  private String author;
  private String email;
  private Map<CommentStatus, Long> counts;
  private List<ModeratedComment> selected = new ArrayList<>();
  private final Map<Long, String> articleTitles = new HashMap<>();

  private Long editedId;
  private String editedBody;
  private Long answeredId;
  private String replyBody;
  private String banEmail;
  private Ban.Effect banEffect = Ban.Effect.SUSPENDED;
  private SanctionLength banLength = SanctionLength.FOREVER;
  private String banReason;

  private Long sanctionedId;
  private String sanctionedEmail;
  private String sanctionedHash;
  private boolean sanctionOnEmail;
  private boolean sanctionOnAddress;
  private Ban.Effect sanctionEffect = Ban.Effect.SUSPENDED;
  private SanctionLength sanctionLength = SanctionLength.WEEK;
  private String sanctionReason;
  private String privacyEmail;

  private final LazyDataModel<ModeratedComment> rows =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return (int) Math.min(Integer.MAX_VALUE, moderation.queue(filter(), 1, 1).total());
        }

        @Override
        public List<ModeratedComment> load(
            int first, int size, Map<String, SortMeta> sortBy, Map<String, FilterMeta> f) {
          ModerationPage page = moderation.queue(filter(), first / size + 1, size);
          titles(page.items());
          return page.items();
        }

        @Override
        public String getRowKey(ModeratedComment comment) {
          return Long.toString(comment.id());
        }

        @Override
        public ModeratedComment getRowData(String rowKey) {
          try {
            return moderation.find(Long.parseLong(rowKey)).orElse(null);
          } catch (NumberFormatException e) {
            return null;
          }
        }
      };

  /** Reads {@code ?status=} and {@code ?article=}; unknown values fall back to the defaults. */
  public void load() {
    if (statusParameter != null) {
      try {
        status = CommentStatus.valueOf(statusParameter.strip().toUpperCase());
      } catch (IllegalArgumentException e) {
        status = CommentStatus.PENDING;
      }
    }
    articleId = null;
    if (articleParameter != null) {
      try {
        long id = Long.parseLong(articleParameter.strip());
        articleId = id > 0 ? id : null;
      } catch (NumberFormatException e) {
        articleId = null;
      }
    }
  }

  private ModerationFilter filter() {
    return new ModerationFilter(status, articleId, cut(text), cut(author), cut(email));
  }

  private static String cut(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String clean = value.strip();
    return clean.length() > FILTER_LENGTH ? clean.substring(0, FILTER_LENGTH) : clean;
  }

  private void titles(List<ModeratedComment> items) {
    Set<Long> ids = new HashSet<>();
    for (ModeratedComment comment : items) {
      if (!articleTitles.containsKey(comment.articleId())) {
        ids.add(comment.articleId());
      }
    }
    articleTitles.putAll(titles.of(ids));
  }

  // ----- decisions -----

  public void approveSelected() {
    decide(CommentStatus.APPROVED);
  }

  public void spamSelected() {
    decide(CommentStatus.SPAM);
  }

  public void trashSelected() {
    decide(CommentStatus.TRASH);
  }

  public void deleteSelected() {
    if (!allowed()) {
      return;
    }
    List<Long> ids = selectedIds();
    if (ids.isEmpty()) {
      messages.error("moderation.none-selected");
      return;
    }
    int done = moderation.deleteForGood(ids);
    staff.audit(AuditAction.COMMENTS_DELETED, "comments " + ids, null);
    messages.info("moderation.deleted", done);
    afterChange();
  }

  /** One comment's decision, from its row. */
  public void decideOne(long commentId, CommentStatus decision) {
    if (!allowed()) {
      return;
    }
    int done = moderation.moderate(List.of(commentId), decision);
    staff.audit(AuditAction.COMMENTS_MODERATED, "comment " + commentId, decision.name());
    messages.info("moderation.moved", done, messages.get("moderation.tab." + decision));
    afterChange();
  }

  private void decide(CommentStatus decision) {
    if (!allowed()) {
      return;
    }
    List<Long> ids = selectedIds();
    if (ids.isEmpty()) {
      messages.error("moderation.none-selected");
      return;
    }
    int done = moderation.moderate(ids, decision);
    staff.audit(AuditAction.COMMENTS_MODERATED, "comments " + ids, decision.name());
    messages.info("moderation.moved", done, messages.get("moderation.tab." + decision));
    afterChange();
  }

  private List<Long> selectedIds() {
    List<Long> ids = new ArrayList<>();
    for (ModeratedComment comment : selected == null ? List.<ModeratedComment>of() : selected) {
      if (comment != null && ids.size() < ModerationService.MAX_BULK) {
        ids.add(comment.id());
      }
    }
    return ids;
  }

  private void afterChange() {
    selected = new ArrayList<>();
    counts = null;
  }

  private boolean allowed() {
    if (!staff.isModerator()) {
      messages.error("error.forbidden.text");
      return false;
    }
    return true;
  }

  // ----- editing and replying -----

  public void startEdit(long commentId) {
    answeredId = null;
    sanctionedId = null;
    moderation
        .find(commentId)
        .ifPresent(
            comment -> {
              editedId = comment.id();
              editedBody = comment.body();
            });
  }

  public void saveEdit() {
    if (!allowed() || editedId == null) {
      return;
    }
    try {
      moderation.editBody(editedId, editedBody == null ? "" : editedBody);
      staff.audit(AuditAction.COMMENT_EDITED, "comment " + editedId, null);
      messages.info("moderation.edited");
      editedId = null;
      editedBody = null;
    } catch (CommentRejectedException e) {
      rejected(e);
    }
  }

  public void startReply(long commentId) {
    editedId = null;
    sanctionedId = null;
    answeredId = commentId;
    replyBody = null;
  }

  public void sendReply() {
    if (!allowed() || answeredId == null) {
      return;
    }
    try {
      long id =
          moderation.replyAsStaff(
              answeredId,
              staff.getDisplayName(),
              staff.getEmail(),
              replyBody == null ? "" : replyBody);
      staff.audit(AuditAction.COMMENT_REPLIED, "comment " + answeredId, "reply " + id);
      messages.info("moderation.replied");
      answeredId = null;
      replyBody = null;
      counts = null;
    } catch (CommentRejectedException e) {
      rejected(e);
    }
  }

  public void cancelPanel() {
    editedId = null;
    answeredId = null;
    sanctionedId = null;
  }

  private void rejected(CommentRejectedException e) {
    for (CommentRejectedException.Reason reason : e.reasons()) {
      messages.errorText(site.messages().getString(FormErrors.key(reason)));
    }
  }

  /** The site path of a comment's author's history: by e-mail address, else by address hash. */
  public String historyLink(ModeratedComment comment) {
    return comment.authorEmail() != null && !comment.authorEmail().isBlank()
        ? "/admin/comments/author?email="
            + URLEncoder.encode(comment.authorEmail(), StandardCharsets.UTF_8)
        : "/admin/comments/author?address=" + comment.addressHash();
  }

  // ----- the editorial team's selection -----

  /** Puts an approved comment in the selection (« Sélection de la rédaction »), or takes it out. */
  public void feature(long commentId, boolean featured) {
    if (!allowed()) {
      return;
    }
    try {
      if (featured) {
        moderation.feature(commentId, staff.getEmail());
      } else {
        moderation.unfeature(commentId);
      }
    } catch (CommentRejectedException refused) {
      messages.errorText(site.messages().getString(FormErrors.key(refused.reason())));
      return;
    }
    staff.audit(
        featured ? AuditAction.COMMENT_FEATURED : AuditAction.COMMENT_UNFEATURED,
        "comment " + commentId,
        null);
    messages.info(
        featured ? "moderation.featured" : "moderation.unfeatured", Long.toString(commentId));
    afterChange();
  }

  // ----- sanctions -----

  /** Opens the sanction panel under the queue for the author of a comment (« Sanctionner »). */
  public void startSanction(long commentId) {
    editedId = null;
    answeredId = null;
    moderation
        .find(commentId)
        .filter(comment -> !comment.staff())
        .ifPresent(
            comment -> {
              sanctionedId = comment.id();
              sanctionedEmail = blankToNull(comment.authorEmail());
              sanctionedHash = blankToNull(comment.addressHash());
              sanctionOnEmail = sanctionedEmail != null;
              sanctionOnAddress = sanctionedHash != null;
              sanctionEffect = Ban.Effect.SUSPENDED;
              sanctionLength = SanctionLength.WEEK;
              sanctionReason = null;
            });
  }

  /**
   * Sanctions the author of the comment the panel is open for, on the addresses ticked. The
   * addresses are read again from the comment, never from the form, so that a forged request cannot
   * name someone else.
   */
  public void applySanction() {
    if (!allowed() || sanctionedId == null) {
      return;
    }
    Optional<ModeratedComment> found = moderation.find(sanctionedId).filter(c -> !c.staff());
    if (found.isEmpty()) {
      messages.error("moderation.sanction.gone");
      sanctionedId = null;
      return;
    }
    ModeratedComment comment = found.get();
    String address = sanctionOnEmail ? blankToNull(comment.authorEmail()) : null;
    String hash = sanctionOnAddress ? blankToNull(comment.addressHash()) : null;
    if (address == null && hash == null) {
      messages.error("moderation.sanction.no-address");
      return;
    }
    if (sanction(sanctionEffect, address, hash, sanctionLength, sanctionReason, comment.id())) {
      sanctionedId = null;
      sanctionReason = null;
    }
  }

  /** « Sanctionner » at the bottom of the page: an e-mail address typed by the moderator. */
  public void addEmailBan() {
    if (!allowed()) {
      return;
    }
    String address = banEmail == null ? "" : banEmail.strip();
    if (!EMAIL.matcher(address).matches() || address.length() > 254) {
      messages.error("moderation.email.invalid");
      return;
    }
    if (sanction(banEffect, address, null, banLength, banReason, null)) {
      banEmail = null;
      banReason = null;
    }
  }

  /** Records a sanction, audits it and says so; {@code false} after saying why it was refused. */
  private boolean sanction(
      Ban.Effect effect,
      String address,
      String hash,
      SanctionLength length,
      String reason,
      Long commentId) {
    Ban.Effect chosenEffect = effect == null ? Ban.Effect.SUSPENDED : effect;
    SanctionLength chosenLength = length == null ? SanctionLength.FOREVER : length;
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    if (why != null && why.length() > Sanction.REASON_LENGTH) {
      messages.error("moderation.sanction.reason.too-long", Sanction.REASON_LENGTH);
      return false;
    }
    List<Ban> bans;
    try {
      bans =
          moderation.sanction(
              new Sanction(chosenEffect, address, hash, chosenLength.duration(), why, commentId));
    } catch (CommentRejectedException e) {
      rejected(e);
      return false;
    } catch (IllegalArgumentException | ConstraintViolationException e) {
      messages.error("moderation.sanction.invalid");
      return false;
    }
    List<String> who = new ArrayList<>();
    if (address != null) {
      who.add(address);
    }
    if (hash != null) {
      who.add("address " + hash);
    }
    staff.audit(
        AuditAction.SANCTION_ADDED,
        String.join(", ", who),
        chosenEffect
            + " "
            + (chosenLength.duration() == null ? "for good" : chosenLength.duration().toString())
            + (commentId == null ? "" : ", comment " + commentId));
    Instant until = bans.isEmpty() ? null : bans.get(0).expiresAt();
    messages.info(
        "moderation.sanctioned." + chosenEffect,
        who.size(),
        until == null
            ? messages.get("moderation.sanction.forever")
            : messages.format("moderation.sanction.until", site.dateTime(until)));
    return true;
  }

  public void unban(long banId) {
    if (!allowed()) {
      return;
    }
    moderation.unban(banId);
    staff.audit(AuditAction.BAN_REMOVED, "ban " + banId, null);
    messages.info("moderation.unbanned");
  }

  /** Every sanction, newest first, expired ones included. */
  public List<Ban> getBans() {
    return moderation.bans();
  }

  /** Whether a sanction still applies now (an expired one stays listed, marked « expirée »). */
  public boolean active(Ban ban) {
    return ban.activeAt(Instant.now());
  }

  /** An address hash as the list shows it: its first 16 digits (the whole one in a tooltip). */
  public String shortHash(String hash) {
    return hash == null || hash.length() <= 16 ? hash : hash.substring(0, 16) + "…";
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }

  // ----- a commenter's personal data -----

  /** Sends everything stored about an e-mail address's comments as a JSON download. */
  public void exportPersonalData() throws IOException {
    Optional<String> address = privacyAddress();
    if (!allowed() || address.isEmpty()) {
      return;
    }
    String json = comments.exportByEmail(address.get());
    staff.audit(AuditAction.COMMENTER_EXPORTED, address.get(), null);
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext external = faces.getExternalContext();
    external.responseReset();
    external.setResponseContentType("application/json;charset=UTF-8");
    external.setResponseHeader(
        "Content-Disposition", "attachment; filename=\"tribune-commentaires.json\"");
    external.setResponseHeader("Cache-Control", "no-store");
    external.getResponseOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    faces.responseComplete();
  }

  public void erasePersonalData() {
    Optional<String> address = privacyAddress();
    if (!allowed() || address.isEmpty()) {
      return;
    }
    int erased = comments.eraseByEmail(address.get());
    staff.audit(AuditAction.COMMENTER_ERASED, address.get(), erased + " comment(s)");
    messages.info("moderation.erased", erased, address.get());
    privacyEmail = null;
    counts = null;
  }

  private Optional<String> privacyAddress() {
    String address = privacyEmail == null ? "" : privacyEmail.strip();
    if (!EMAIL.matcher(address).matches() || address.length() > 254) {
      messages.error("moderation.email.invalid");
      return Optional.empty();
    }
    return Optional.of(address);
  }

  // ----- what the page shows -----

  public LazyDataModel<ModeratedComment> getRows() {
    return rows;
  }

  public Map<CommentStatus, Long> getCounts() {
    if (counts == null) {
      counts = moderation.countByStatus();
    }
    return counts;
  }

  public CommentStatus[] getStatuses() {
    return CommentStatus.values();
  }

  public String articleTitle(long id) {
    return articleTitles.getOrDefault(id, "#" + id);
  }

  public boolean isShowingArticle() {
    return articleId != null;
  }

  public String getArticleTitle() {
    if (articleId == null) {
      return null;
    }
    titlesOf(articleId);
    return articleTitle(articleId);
  }

  private void titlesOf(long id) {
    if (!articleTitles.containsKey(id)) {
      articleTitles.putAll(titles.of(Set.of(id)));
    }
  }

  public String getStatusParameter() {
    return statusParameter;
  }

  public void setStatusParameter(String statusParameter) {
    this.statusParameter = statusParameter;
  }

  public String getArticleParameter() {
    return articleParameter;
  }

  public void setArticleParameter(String articleParameter) {
    this.articleParameter = articleParameter;
  }

  public CommentStatus getStatus() {
    return status;
  }

  public Long getArticleId() {
    return articleId;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }

  public String getAuthor() {
    return author;
  }

  public void setAuthor(String author) {
    this.author = author;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public List<ModeratedComment> getSelected() {
    return selected;
  }

  public void setSelected(List<ModeratedComment> selected) {
    this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
  }

  public Long getEditedId() {
    return editedId;
  }

  public String getEditedBody() {
    return editedBody;
  }

  public void setEditedBody(String editedBody) {
    this.editedBody = editedBody;
  }

  public Long getAnsweredId() {
    return answeredId;
  }

  public String getReplyBody() {
    return replyBody;
  }

  public void setReplyBody(String replyBody) {
    this.replyBody = replyBody;
  }

  public String getBanEmail() {
    return banEmail;
  }

  public void setBanEmail(String banEmail) {
    this.banEmail = banEmail;
  }

  public String getPrivacyEmail() {
    return privacyEmail;
  }

  public void setPrivacyEmail(String privacyEmail) {
    this.privacyEmail = privacyEmail;
  }

  public Ban.Effect getBanEffect() {
    return banEffect;
  }

  public void setBanEffect(Ban.Effect banEffect) {
    this.banEffect = banEffect;
  }

  public SanctionLength getBanLength() {
    return banLength;
  }

  public void setBanLength(SanctionLength banLength) {
    this.banLength = banLength;
  }

  public String getBanReason() {
    return banReason;
  }

  public void setBanReason(String banReason) {
    this.banReason = banReason;
  }

  public Ban.Effect[] getEffects() {
    return Ban.Effect.values();
  }

  public SanctionLength[] getLengths() {
    return SanctionLength.values();
  }

  public int getReasonLength() {
    return Sanction.REASON_LENGTH;
  }

  public Long getSanctionedId() {
    return sanctionedId;
  }

  public String getSanctionedEmail() {
    return sanctionedEmail;
  }

  public String getSanctionedHash() {
    return sanctionedHash;
  }

  public boolean isSanctionOnEmail() {
    return sanctionOnEmail;
  }

  public void setSanctionOnEmail(boolean sanctionOnEmail) {
    this.sanctionOnEmail = sanctionOnEmail;
  }

  public boolean isSanctionOnAddress() {
    return sanctionOnAddress;
  }

  public void setSanctionOnAddress(boolean sanctionOnAddress) {
    this.sanctionOnAddress = sanctionOnAddress;
  }

  public Ban.Effect getSanctionEffect() {
    return sanctionEffect;
  }

  public void setSanctionEffect(Ban.Effect sanctionEffect) {
    this.sanctionEffect = sanctionEffect;
  }

  public SanctionLength getSanctionLength() {
    return sanctionLength;
  }

  public void setSanctionLength(SanctionLength sanctionLength) {
    this.sanctionLength = sanctionLength;
  }

  public String getSanctionReason() {
    return sanctionReason;
  }

  public void setSanctionReason(String sanctionReason) {
    this.sanctionReason = sanctionReason;
  }
}
