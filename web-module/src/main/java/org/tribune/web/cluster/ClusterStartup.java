package org.tribune.web.cluster;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Joins the cluster's topic while the application starts, before the first request. */
@WebListener
public class ClusterStartup implements ServletContextListener {
  @Inject private ClusterChanges changes;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    changes.join();
  }
}
