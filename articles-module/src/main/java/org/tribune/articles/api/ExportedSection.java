package org.tribune.articles.api;

/** A section for an export: its parent by id (null at the top) and its position among siblings. */
public record ExportedSection(
    long id, String slug, String name, String description, Long parentId, int position) {}
