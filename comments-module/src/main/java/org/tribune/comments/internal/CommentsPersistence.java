package org.tribune.comments.internal;

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
import org.tribune.comments.internal.database.CommentsDatabase;

/**
 * Owns the {@code comments} persistence unit ({@code META-INF/comments-persistence.xml}). The
 * server does not open it while deploying, since that needs the database and a failed deployment
 * leaves the site without even a 503 page; it is opened here once the database answers and the
 * schema is migrated. The injected entity manager stands for the current JTA transaction's own,
 * created at its first use in the transaction, joined to it and closed when it ends.
 */
@ApplicationScoped
public class CommentsPersistence {
  static final String UNIT = "comments";
  private static final String KEY = CommentsPersistence.class.getName() + ".entityManager";

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
                  "META-INF/comments-persistence.xml",
                  "eclipselink.classloader",
                  CommentsPersistence.class.getClassLoader()));
    }
  }

  @Produces
  @CommentsDatabase
  EntityManager entityManager() {
    return (EntityManager)
        Proxy.newProxyInstance(
            EntityManager.class.getClassLoader(),
            new Class<?>[] {EntityManager.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "toString":
                  return "EntityManager of the current transaction (comments)";
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
      throw new TransactionRequiredException("The comments entity manager needs a transaction");
    }
    EntityManager entityManager = (EntityManager) transactions.getResource(KEY);
    if (entityManager == null) {
      EntityManagerFactory current = factory;
      if (current == null) {
        throw new IllegalStateException("The comments database is not ready yet");
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

  /**
   * Drops what the unit keeps in memory from the database, on this node: the shared cache, and the
   * blocks of ids taken from the sequences and not used yet, which a restore made stale (they may
   * be ids of restored rows). Nothing when the unit is not open. Only the blocks are dropped
   * ({@code initializePreallocated}), not the whole sequencing ({@code resetSequencing} disconnects
   * and connects it again, under the feet of requests taking ids meanwhile).
   */
  void forgetCopies() {
    EntityManagerFactory current = factory;
    if (current == null) {
      return;
    }
    current.getCache().evictAll();
    current.unwrap(DatabaseSession.class).getSequencingControl().initializePreallocated();
  }

  @PreDestroy
  synchronized void shutdown() {
    if (factory != null) {
      factory.close();
    }
  }
}
