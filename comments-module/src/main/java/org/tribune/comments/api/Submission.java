package org.tribune.comments.api;

import java.time.Duration;

/**
 * How a comment or a vote reached the site, as the web layer established it. The service hashes the
 * address with the site's salt and never stores it.
 *
 * @param clientIp the visitor's address (the socket's, or a trusted proxy's forwarded one)
 * @param userAgent the {@code User-Agent} header, may be {@code null}
 * @param formAge time between rendering the form and its submission, from a value the web layer
 *     signed; {@code null} when unknown (a script call without a form), which the policy treats as
 *     too fast
 * @param honeypotFilled whether the hidden field no human sees came back filled
 */
public record Submission(
    String clientIp, String userAgent, Duration formAge, boolean honeypotFilled) {}
