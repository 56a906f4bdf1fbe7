package org.tribune.articles.internal;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.SynchronizationType;
import jakarta.persistence.TransactionRequiredException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.eclipse.persistence.sessions.DatabaseSession;
import org.tribune.articles.api.SharedCopies;

/**
 * Owns the {@code articles} persistence unit ({@code META-INF/articles-persistence.xml}). The
 * server does not open it while deploying, since that needs the database and a failed deployment
 * leaves the site without even a 503 page; it is opened here once the database answers and the
 * schema is migrated. The injected entity manager stands for the current JTA transaction's own,
 * created at its first use in the transaction, joined to it and closed when it ends.
 */
@ApplicationScoped
public class ArticlesPersistence implements SharedCopies {
  static final String UNIT = "articles";
  private static final String KEY = ArticlesPersistence.class.getName() + ".entityManager";

  @Resource private TransactionSynchronizationRegistry transactions;

  private volatile EntityManagerFactory factory;

  /** Opens the unit if it is not open yet. Needs a reachable, migrated database. */
  synchronized void open() {
    if (factory == null) {
      factory =
          Persistence.createEntityManagerFactory(
              UNIT,
              Map.of(
                  "eclipselink.persistencexml",
                  "META-INF/articles-persistence.xml",
                  "eclipselink.classloader",
                  ArticlesPersistence.class.getClassLoader()));
    }
  }

  @Produces
  @ArticlesDatabase
  EntityManager entityManager() {
    return (EntityManager)
        Proxy.newProxyInstance(
            EntityManager.class.getClassLoader(),
            new Class<?>[] {EntityManager.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "toString":
                  return "EntityManager of the current transaction (articles)";
                case "hashCode":
                  return System.identityHashCode(proxy);
                case "equals":
                  return proxy == args[0];
                default:
                  try {
                    return method.invoke(current(), args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
              }
            });
  }

  private EntityManager current() {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      throw new TransactionRequiredException("The articles entity manager needs a transaction");
    }
    EntityManager entityManager = (EntityManager) transactions.getResource(KEY);
    if (entityManager == null) {
      EntityManagerFactory current = factory;
      if (current == null) {
        throw new IllegalStateException("The articles database is not ready yet");
      }
      EntityManager created = current.createEntityManager(SynchronizationType.SYNCHRONIZED);
      created.joinTransaction();
      transactions.putResource(KEY, created);
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {
              // flushed by the provider's own synchronization
            }

            @Override
            public void afterCompletion(int status) {
              created.close();
            }
          });
      entityManager = created;
    }
    return entityManager;
  }

  @Override
  public void forget() {
    EntityManagerFactory current = factory;
    if (current != null) {
      current.getCache().evictAll();
    }
  }

  /**
   * Drops the blocks of ids EclipseLink took from the sequences and has not handed out yet
   * (allocation size 50): after a restore moved the sequences past the restored ids, a block taken
   * before would give new rows ids the restore wrote. The next insert of each kind takes a new
   * block from its sequence. Does nothing before the unit opens.
   *
   * <p>Only the kept blocks are dropped ({@code initializePreallocated}), not the whole sequencing
   * ({@code resetSequencing}, which disconnects and connects it again and leaves it unusable, for a
   * moment, to an insert running at the same time on another request).
   */
  void forgetIdBlocks() {
    EntityManagerFactory current = factory;
    if (current != null) {
      current.unwrap(DatabaseSession.class).getSequencingControl().initializePreallocated();
    }
  }

  @PreDestroy
  synchronized void shutdown() {
    if (factory != null) {
      factory.close();
    }
  }
}
