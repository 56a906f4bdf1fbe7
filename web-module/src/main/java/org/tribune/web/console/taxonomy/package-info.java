/**
 * Sections, tags and authors in the console ({@code /admin/taxonomy}, editors): create, rename
 * (former addresses keep working), merge tags, delete what no article uses; a section's own
 * moderation mode for its articles' comments.
 */
package org.tribune.web.console.taxonomy;
