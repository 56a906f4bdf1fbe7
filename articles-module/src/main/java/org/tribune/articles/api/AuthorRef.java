package org.tribune.articles.api;

import java.io.Serializable;

/** An author as named in a byline, with the slug of the profile page. */
public record AuthorRef(long id, String slug, String name) implements Serializable {}
