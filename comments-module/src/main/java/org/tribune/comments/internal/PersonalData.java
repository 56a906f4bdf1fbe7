package org.tribune.comments.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tribune.comments.api.Report;

/**
 * What a commenter may ask about the data kept on them, by e-mail address: a copy (export) and its
 * erasure. Votes are not linked to an address and are neither exported nor erased; bans stay, as
 * the moderators' record.
 */
@ApplicationScoped
@Transactional
public class PersonalData {
  @Inject private CommentRepository repository;

  /**
   * Their comments (article, place in the thread, dates, status, name, website, text, score,
   * browser) and subscriptions, as JSON. Not included: the address hash and the edit token hash,
   * which are one-way hashes that identify nobody to them.
   */
  String export(String email, Instant now) {
    JsonArrayBuilder comments = Json.createArrayBuilder();
    JsonArrayBuilder subscriptions = Json.createArrayBuilder();
    JsonArrayBuilder reports = Json.createArrayBuilder();
    if (CommentInput.isEmail(email)) {
      for (Comment comment : repository.byEmail(email)) {
        JsonObjectBuilder json =
            Json.createObjectBuilder()
                .add("id", comment.getId())
                .add("articleId", comment.getArticleId())
                .add("createdAt", comment.getCreatedAt().toString())
                .add("status", comment.getStatus().name())
                .add("authorName", comment.getAuthorName())
                .add("body", comment.getBody())
                .add("score", comment.getScore());
        optional(json, "parentId", comment.getParentId());
        optional(json, "editedAt", comment.getEditedAt());
        optional(json, "website", comment.getWebsite());
        optional(json, "userAgent", comment.getUserAgent());
        comments.add(json);
      }
      for (Subscription subscription : repository.subscriptionsByEmail(email)) {
        subscriptions.add(
            Json.createObjectBuilder()
                .add("commentId", subscription.getCommentId())
                .add("confirmed", subscription.isConfirmed())
                .add("createdAt", subscription.getCreatedAt().toString()));
      }
      for (StoredReport stored : repository.reportsByEmail(email)) {
        Report report = stored.toReport();
        JsonObjectBuilder json =
            Json.createObjectBuilder()
                .add("commentId", report.commentId())
                .add("reason", report.reason().name())
                .add("goodFaith", report.goodFaith())
                .add("receivedAt", report.receivedAt().toString());
        optional(json, "category", report.category());
        optional(json, "explanation", report.explanation());
        optional(json, "reporterName", report.reporterName());
        reports.add(json);
      }
    }
    return Json.createObjectBuilder()
        .add("email", email)
        .add("exportedAt", now.toString())
        .add("comments", comments)
        .add("subscriptions", subscriptions)
        .add("reports", reports)
        .build()
        .toString();
  }

  private static void optional(JsonObjectBuilder json, String name, Object value) {
    if (value == null) {
      json.addNull(name);
    } else if (value instanceof Long number) {
      json.add(name, number);
    } else {
      json.add(name, value.toString());
    }
  }

  /**
   * Deletes their comments and subscriptions. A comment that has replies by others stays as an
   * anonymous tombstone (no name, address, text or hashes; status {@code TRASH}) so that the
   * replies keep their place under a placeholder; the others are deleted with their votes.
   *
   * @return how many of their comments were erased, deleted or made tombstones
   */
  int erase(String email) {
    if (email.isEmpty()) {
      return 0;
    }
    List<Comment> theirs = repository.byEmail(email);
    removeKeepingReplies(theirs);
    repository.deleteSubscriptionsByEmail(email);
    repository.forgetReporter(email);
    return theirs.size();
  }

  /**
   * Deletes comments with their votes and subscriptions, except those with a reply that stays
   * somewhere below: these become anonymous tombstones ({@link Comment#anonymise}), without
   * subscriptions, so that the replies keep their place under a placeholder.
   */
  void removeKeepingReplies(List<Comment> removed) {
    if (removed.isEmpty()) {
      return;
    }
    Set<Long> ids = new HashSet<>();
    Set<Long> roots = new HashSet<>();
    for (Comment comment : removed) {
      ids.add(comment.getId());
      roots.add(comment.getRootId());
    }
    List<Tombstones.Link> threads = new ArrayList<>();
    for (Comment comment : repository.ofThreads(roots)) {
      threads.add(new Tombstones.Link(comment.getId(), comment.getParentId()));
    }
    Set<Long> placeholders = Tombstones.placeholders(ids, threads);
    List<Long> deleted = new ArrayList<>();
    for (Comment comment : removed) {
      if (placeholders.contains(comment.getId())) {
        comment.anonymise();
      } else {
        deleted.add(comment.getId());
      }
    }
    repository.flush();
    repository.deleteSubscriptionsOf(placeholders);
    repository.deleteComments(deleted);
  }
}
