package org.tribune.articles.api;

import java.io.Serializable;

/** A section as named on an article, with the slug of its page. */
public record SectionRef(long id, String slug, String name) implements Serializable {}
