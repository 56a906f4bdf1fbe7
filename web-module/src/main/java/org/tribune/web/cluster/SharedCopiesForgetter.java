package org.tribune.web.cluster;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.tribune.articles.api.SharedCopies;

/**
 * When another node changed anything but a discussion (an author renamed, a section moved), this
 * node's kept copies of authors, sections and tags go, before the page cache forgets its pages: a
 * page rendered after that reads them from the database. A discussion's change concerns none of
 * them.
 */
@ApplicationScoped
public class SharedCopiesForgetter {
  @Inject SharedCopies articles;

  void changedElsewhere(
      @Observes @Priority(Interceptor.Priority.APPLICATION + 50) SiteChange change) {
    if (change.isEverything()) {
      articles.forget();
    }
  }
}
