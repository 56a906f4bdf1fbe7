package org.tribune.comments.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.tribune.comments.api.ExportedComment;

/**
 * One visitor's vote on one comment. The visitor is known by the hash of their voter key (a cookie)
 * and by their address hash; each is unique per comment. Not linked to any e-mail address.
 */
@Entity
@Table(name = "comments_vote")
public class Vote {
  @Id
  @SequenceGenerator(
      name = "comments_vote_seq",
      sequenceName = "comments_vote_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comments_vote_seq")
  private Long id;

  @Column(name = "comment_id", nullable = false)
  private long commentId;

  @Column(name = "voter_key", nullable = false, length = 64)
  private String voterKey;

  @Column(name = "ip_hash", nullable = false, length = 64)
  private String ipHash;

  @Column(nullable = false)
  private int direction;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Vote() {}

  Vote(long commentId, String voterKeyHash, String ipHash, int direction, Instant now) {
    requireDirection(direction);
    this.commentId = commentId;
    this.voterKey = voterKeyHash;
    this.ipHash = ipHash;
    this.direction = direction;
    this.createdAt = now.truncatedTo(ChronoUnit.MICROS);
  }

  static void requireDirection(int direction) {
    if (direction != 1 && direction != -1) {
      throw new IllegalArgumentException("A vote is +1 or -1, not " + direction);
    }
  }

  long getCommentId() {
    return commentId;
  }

  int getDirection() {
    return direction;
  }

  String getVoterKey() {
    return voterKey;
  }

  /** Turns the vote the other way; returns the change of the comment's score. */
  int turn(int newDirection) {
    requireDirection(newDirection);
    int change = newDirection - direction;
    direction = newDirection;
    return change;
  }

  /** Whole, for an export. */
  ExportedComment.Vote toExported() {
    return new ExportedComment.Vote(id, voterKey, ipHash, direction, createdAt);
  }
}
