package org.tribune.articles.api;

/**
 * The copies of authors, sections and tags that this node keeps in memory between transactions (the
 * persistence provider's shared cache). A change committed on this node updates them; a change
 * committed on another node of a cluster does not, so the node that hears of one calls {@link
 * #forget()} before rendering anything again. Inject it with CDI.
 */
public interface SharedCopies {

  /** Drops every kept copy: the next use reads the database. Does nothing before the unit opens. */
  void forget();
}
