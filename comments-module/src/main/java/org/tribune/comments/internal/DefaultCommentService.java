package org.tribune.comments.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.tribune.articles.api.ArticleDeleted;
import org.tribune.articles.api.ArticleService;
import org.tribune.comments.api.CommentRejectedException;
import org.tribune.comments.api.CommentRejectedException.Reason;
import org.tribune.comments.api.CommentService;
import org.tribune.comments.api.CommentStatus;
import org.tribune.comments.api.CommentView;
import org.tribune.comments.api.NewComment;

/** The JPA-backed {@link CommentService}. */
@ApplicationScoped
@Transactional
public class DefaultCommentService implements CommentService {

  @Inject @CommentsDatabase private EntityManager em;

  @Inject private ArticleService articles;

  @Inject
  @ConfigProperty(name = "tribune.comments.max-length", defaultValue = "10000")
  private int maxLength;

  private final Clock clock = Clock.systemUTC();

  @Override
  public long post(NewComment comment) {
    if (comment.body().codePointCount(0, comment.body().length()) > maxLength) {
      throw new CommentRejectedException(Reason.TOO_LONG, "longer than " + maxLength);
    }
    if (!articles.acceptsComments(comment.articleId())) {
      throw new CommentRejectedException(Reason.ARTICLE_NOT_OPEN, "article " + comment.articleId());
    }
    Comment entity =
        new Comment(comment.articleId(), comment.authorName(), comment.body(), clock.instant());
    em.persist(entity);
    em.flush();
    return entity.getId();
  }

  @Override
  public void approve(long commentId) {
    Comment comment = em.find(Comment.class, commentId);
    if (comment == null) {
      throw new IllegalArgumentException("No comment with id " + commentId);
    }
    comment.approve();
  }

  @Override
  public List<CommentView> approvedFor(long articleId) {
    return em.createNamedQuery(Comment.FIND_BY_ARTICLE_AND_STATUS, Comment.class)
        .setParameter("articleId", articleId)
        .setParameter("status", CommentStatus.APPROVED)
        .getResultStream()
        .map(Comment::toView)
        .toList();
  }

  @Override
  public Map<Long, Long> countApproved(Collection<Long> articleIds) {
    Map<Long, Long> counts = new HashMap<>();
    articleIds.forEach(id -> counts.put(id, 0L));
    if (articleIds.isEmpty()) {
      return counts;
    }
    em.createNamedQuery(Comment.COUNT_BY_ARTICLES_AND_STATUS, Object[].class)
        .setParameter("articleIds", articleIds)
        .setParameter("status", CommentStatus.APPROVED)
        .getResultList()
        .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
    return counts;
  }

  @Override
  public long countAll(long articleId) {
    return em.createNamedQuery(Comment.COUNT_BY_ARTICLE, Long.class)
        .setParameter("articleId", articleId)
        .getSingleResult();
  }

  /** Runs inside the transaction that deletes the article: both go, or neither. */
  void onArticleDeleted(@Observes ArticleDeleted event) {
    em.createNamedQuery(Comment.DELETE_BY_ARTICLE)
        .setParameter("articleId", event.articleId())
        .executeUpdate();
  }
}
