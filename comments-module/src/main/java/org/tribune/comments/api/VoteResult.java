package org.tribune.comments.api;

/**
 * The outcome of a vote.
 *
 * @param score the comment's score after the vote
 * @param counted whether the score changed: {@code false} when this visitor (same voter key or same
 *     address) had already voted that way, or withdrew a vote they had not cast
 * @param vote this visitor's vote now (by their voter key): {@code 1}, {@code -1}, or {@code 0} for
 *     none (withdrawn, or another key's from the same address)
 */
public record VoteResult(long commentId, int score, boolean counted, int vote) {}
