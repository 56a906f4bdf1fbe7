package org.tribune.articles.internal.embed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.tribune.articles.internal.ArticlesDatabase;

/**
 * The oEmbed answers kept ({@code articles_embed}), by the SHA-256 of the link. Written in a
 * transaction of its own: two saves storing the same answer at once, or a failure here, never roll
 * back the article being saved.
 */
@ApplicationScoped
public class EmbedCache {
  @Inject @ArticlesDatabase EntityManager em;

  @Transactional
  public Optional<OEmbed> find(String url) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "SELECT author, title, body_text, post_date FROM articles_embed WHERE url_hash = ?")
            .setParameter(1, hash(url))
            .getResultList();
    return rows.stream()
        .findFirst()
        .map(r -> new OEmbed((String) r[0], (String) r[1], (String) r[2], (String) r[3]));
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void store(String url, OEmbed answer) {
    em.createNativeQuery(
            "INSERT INTO articles_embed (url_hash, url, author, title, body_text, post_date,"
                + " fetched_at) VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)")
        .setParameter(1, hash(url))
        .setParameter(2, url)
        .setParameter(3, answer.author())
        .setParameter(4, answer.title())
        .setParameter(5, answer.text())
        .setParameter(6, answer.date())
        .executeUpdate();
  }

  static String hash(String url) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
