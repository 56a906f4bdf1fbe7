package org.tribune.articles.internal.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.InUseException;
import org.tribune.articles.api.MediaChanged;
import org.tribune.articles.api.MediaDescription;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaPage;
import org.tribune.articles.api.MediaUse;
import org.tribune.articles.internal.ArticlesDatabase;

/**
 * The library's rows, each method one transaction (the service decodes images and writes files
 * outside any transaction, so that a slow upload never holds a connection).
 */
@ApplicationScoped
@Transactional
public class MediaRecords {
  /** How many items sharing a file are looked at to know its renditions. */
  private static final int SAME_FILE_CHECKED = 10;

  @Inject @ArticlesDatabase EntityManager em;
  @Inject Event<MediaChanged> changed;

  LibraryImage insert(ProcessedImage image, String originalName, String uploadedBy, Instant now) {
    LibraryImage item = new LibraryImage(image, originalName, uploadedBy, now);
    em.persist(item);
    em.flush();
    return item;
  }

  /** The former hash and format, once the item stands for the new file; empty if unknown. */
  Optional<Former> takeFile(long id, ProcessedImage image, String originalName, Instant now) {
    LibraryImage item = em.find(LibraryImage.class, id);
    if (item == null) {
      return Optional.empty();
    }
    Former former = new Former(item.getHash(), item.getFormat(), item.derivedKeys());
    item.takeFile(image, originalName, now);
    changed.fire(new MediaChanged(id, usingArticles(id)));
    return Optional.of(former);
  }

  /** What a replaced or deleted item's files were. */
  record Former(String hash, ImageFormat format, List<String> derivedKeys) {}

  Optional<MediaItem> describe(long id, MediaDescription description, Instant now) {
    LibraryImage item = em.find(LibraryImage.class, id);
    if (item == null) {
      return Optional.empty();
    }
    item.describe(description, now);
    changed.fire(new MediaChanged(id, usingArticles(id)));
    return Optional.of(item.toRecord());
  }

  Optional<MediaItem> find(long id) {
    return Optional.ofNullable(em.find(LibraryImage.class, id)).map(LibraryImage::toRecord);
  }

  List<MediaItem> find(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em
        .createQuery("SELECT m FROM LibraryImage m WHERE m.id IN :ids", LibraryImage.class)
        .setParameter("ids", ids)
        .getResultList()
        .stream()
        .map(LibraryImage::toRecord)
        .toList();
  }

  MediaPage search(String text, int page, int size) {
    String folded = LibraryImage.fold(text == null ? "" : text.strip());
    String where = folded.isEmpty() ? "" : " WHERE m.searchText LIKE :text ESCAPE '!'";
    var items =
        em.createQuery(
            "SELECT m FROM LibraryImage m" + where + " ORDER BY m.id DESC", LibraryImage.class);
    var count = em.createQuery("SELECT COUNT(m) FROM LibraryImage m" + where, Long.class);
    if (!folded.isEmpty()) {
      String pattern = "%" + folded.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
      items.setParameter("text", pattern);
      count.setParameter("text", pattern);
    }
    List<MediaItem> found =
        items.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
            .map(LibraryImage::toRecord)
            .toList();
    return new MediaPage(found, count.getSingleResult());
  }

  List<MediaItem> after(long afterId, int size) {
    return em
        .createQuery(
            "SELECT m FROM LibraryImage m WHERE m.id > :after ORDER BY m.id", LibraryImage.class)
        .setParameter("after", afterId)
        .setMaxResults(size)
        .getResultList()
        .stream()
        .map(LibraryImage::toRecord)
        .toList();
  }

  List<MediaUse> uses(long id) {
    return em
        .createQuery(
            "SELECT a.id, a.title, a.slug, a.status FROM Article a WHERE a.id IN"
                + " (SELECT u.articleId FROM MediaUseRow u WHERE u.mediaId = :id)"
                + " ORDER BY a.updatedAt DESC, a.id DESC",
            Object[].class)
        .setParameter("id", id)
        .getResultList()
        .stream()
        .map(
            row ->
                new MediaUse(
                    (Long) row[0], (String) row[1], (String) row[2], (ArticleStatus) row[3]))
        .toList();
  }

  Set<Long> usingArticles(long id) {
    return new HashSet<>(
        em.createQuery("SELECT u.articleId FROM MediaUseRow u WHERE u.mediaId = :id", Long.class)
            .setParameter("id", id)
            .getResultList());
  }

  /** Deletes the row; what its files were, or empty when it was not there. */
  Optional<Former> delete(long id, boolean evenIfUsed) {
    LibraryImage item = em.find(LibraryImage.class, id);
    if (item == null) {
      return Optional.empty();
    }
    Set<Long> articles = usingArticles(id);
    if (!articles.isEmpty() && !evenIfUsed) {
      throw new InUseException("media", id, articles.size(), 0);
    }
    Former former = new Former(item.getHash(), item.getFormat(), item.derivedKeys());
    // The database would do both (ON DELETE SET NULL, ON DELETE CASCADE) when the row goes at the
    // flush; done here first so that what observes MediaChanged in this transaction (the bodies
    // rendered again) already reads the articles without the image.
    em.createQuery("UPDATE Article a SET a.leadMediaId = NULL WHERE a.leadMediaId = :id")
        .setParameter("id", id)
        .executeUpdate();
    em.createQuery("DELETE FROM MediaUseRow u WHERE u.mediaId = :id")
        .setParameter("id", id)
        .executeUpdate();
    em.remove(item);
    changed.fire(new MediaChanged(id, articles));
    return Optional.of(former);
  }

  /** Whether another item still has a file with this hash (then its files stay). */
  boolean hashInUse(String hash) {
    return em.createQuery("SELECT COUNT(m) FROM LibraryImage m WHERE m.hash = :hash", Long.class)
            .setParameter("hash", hash)
            .getSingleResult()
        > 0;
  }

  /** Whether an item has this hash, and a derivative of this public name. */
  boolean hasRendition(String hash, String name) {
    // Items with one hash were made from one file: their renditions differ only if the site's
    // widths changed between their uploads. A few of them tell, however many share the file.
    return em
        .createQuery(
            "SELECT m FROM LibraryImage m WHERE m.hash = :hash ORDER BY m.id DESC",
            LibraryImage.class)
        .setParameter("hash", hash)
        .setMaxResults(SAME_FILE_CHECKED)
        .getResultList()
        .stream()
        .anyMatch(m -> m.derivedKeys().contains("derived/" + name));
  }
}
