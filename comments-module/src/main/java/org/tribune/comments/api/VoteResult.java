package org.tribune.comments.api;

/**
 * The outcome of a vote.
 *
 * @param score the comment's score after the vote
 * @param counted {@code false} when this visitor (same voter key or same address) had already voted
 *     that way on this comment
 */
public record VoteResult(long commentId, int score, boolean counted) {}
