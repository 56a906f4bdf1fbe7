/**
 * Moving a site in and out as people and scripts do it: the console's import and export page
 * ({@code /admin/transfer}, administrators only: upload of a WordPress or Disqus export with a
 * progress bar and the report, the export downloads, the restore form), the API for scripts ({@code
 * /api/admin/import|export/…}, {@link org.tribune.web.console.transfer.TransferApi}, HTTP Basic
 * against the console's accounts, {@link org.tribune.web.console.transfer.ApiAccess}), and the runs
 * both start ({@link org.tribune.web.console.transfer.Transfers}, {@link
 * org.tribune.web.console.transfer.Exports}, {@link org.tribune.web.console.transfer.JsonRestore}):
 * one at a time on a node, recorded in the audit log. The formats themselves are {@code
 * org.tribune.web.transfer}'s.
 */
package org.tribune.web.console.transfer;
