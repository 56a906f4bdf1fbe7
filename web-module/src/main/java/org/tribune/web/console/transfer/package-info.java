/**
 * The console's import and export page ({@code /admin/transfer}, administrators only): upload of a
 * WordPress or Disqus export with a progress bar and the report, and the export downloads. The work
 * itself is {@code org.tribune.web.transfer}'s.
 */
package org.tribune.web.console.transfer;
