package org.tribune.comments.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tribune.comments.internal.mail.CommentMails;
import org.tribune.comments.internal.mail.Subscriber;

/**
 * Where a reply hangs and who is told of it: shared by readers' replies ({@link
 * DefaultCommentService}) and the editorial team's ({@link DefaultModerationService}), so that both
 * follow the same depth limit and notify subscribers the same way. Runs in its callers'
 * transactions.
 */
@ApplicationScoped
public class Replies {
  @Inject private CommentRepository repository;
  @Inject private EffectiveSettings settings;
  @Inject private CommentMails mails;

  /**
   * The comment a reply hangs under: the one answered, or, when that one is at the deepest level
   * already, its nearest ancestor above that level (or none: a new thread).
   */
  public Comment parentWithinDepth(Comment answered) {
    int maxDepth = settings.maxDepth();
    Comment parent = answered;
    while (parent != null && parent.getDepth() >= maxDepth) {
      parent = parent.getParentId() == null ? null : repository.find(parent.getParentId());
    }
    return parent;
  }

  /**
   * Tells the subscribers of the comment a reply answers (its parent, or the deeper comment it
   * answered when the depth limit hung it higher) that it has just become approved, and those of
   * the comments it quotes that it quotes them, once. An address hears of it once, as the answered
   * comment's subscriber first.
   */
  public void notifyApproved(Comment reply) {
    if (!reply.markRepliesNotified()) {
      return;
    }
    Set<String> told = new HashSet<>();
    if (reply.getAnsweredId() != null) {
      List<Subscriber> answered =
          repository.confirmedSubscriptions(reply.getAnsweredId()).stream()
              .map(Subscription::toSubscriber)
              .toList();
      mails.replyApproved(reply.toMail(), answered);
      answered.forEach(s -> told.add(s.email()));
    }
    if (reply.getEmail() != null) {
      told.add(reply.getEmail());
    }
    for (Long quoted : repository.quotedBy(reply.getId())) {
      List<Subscriber> subscribers = new ArrayList<>();
      for (Subscription subscription : repository.confirmedSubscriptions(quoted)) {
        Subscriber subscriber = subscription.toSubscriber();
        if (told.add(subscriber.email())) {
          subscribers.add(subscriber);
        }
      }
      mails.quoted(reply.toMail(), subscribers);
    }
  }
}
