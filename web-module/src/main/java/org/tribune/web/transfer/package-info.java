/**
 * Moving a site in and out, the formats' side: WordPress (WXR) and Disqus exports read and written,
 * Tribune's own JSON export and its restore writer, the media archive, one import job at a time
 * with its report, and the old addresses of an imported site kept alive ({@link
 * org.tribune.web.transfer.LegacyAddresses}). Knows nothing of the console: the texts it writes
 * come through {@link org.tribune.web.transfer.ImportReport}. The console's page and the API for
 * scripts ({@code console.transfer}) run it; the privacy page names the cookie of the old
 * addresses.
 */
package org.tribune.web.transfer;
