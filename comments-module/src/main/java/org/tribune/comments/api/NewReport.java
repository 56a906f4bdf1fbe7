package org.tribune.comments.api;

/**
 * A reader's report of a published comment, as the report form sends it. Which fields are required
 * depends on the reason (see {@link ReportService#report}); the service checks them and strips the
 * texts.
 *
 * @param articleId the article the comment is under (the address the form was posted to)
 * @param reason {@code null} when none was chosen (refused)
 * @param category for {@link ReportReason#ILLICIT}; ignored otherwise
 * @param explanation why the content breaks the law or the charter; plain text
 * @param reporterName required for illicit content, else optional
 * @param reporterEmail required for illicit content, else optional; when given, the reporter gets
 *     an acknowledgement and later the decision
 * @param goodFaith the reporter states that the report is accurate and complete, in good faith (DSA
 *     art. 16(2)(d)); required for illicit content
 */
public record NewReport(
    long articleId,
    long commentId,
    ReportReason reason,
    IllicitCategory category,
    String explanation,
    String reporterName,
    String reporterEmail,
    boolean goodFaith) {}
