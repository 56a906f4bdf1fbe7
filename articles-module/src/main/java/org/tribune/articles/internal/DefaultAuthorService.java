package org.tribune.articles.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.tribune.articles.api.AuthorService;

/** The JPA-backed {@link AuthorService}. */
@ApplicationScoped
@Transactional
public class DefaultAuthorService implements AuthorService {

  @Inject @ArticlesDatabase private EntityManager em;

  @Override
  public long create(String name, String bio) {
    Author author = new Author(FreeSlugs.find(em, "ArticleAuthor", name), name, bio);
    em.persist(author);
    em.flush();
    return author.getId();
  }

  @Override
  public Optional<org.tribune.articles.api.Author> find(long authorId) {
    return Optional.ofNullable(em.find(Author.class, authorId)).map(Author::toRecord);
  }

  @Override
  public Optional<org.tribune.articles.api.Author> findBySlug(String slug) {
    return em.createNamedQuery(Author.FIND_BY_SLUG, Author.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst()
        .map(Author::toRecord);
  }

  @Override
  public List<org.tribune.articles.api.Author> all() {
    return em.createNamedQuery(Author.FIND_ALL, Author.class)
        .getResultStream()
        .map(Author::toRecord)
        .toList();
  }
}
