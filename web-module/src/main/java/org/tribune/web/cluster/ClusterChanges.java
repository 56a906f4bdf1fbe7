package org.tribune.web.cluster;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Tells the other nodes of the cluster what this one changed, and this node what they changed (as a
 * CDI event {@link SiteChange}, observed by the caches). Messages go through a topic of the
 * Hazelcast data grid that Payara runs and binds to JNDI as {@code payara/Hazelcast}: Payara Micro
 * started with {@code --clustername …} (see the README), Payara Server with its Data Grid enabled.
 * Alone, it does nothing: there is no one to tell.
 *
 * <p>A message is sent after the change committed, and a node applies it on receipt; every page a
 * node began rendering before that is not kept (see {@code PageCache}). A message lost to a network
 * failure leaves a page stale at most {@code tribune.cache.seconds}.
 */
@ApplicationScoped
public class ClusterChanges {
  private static final Logger LOG = Logger.getLogger(ClusterChanges.class.getName());

  /**
   * Where Payara binds its Hazelcast instance (the default of {@code set-hazelcast-configuration}).
   */
  static final String GRID_JNDI_NAME = "payara/Hazelcast";

  @Inject
  @ConfigProperty(name = "tribune.cluster.topic", defaultValue = "tribune.site-changes")
  String topicName;

  @Inject Event<SiteChange> received;

  private volatile GridTopic topic;
  private volatile boolean joined;

  /** Joins the cluster's topic if this node is in a cluster; called once, at start-up. */
  public synchronized void join() {
    if (joined) {
      return;
    }
    joined = true;
    Object grid;
    try {
      grid = new InitialContext().lookup(GRID_JNDI_NAME);
    } catch (NamingException | RuntimeException e) {
      LOG.info("No data grid (" + GRID_JNDI_NAME + "): this node keeps its changes to itself");
      return;
    }
    try {
      topic = GridTopic.join(grid, topicName, this::fromOthers);
    } catch (LinkageError | RuntimeException e) {
      LOG.log(Level.WARNING, "Cannot join the data grid's topic " + topicName, e);
      return;
    }
    if (topic == null) {
      LOG.info("The data grid is not running (--nocluster): this node keeps its changes to itself");
    } else {
      LOG.info(
          () ->
              "Cluster: "
                  + topic.members()
                  + " node(s); changes are shared on the topic "
                  + topicName);
    }
  }

  /** Whether this node shares its changes with others (it is in a running data grid). */
  public boolean clustered() {
    return topic != null;
  }

  /** The nodes in the cluster now, this one included (1 when alone). */
  public int members() {
    GridTopic current = topic;
    return current == null ? 1 : Math.max(1, current.members());
  }

  /** Tells the other nodes. Returns at once; a failure to send is logged. */
  public void publish(SiteChange change) {
    GridTopic current = topic;
    if (current == null) {
      return;
    }
    try {
      current
          .publish(change.encoded())
          .whenComplete(
              (done, failure) -> {
                if (failure != null) {
                  LOG.log(Level.WARNING, "Could not tell the other nodes of a change", failure);
                }
              });
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Could not tell the other nodes of a change", e);
    }
  }

  private void fromOthers(String text) {
    try {
      received.fire(SiteChange.decoded(text));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A change made on another node could not be applied here", e);
    }
  }

  @PreDestroy
  void leave() {
    GridTopic current = topic;
    topic = null;
    if (current != null) {
      try {
        current.leave();
      } catch (RuntimeException e) {
        LOG.log(Level.FINE, "Leaving the topic", e);
      }
    }
  }
}
