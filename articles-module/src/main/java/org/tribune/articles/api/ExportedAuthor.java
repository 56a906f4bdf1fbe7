package org.tribune.articles.api;

/** An author for an export; {@code email} is null unless an import (or an editor) gave one. */
public record ExportedAuthor(long id, String slug, String name, String bio, String email) {}
