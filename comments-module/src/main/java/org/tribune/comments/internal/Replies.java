package org.tribune.comments.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.tribune.comments.internal.mail.CommentMails;

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
   * answered when the depth limit hung it higher) that it has just become approved, once.
   */
  public void notifyApproved(Comment reply) {
    if (reply.getAnsweredId() != null && reply.markRepliesNotified()) {
      mails.replyApproved(
          reply.toMail(),
          repository.confirmedSubscriptions(reply.getAnsweredId()).stream()
              .map(Subscription::toSubscriber)
              .toList());
    }
  }
}
