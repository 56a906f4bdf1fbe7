package org.tribune.web.transfer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a WordPress eXtended RSS file holds, entry by entry, as {@link WxrReader} reads it. Texts
 * are as in the file (after XML decoding): titles and names may still hold HTML entities and
 * markup, which the importer deals with. Dates are instants (the {@code _gmt} fields, else the
 * local ones in the site's zone), null when the file has none ({@code 0000-00-00 00:00:00}).
 */
final class Wxr {
  private Wxr() {}

  /** Something read from the file. */
  sealed interface Entry permits Site, Author, Term, Post {}

  /**
   * The channel's description of the site: read before the first author, term or item. {@code
   * baseBlogUrl} is the blog's own address; {@code baseSiteUrl} the network's (the same on a single
   * site, {@code https://wordpress.com/} for every blog of wordpress.com).
   */
  record Site(String title, String link, String baseSiteUrl, String baseBlogUrl, String version)
      implements Entry {}

  record Author(String id, String login, String email, String displayName) implements Entry {}

  /**
   * A category ({@code taxonomy} "category", parent by its slug), a tag ("post_tag"), or another
   * taxonomy's term (ignored).
   */
  record Term(
      String taxonomy, String id, String slug, String name, String parentSlug, String description)
      implements Entry {}

  /** A category or tag an item is in. */
  record ItemTerm(String domain, String slug, String name) {}

  /**
   * An item: a post, a page, an attachment ({@code attachmentUrl}: its file's address), a menu
   * item… {@code meta}: Tribune's own fields ({@code _tribune_…}) and WordPress's featured image
   * ({@code _thumbnail_id}) and text alternative ({@code _wp_attachment_image_alt}).
   */
  record Post(
      String id,
      String type,
      String status,
      String title,
      String link,
      String slug,
      String creator,
      String content,
      String excerpt,
      Instant date,
      Instant modified,
      String password,
      boolean sticky,
      boolean commentsOpen,
      String parentId,
      List<ItemTerm> terms,
      Map<String, String> meta,
      List<Comment> comments,
      String attachmentUrl)
      implements Entry {}

  record Comment(
      String id,
      String author,
      String email,
      String url,
      String address,
      Instant date,
      String content,
      String approved,
      String type,
      String parentId,
      String userId) {}
}
