package org.tribune.articles.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;

/**
 * What a writer supplies to create or change an article.
 *
 * @param slug the address, or {@code null}/blank to derive it from the title
 * @param body the text, in {@code bodyFormat}
 * @param authorIds one or more authors, in byline order (a page may have none)
 * @param sectionId the section, or {@code null}
 * @param leadImageUrl an image elsewhere: an absolute http(s) URL, or {@code null}; needs {@code
 *     leadImageAlt}
 * @param leadMediaId the lead image from the media library, or {@code null}; its text alternative
 *     is the library's. At most one of {@code leadImageUrl} and {@code leadMediaId}.
 * @param page for a page, its place and what it shows; {@code null} for an article. A page has no
 *     section and no tags; its slug is the last segment of its path. Content never changes kind:
 *     saving a page with {@code null} here keeps its options.
 */
public record ArticleDraft(
    @NotBlank @Size(max = ArticleLimits.TITLE_LENGTH) String title,
    @Size(max = ArticleLimits.SLUG_LENGTH) @Pattern(regexp = ArticleLimits.SLUG_PATTERN)
        String slug,
    @Size(max = ArticleLimits.STANDFIRST_LENGTH) String standfirst,
    @NotNull BodyFormat bodyFormat,
    @Size(max = ArticleLimits.BODY_LENGTH) String body,
    @NotNull List<Long> authorIds,
    Long sectionId,
    @NotNull List<Long> tagIds,
    @Size(max = ArticleLimits.IMAGE_URL_LENGTH) @Pattern(regexp = "^$|^https?://\\S+$")
        String leadImageUrl,
    @Size(max = ArticleLimits.IMAGE_ALT_LENGTH) String leadImageAlt,
    boolean commentsOpen,
    Long leadMediaId,
    PageOptions page)
    implements Serializable {

  /** An article's draft, or a page's that keeps its options. */
  public ArticleDraft(
      String title,
      String slug,
      String standfirst,
      BodyFormat bodyFormat,
      String body,
      List<Long> authorIds,
      Long sectionId,
      List<Long> tagIds,
      String leadImageUrl,
      String leadImageAlt,
      boolean commentsOpen,
      Long leadMediaId) {
    this(
        title,
        slug,
        standfirst,
        bodyFormat,
        body,
        authorIds,
        sectionId,
        tagIds,
        leadImageUrl,
        leadImageAlt,
        commentsOpen,
        leadMediaId,
        null);
  }

  /** A draft without an image from the media library. */
  public ArticleDraft(
      String title,
      String slug,
      String standfirst,
      BodyFormat bodyFormat,
      String body,
      List<Long> authorIds,
      Long sectionId,
      List<Long> tagIds,
      String leadImageUrl,
      String leadImageAlt,
      boolean commentsOpen) {
    this(
        title,
        slug,
        standfirst,
        bodyFormat,
        body,
        authorIds,
        sectionId,
        tagIds,
        leadImageUrl,
        leadImageAlt,
        commentsOpen,
        null);
  }

  public ArticleDraft {
    slug = blankToNull(slug);
    standfirst = standfirst == null ? "" : standfirst.strip();
    body = body == null ? "" : body;
    authorIds = authorIds == null ? List.of() : List.copyOf(authorIds);
    tagIds = tagIds == null ? List.of() : List.copyOf(tagIds);
    leadImageUrl = blankToNull(leadImageUrl);
    leadImageAlt = blankToNull(leadImageAlt);
  }

  /** A Markdown article by the given authors, in no section, without tags or image. */
  public static ArticleDraft markdown(
      String title, String standfirst, String body, Long... authors) {
    return new ArticleDraft(
        title,
        null,
        standfirst,
        BodyFormat.MARKDOWN,
        body,
        List.of(authors),
        null,
        List.of(),
        null,
        null,
        true);
  }

  public ArticleDraft withSection(Long id) {
    return new ArticleDraft(
        title,
        slug,
        standfirst,
        bodyFormat,
        body,
        authorIds,
        id,
        tagIds,
        leadImageUrl,
        leadImageAlt,
        commentsOpen,
        leadMediaId,
        page);
  }

  public ArticleDraft withTags(List<Long> ids) {
    return new ArticleDraft(
        title,
        slug,
        standfirst,
        bodyFormat,
        body,
        authorIds,
        sectionId,
        ids,
        leadImageUrl,
        leadImageAlt,
        commentsOpen,
        leadMediaId,
        page);
  }

  public ArticleDraft withSlug(String newSlug) {
    return new ArticleDraft(
        title,
        newSlug,
        standfirst,
        bodyFormat,
        body,
        authorIds,
        sectionId,
        tagIds,
        leadImageUrl,
        leadImageAlt,
        commentsOpen,
        leadMediaId,
        page);
  }

  public ArticleDraft withLeadImage(String url, String alt) {
    return new ArticleDraft(
        title,
        slug,
        standfirst,
        bodyFormat,
        body,
        authorIds,
        sectionId,
        tagIds,
        url,
        alt,
        commentsOpen,
        null,
        page);
  }

  /** The same draft with the library's image {@code mediaId} (or none) as its lead image. */
  public ArticleDraft withLeadMedia(Long mediaId) {
    return new ArticleDraft(
        title,
        slug,
        standfirst,
        bodyFormat,
        body,
        authorIds,
        sectionId,
        tagIds,
        mediaId == null ? leadImageUrl : null,
        mediaId == null ? leadImageAlt : null,
        commentsOpen,
        mediaId,
        page);
  }

  /** The same draft with another body, in the same format. */
  public ArticleDraft withBody(String newBody) {
    return new ArticleDraft(
        title,
        slug,
        standfirst,
        bodyFormat,
        newBody,
        authorIds,
        sectionId,
        tagIds,
        leadImageUrl,
        leadImageAlt,
        commentsOpen,
        leadMediaId,
        page);
  }

  /** The same content as a page with these options: no section, no tags. */
  public ArticleDraft asPage(PageOptions options) {
    return new ArticleDraft(
        title,
        slug,
        standfirst,
        bodyFormat,
        body,
        authorIds,
        null,
        List.of(),
        leadImageUrl,
        leadImageAlt,
        commentsOpen,
        leadMediaId,
        options);
  }

  /** Whether this is a page's draft. */
  public boolean isPage() {
    return page != null;
  }

  /** An article is signed; a page may be nobody's (legal notices). */
  @AssertTrue(message = "an article needs at least one author")
  public boolean isSigned() {
    return page != null || !authorIds.isEmpty();
  }

  /** A lead image always comes with its text alternative. */
  @AssertTrue(message = "a lead image needs its text alternative")
  public boolean isLeadImageDescribed() {
    return leadImageUrl == null || (leadImageAlt != null && !leadImageAlt.isBlank());
  }

  /** One lead image at most: from the library or from elsewhere. */
  @AssertTrue(message = "a lead image comes from the media library or from an address, not both")
  public boolean isOneLeadImage() {
    return leadMediaId == null || leadImageUrl == null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
