package org.tribune.comments.api;

/**
 * What a discussion holds now, the same for every reader: how many comments are approved and the
 * newest one's id. A page compares it with what it shows to announce new comments (« 2 nouveaux
 * commentaires ») without reading the discussion itself.
 *
 * @param approvedCount approved comments of the article, replies included (as {@link
 *     Discussion#approvedCount()})
 * @param newestId the highest id of an approved comment of the article, 0 when there is none: ids
 *     grow, so a comment approved after the page was read has a higher one, unless it was written
 *     before and held (then the count tells)
 */
public record DiscussionState(long articleId, long approvedCount, long newestId) {}
