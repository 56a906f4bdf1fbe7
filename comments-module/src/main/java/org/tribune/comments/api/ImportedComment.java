package org.tribune.comments.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A comment as the source platform had it. {@code bodyHtml} is the source's HTML (WordPress and
 * Disqus keep comments as HTML): it is turned into the text a reader would have typed (paragraphs,
 * line breaks, quotations as {@code "> "} lines, links as their address) and rendered like any
 * comment, so nothing else of it survives; it must not come out empty. The importer names anonymous
 * authors. {@code address} (an IP address, or null) is hashed like a visitor's and never stored.
 * {@code staff} marks a reply from the site's team (shown with the badge).
 */
public record ImportedComment(
    long articleId,
    Long parentId,
    @NotBlank @Size(max = CommentLimits.AUTHOR_NAME_LENGTH) String authorName,
    @Size(max = CommentLimits.EMAIL_LENGTH) String email,
    @Size(max = CommentLimits.WEBSITE_LENGTH) String website,
    @NotBlank String bodyHtml,
    @NotNull CommentStatus status,
    @NotNull Instant createdAt,
    String address,
    String userAgent,
    boolean staff) {}
