package org.tribune.articles.api;

import java.io.Serializable;
import java.time.Instant;

/**
 * One saved version of an article's content, as the history lists it.
 *
 * @param number from 1, per article
 * @param savedBy the editor's name, or {@code "system"} for saves outside the console
 */
public record RevisionInfo(int number, Instant savedAt, String savedBy, String title)
    implements Serializable {}
