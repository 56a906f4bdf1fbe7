package org.tribune.comments.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import org.tribune.articles.api.ArticleService;
import org.tribune.comments.api.CommentRejectedException;
import org.tribune.comments.api.CommentRejectedException.Reason;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.VoteResult;

/**
 * Records one vote, in a transaction of its own. The comment's row is locked first, so that votes
 * on one comment take turns: the checks of one visitor's earlier vote (by voter key, then by
 * address) then see every vote committed before. The score changes in the database ({@code score =
 * score + change}), never from a value read earlier.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class Voting {
  @Inject private CommentRepository repository;
  @Inject private ArticleService articles;

  private final Clock clock = Clock.systemUTC();

  VoteResult cast(long articleId, long commentId, int direction, String keyHash, String ipHash) {
    Comment comment = repository.findLocked(commentId);
    if (comment == null
        || comment.getArticleId() != articleId
        || comment.getStatus() != CommentStatus.APPROVED
        || !articles.isReadable(articleId)) {
      throw new CommentRejectedException(Reason.COMMENT_NOT_FOUND);
    }
    Optional<Vote> mine = repository.voteByKey(commentId, keyHash);
    int change;
    int now;
    if (direction == 0) {
      // Withdrawn: only the key's own vote (another key's from this address is not theirs).
      change = mine.map(vote -> -vote.getDirection()).orElse(0);
      mine.ifPresent(repository::remove);
      now = 0;
    } else if (mine.isPresent()) {
      change = mine.get().turn(direction);
      now = direction;
    } else if (repository.votedFromAddress(commentId, ipHash)) {
      change = 0;
      now = 0;
    } else {
      repository.persist(new Vote(commentId, keyHash, ipHash, direction, clock.instant()));
      change = direction;
      now = direction;
    }
    if (change != 0) {
      repository.flush();
      repository.addToScore(commentId, change);
    }
    return new VoteResult(commentId, repository.score(commentId), change != 0, now);
  }
}
