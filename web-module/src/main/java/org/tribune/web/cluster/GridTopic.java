package org.tribune.web.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The Hazelcast topic the nodes share. The only class that names Hazelcast's types: it is loaded
 * only once the server has shown it runs a data grid, so the WAR still deploys on a server without
 * one.
 */
final class GridTopic {
  private final HazelcastInstance grid;
  private final ITopic<String> topic;
  private final UUID listener;

  private GridTopic(HazelcastInstance grid, String name, Consumer<String> fromOthers) {
    this.grid = grid;
    this.topic = grid.getTopic(name);
    this.listener =
        topic.addMessageListener(
            message -> {
              Member from = message.getPublishingMember();
              if (from == null || !from.localMember()) {
                fromOthers.accept(message.getMessageObject());
              }
            });
  }

  /**
   * Joins the topic of the grid found in JNDI, or answers {@code null} when that is not a running
   * Hazelcast member (a node started with {@code --nocluster}).
   */
  static GridTopic join(Object found, String name, Consumer<String> fromOthers) {
    if (!(found instanceof HazelcastInstance)) {
      return null;
    }
    HazelcastInstance grid = (HazelcastInstance) found;
    if (!grid.getLifecycleService().isRunning()) {
      return null;
    }
    return new GridTopic(grid, name, fromOthers);
  }

  CompletionStage<Void> publish(String text) {
    return topic.publishAsync(text);
  }

  /** The nodes in the cluster now, this one included. */
  int members() {
    return grid.getLifecycleService().isRunning() ? grid.getCluster().getMembers().size() : 0;
  }

  void leave() {
    if (grid.getLifecycleService().isRunning()) {
      topic.removeMessageListener(listener);
    }
  }
}
