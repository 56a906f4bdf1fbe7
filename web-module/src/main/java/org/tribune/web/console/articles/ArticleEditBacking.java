package org.tribune.web.console.articles;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.tribune.articles.api.ArticleDraft;
import org.tribune.articles.api.ArticleEdit;
import org.tribune.articles.api.ArticleLimits;
import org.tribune.articles.api.ArticleService;
import org.tribune.articles.api.ArticleStatus;
import org.tribune.articles.api.ArticleSummary;
import org.tribune.articles.api.Author;
import org.tribune.articles.api.AuthorService;
import org.tribune.articles.api.BodyFormat;
import org.tribune.articles.api.ConcurrentEditException;
import org.tribune.articles.api.DiffLine;
import org.tribune.articles.api.EditorialService;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaService;
import org.tribune.articles.api.PageOptions;
import org.tribune.articles.api.PagePlacementException;
import org.tribune.articles.api.PageRef;
import org.tribune.articles.api.RevisionInfo;
import org.tribune.articles.api.SectionService;
import org.tribune.articles.api.SectionUsage;
import org.tribune.articles.api.SlugTakenException;
import org.tribune.articles.api.Tag;
import org.tribune.articles.api.TagService;
import org.tribune.comments.api.DiscussionRules;
import org.tribune.comments.api.ModerationMode;
import org.tribune.comments.api.ModerationService;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.security.Staff;
import org.tribune.web.site.SiteSettings;

/**
 * Backs {@code /admin/articles/edit.xhtml}: one article's fields, its live preview (rendered by the
 * same code as the public page), its status actions, its revisions, and its discussion's own rules
 * (moderation mode, closing date), saved with it.
 *
 * <p>Who may do what is checked here on every action, whatever the page shows: editors everything;
 * an author only articles they sign, only while draft or in review, and cannot publish. The version
 * read with the article goes back with each save, so a save made after someone else's is refused
 * with the other person's name instead of overwriting their work; the form keeps what was typed.
 */
@Named
@ViewScoped
public class ArticleEditBacking implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern SLUG = Pattern.compile(ArticleLimits.SLUG_PATTERN);
  private static final Pattern IMAGE_URL = Pattern.compile("^https?://\\S+$");
  private static final int MEDIA_RESULTS = 12;
  static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  /**
   * The instant a {@code datetime-local} field names in the site's time zone.
   *
   * @throws DateTimeParseException when the text is not such a date
   */
  static Instant fromLocalInput(String text, ZoneId zone) {
    return LocalDateTime.parse(text.strip()).atZone(zone).toInstant();
  }

  @Inject private EditorialService editorial;
  @Inject private ArticleService articles;
  @Inject private SectionService sections;
  @Inject private AuthorService authors;
  @Inject private TagService tags;
  @Inject private Staff staff;
  @Inject private SiteSettings site;
  @Inject private ConsoleMessages messages;
  @Inject private MediaService media;
  @Inject private ModerationService moderation;

  private String idParameter;
  private String typeParameter;
  private Long id;
  private boolean page;
  private String pagePath;
  private Long parentId;
  private boolean showByline;
  private boolean showDate;
  private boolean showShare;
  private transient List<PageRef> pageList;
  private long version;
  private ArticleStatus status = ArticleStatus.DRAFT;
  private Instant publishedAt;
  private List<String> formerSlugs = List.of();
  private ArticleDraft loaded;

  private String title;
  private String slug;
  private String standfirst;
  private BodyFormat format = BodyFormat.MARKDOWN;
  private String body;
  private Long sectionId;
  private List<Long> authorIds = new ArrayList<>();
  private List<String> tagNames = new ArrayList<>();
  private String leadImageUrl;
  private String leadImageAlt;
  private Long leadMediaId;
  private MediaItem leadMedia;
  private String mediaQuery;
  private List<MediaItem> mediaResults;
  private String bodyCursor;
  private boolean commentsOpen = true;
  private ModerationMode moderationMode;
  private String closesAt;
  private DiscussionRules loadedRules = DiscussionRules.NONE;
  private String scheduleAt;
  private String preview;

  private List<RevisionInfo> revisions = List.of();
  private transient List<SectionUsage> sectionList;
  private transient List<Author> authorList;
  private transient List<String> tagNameList;
  private Integer diffFrom;
  private Integer diffTo;
  private List<DiffLine> diff;

  /** Reads the article named by {@code ?id=}, or prepares a new one; 404/403 when it must. */
  public void load() throws IOException {
    FacesContext faces = FacesContext.getCurrentInstance();
    if (faces.isPostback()) {
      return;
    }
    if (idParameter == null || idParameter.isBlank()) {
      page = "page".equals(typeParameter);
      if (!mayWrite() || (page && !staff.isEditor())) {
        refuse(faces, HttpServletResponse.SC_FORBIDDEN);
        return;
      }
      if (page) {
        // A page's discussion is off until turned on; its author is who wrote it.
        commentsOpen = false;
        if (staff.getAuthorId() != null) {
          authorIds = new ArrayList<>(List.of(staff.getAuthorId()));
        }
      }
      if (!staff.isEditor()) {
        authorIds = new ArrayList<>(List.of(staff.getAuthorId()));
      }
      preview = editorial.preview(format, "");
      return;
    }
    Optional<ArticleEdit> found = parseId(idParameter).flatMap(editorial::forEditing);
    if (found.isEmpty()) {
      refuse(faces, HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    if (!mayOpen(found.get())) {
      refuse(faces, HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    show(found.get());
  }

  private static Optional<Long> parseId(String text) {
    try {
      long value = Long.parseLong(text.strip());
      return value > 0 ? Optional.of(value) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static void refuse(FacesContext faces, int status) throws IOException {
    faces.getExternalContext().responseSendError(status, null);
    faces.responseComplete();
  }

  private void show(ArticleEdit edit) {
    id = edit.id();
    version = edit.version();
    status = edit.status();
    publishedAt = edit.publishedAt();
    formerSlugs = edit.formerSlugs();
    loaded = edit.draft();
    ArticleDraft draft = edit.draft();
    title = draft.title();
    slug = draft.slug();
    standfirst = draft.standfirst();
    format = draft.bodyFormat();
    body = draft.body();
    sectionId = draft.sectionId();
    authorIds = new ArrayList<>(draft.authorIds());
    tagNames = new ArrayList<>();
    for (Long tagId : draft.tagIds()) {
      tags.find(tagId).map(Tag::name).ifPresent(tagNames::add);
    }
    leadImageUrl = draft.leadImageUrl();
    leadImageAlt = draft.leadImageAlt();
    leadMediaId = draft.leadMediaId();
    leadMedia = leadMediaId == null ? null : media.find(leadMediaId).orElse(null);
    commentsOpen = draft.commentsOpen();
    loadedRules = moderation.articleRules(id);
    moderationMode = loadedRules.moderation();
    closesAt = localInput(loadedRules.closesAt());
    page = draft.isPage();
    pagePath = edit.pagePath();
    if (page) {
      parentId = draft.page().parentId();
      showByline = draft.page().showByline();
      showDate = draft.page().showDate();
      showShare = draft.page().showShare();
    }
    pageList = null;
    preview = editorial.preview(format, body);
    revisions = editorial.revisions(id);
    if (revisions.size() >= 2) {
      diffTo = revisions.get(0).number();
      diffFrom = revisions.get(1).number();
    }
    diff = null;
  }

  private boolean mayWrite() {
    return staff.isEditor() || staff.getAuthorId() != null;
  }

  private boolean mayOpen(ArticleEdit edit) {
    if (edit.draft().isPage()) {
      return staff.isEditor();
    }
    return staff.isEditor()
        || (staff.getAuthorId() != null && edit.draft().authorIds().contains(staff.getAuthorId()));
  }

  /** Whether this staff member may change the fields of this article now. */
  public boolean isEditable() {
    if (staff.isEditor()) {
      return status != ArticleStatus.TRASHED;
    }
    return status == ArticleStatus.DRAFT || status == ArticleStatus.PENDING;
  }

  private boolean checkOwnership() {
    if (id == null) {
      return mayWrite();
    }
    Optional<ArticleEdit> current = editorial.forEditing(id);
    return current.isPresent() && mayOpen(current.get());
  }

  // ----- actions -----

  /** Saves the fields (a new revision); creates the article the first time. */
  public String save() {
    if (!checkOwnership() || !isEditable()) {
      messages.error("error.forbidden.text");
      return null;
    }
    boolean wasNew = id == null;
    if (!store()) {
      return null;
    }
    messages.info("editor.saved");
    if (wasNew) {
      messages.keepAcrossRedirect();
      return redirectToSelf();
    }
    return null;
  }

  public String submit() {
    if (!checkOwnership() || status != ArticleStatus.DRAFT || !store()) {
      return null;
    }
    try {
      editorial.submit(id, version);
    } catch (ConcurrentEditException e) {
      conflict(e);
      return null;
    }
    staff.audit(AuditAction.ARTICLE_SUBMITTED, target(), null);
    messages.info("editor.submitted");
    messages.keepAcrossRedirect();
    return redirectToSelf();
  }

  public String publishNow() {
    if (!staff.isEditor() || !store()) {
      refuseAction();
      return null;
    }
    articles.publish(id, Instant.now());
    staff.audit(AuditAction.ARTICLE_PUBLISHED, target(), null);
    messages.info("editor.published");
    messages.keepAcrossRedirect();
    return redirectToSelf();
  }

  public String schedule() {
    if (!staff.isEditor()) {
      refuseAction();
      return null;
    }
    Instant at = parseSchedule();
    if (at == null || !store()) {
      return null;
    }
    articles.publish(id, at);
    staff.audit(AuditAction.ARTICLE_SCHEDULED, target(), site.dateTime(at));
    messages.info("editor.scheduled", site.dateTime(at));
    messages.keepAcrossRedirect();
    return redirectToSelf();
  }

  private Instant parseSchedule() {
    if (scheduleAt == null || scheduleAt.isBlank()) {
      fieldError("schedule", "editor.schedule.required");
      return null;
    }
    try {
      Instant at = fromLocalInput(scheduleAt, site.getZone());
      if (!at.isAfter(Instant.now())) {
        fieldError("schedule", "editor.schedule.past");
        return null;
      }
      return at;
    } catch (DateTimeParseException e) {
      fieldError("schedule", "editor.schedule.invalid");
      return null;
    }
  }

  public String unpublish() {
    return statusChange(AuditAction.ARTICLE_UNPUBLISHED, "editor.unpublished", articles::unpublish);
  }

  public String archive() {
    return statusChange(AuditAction.ARTICLE_ARCHIVED, "editor.archived", articles::archive);
  }

  public String trash() {
    boolean allowed = id != null && (staff.isEditor() || (checkOwnership() && isEditable()));
    if (!allowed) {
      refuseAction();
      return null;
    }
    return change(AuditAction.ARTICLE_TRASHED, "editor.trashed", editorial::trash);
  }

  public String restore() {
    return statusChange(AuditAction.ARTICLE_RESTORED, "editor.restored", editorial::restore);
  }

  public String deleteForGood() {
    if (!staff.isEditor() || id == null || status != ArticleStatus.TRASHED) {
      refuseAction();
      return null;
    }
    String what = target();
    try {
      editorial.deleteForGood(id);
    } catch (PagePlacementException e) {
      pagePlacementError(e);
      return null;
    }
    staff.audit(AuditAction.ARTICLE_DELETED, what, title);
    messages.info("editor.deleted");
    messages.keepAcrossRedirect();
    return page ? "/admin/pages?faces-redirect=true" : "/admin/articles?faces-redirect=true";
  }

  private interface Change {
    void apply(long articleId);
  }

  private String statusChange(AuditAction action, String done, Change change) {
    if (!staff.isEditor() || id == null) {
      refuseAction();
      return null;
    }
    return change(action, done, change);
  }

  private String change(AuditAction action, String done, Change change) {
    try {
      change.apply(id);
    } catch (IllegalStateException e) {
      messages.error("editor.not-now");
      return null;
    }
    staff.audit(action, target(), null);
    messages.info(done);
    messages.keepAcrossRedirect();
    return redirectToSelf();
  }

  private void refuseAction() {
    messages.error("error.forbidden.text");
  }

  /** Restores a revision as a new one (the fields then show it). */
  public String restoreRevision(int number) {
    if (id == null || !checkOwnership() || !isEditable()) {
      refuseAction();
      return null;
    }
    try {
      editorial.restoreRevision(id, number, version, staff.getEmail());
    } catch (ConcurrentEditException e) {
      conflict(e);
      return null;
    }
    staff.audit(AuditAction.REVISION_RESTORED, target(), "revision " + number);
    messages.info("editor.revision-restored", number);
    messages.keepAcrossRedirect();
    return redirectToSelf();
  }

  public void showDiff() {
    if (id == null || diffFrom == null || diffTo == null) {
      return;
    }
    diff = editorial.diff(id, diffFrom, diffTo);
  }

  /** Renders the body again for the preview (called as the writer types). */
  public void refreshPreview() {
    String text = body == null ? "" : body;
    if (text.length() > ArticleLimits.BODY_LENGTH) {
      text = text.substring(0, ArticleLimits.BODY_LENGTH);
    }
    preview = editorial.preview(format == null ? BodyFormat.MARKDOWN : format, text);
  }

  // ----- saving -----

  private boolean store() {
    ArticleDraft draft = draft();
    DiscussionRules rules = rules();
    if (draft == null || rules == null) {
      return false;
    }
    try {
      boolean saved = true;
      if (id == null) {
        id = editorial.create(draft, staff.getEmail());
        staff.audit(AuditAction.ARTICLE_CREATED, target(), title);
      } else if (!draft.equals(loaded)) {
        version = editorial.save(id, version, draft, staff.getEmail());
        staff.audit(AuditAction.ARTICLE_SAVED, target(), null);
      } else {
        saved = false;
      }
      if (!rules.equals(loadedRules)) {
        moderation.setArticleRules(id, rules);
        staff.audit(AuditAction.ARTICLE_SAVED, target(), describe(rules));
        saved = true;
      }
      if (!saved) {
        return true;
      }
      editorial.forEditing(id).ifPresent(this::show);
      tagNameList = null;
      return true;
    } catch (SlugTakenException e) {
      fieldError("slug", "editor.slug.taken");
    } catch (PagePlacementException e) {
      pagePlacementError(e);
    } catch (ConcurrentEditException e) {
      conflict(e);
    } catch (ConstraintViolationException | IllegalArgumentException e) {
      messages.error("editor.invalid");
    }
    return false;
  }

  /** Says, beside the field concerned, why a page cannot go where it was asked to. */
  private void pagePlacementError(PagePlacementException e) {
    String key = "editor.page." + e.reason().name().toLowerCase(java.util.Locale.ROOT);
    switch (e.reason()) {
      case RESERVED -> fieldError("slug", key, slug == null ? "" : slug.strip());
      case TOO_DEEP -> fieldError("parent", key, ArticleLimits.PAGE_DEPTH);
      case TOO_LONG -> fieldError("slug", key, ArticleLimits.SLUG_LENGTH);
      case HAS_CHILDREN, KIND_CHANGED -> messages.error(key);
      default -> fieldError("parent", key);
    }
  }

  private void conflict(ConcurrentEditException e) {
    messages.error("editor.conflict", e.lastEditor(), e.currentVersion());
  }

  /** The draft from the form, or {@code null} after saying what is wrong with it. */
  ArticleDraft draft() {
    boolean valid = true;
    String cleanTitle = title == null ? "" : title.strip();
    if (cleanTitle.isEmpty()) {
      valid = fieldError("title", "editor.title.required");
    } else if (cleanTitle.length() > ArticleLimits.TITLE_LENGTH) {
      valid = fieldError("title", "editor.title.too-long", ArticleLimits.TITLE_LENGTH);
    }
    String cleanSlug = slug == null ? "" : slug.strip();
    if (cleanSlug.length() > ArticleLimits.SLUG_LENGTH) {
      valid = fieldError("slug", "editor.slug.too-long", ArticleLimits.SLUG_LENGTH);
    } else if (!SLUG.matcher(cleanSlug).matches()) {
      valid = fieldError("slug", "editor.slug.invalid");
    }
    if (standfirst != null && standfirst.length() > ArticleLimits.STANDFIRST_LENGTH) {
      valid =
          fieldError("standfirst", "editor.standfirst.too-long", ArticleLimits.STANDFIRST_LENGTH);
    }
    if (body != null && body.length() > ArticleLimits.BODY_LENGTH) {
      valid = fieldError("body", "editor.body.too-long", ArticleLimits.BODY_LENGTH);
    }
    List<Long> byline = authorIds == null ? List.of() : List.copyOf(authorIds);
    if (byline.isEmpty() && !page) {
      valid = fieldError("authors", "editor.authors.required");
    } else if (byline.stream().anyMatch(a -> authors.find(a).isEmpty())) {
      valid = fieldError("authors", "editor.authors.unknown");
    } else if (!staff.isEditor() && !byline.contains(staff.getAuthorId())) {
      valid = fieldError("authors", "editor.authors.self");
    }
    if (!page && sectionId != null && sections.all().stream().noneMatch(s -> s.id() == sectionId)) {
      valid = fieldError("section", "editor.section.unknown");
    }
    String url = leadImageUrl == null ? "" : leadImageUrl.strip();
    String alt = leadImageAlt == null ? "" : leadImageAlt.strip();
    if (!url.isEmpty()
        && (url.length() > ArticleLimits.IMAGE_URL_LENGTH || !IMAGE_URL.matcher(url).matches())) {
      valid = fieldError("image", "editor.image.invalid");
    } else if (!url.isEmpty() && alt.isEmpty()) {
      valid = fieldError("image-alt", "editor.image.alt-required");
    } else if (alt.length() > ArticleLimits.IMAGE_ALT_LENGTH) {
      valid = fieldError("image-alt", "editor.image.alt-too-long", ArticleLimits.IMAGE_ALT_LENGTH);
    }
    if (leadMediaId != null && !url.isEmpty()) {
      valid = fieldError("image", "editor.image.both");
    } else if (leadMediaId != null && media.find(leadMediaId).filter(MediaItem::usable).isEmpty()) {
      valid = fieldError("media-query", "editor.image.media-unusable");
    }
    List<Long> tagIds = new ArrayList<>();
    for (String name : page || tagNames == null ? List.<String>of() : tagNames) {
      String clean = name == null ? "" : name.strip();
      if (clean.isEmpty()) {
        continue;
      }
      if (clean.length() > ArticleLimits.NAME_LENGTH) {
        valid = fieldError("tags", "editor.tags.too-long", ArticleLimits.NAME_LENGTH);
        break;
      }
      tagIds.add(tags.findOrCreate(clean, null));
    }
    if (page
        && parentId != null
        && getParentChoices().stream().noneMatch(p -> p.id() == parentId)) {
      valid = fieldError("parent", "editor.page.no_such_parent");
    }
    if (!valid) {
      return null;
    }
    ArticleDraft draft =
        new ArticleDraft(
            cleanTitle,
            cleanSlug.isEmpty() ? null : cleanSlug,
            standfirst,
            format == null ? BodyFormat.MARKDOWN : format,
            body,
            byline,
            sectionId,
            tagIds.stream().distinct().toList(),
            url.isEmpty() ? null : url,
            alt.isEmpty() ? null : alt,
            commentsOpen,
            leadMediaId);
    return page ? draft.asPage(new PageOptions(parentId, showByline, showDate, showShare)) : draft;
  }

  /**
   * The discussion's own rules from the form, or {@code null} after saying, beside the field, that
   * the closing date is not a date. A date left as it was shown keeps the saved instant (the field
   * shows minutes only). A date already past is taken: it closes the discussion now.
   */
  DiscussionRules rules() {
    String text = closesAt == null ? "" : closesAt.strip();
    Instant closing = null;
    if (!text.isEmpty()) {
      if (text.equals(localInput(loadedRules.closesAt()))) {
        closing = loadedRules.closesAt();
      } else {
        try {
          closing = fromLocalInput(text, site.getZone());
        } catch (DateTimeParseException e) {
          fieldError("closes-at", "editor.closes-at.invalid");
          return null;
        }
      }
    }
    return new DiscussionRules(moderationMode, closing);
  }

  private String localInput(Instant instant) {
    return instant == null ? null : LOCAL_INPUT.format(instant.atZone(site.getZone()));
  }

  /** The audit's detail for rules saved: the mode and the closing date (ISO), or "none". */
  private static String describe(DiscussionRules rules) {
    return "discussion: "
        + (rules.moderation() == null ? "inherited" : rules.moderation().name())
        + ", closes "
        + (rules.closesAt() == null ? "never" : rules.closesAt().toString());
  }

  /** The moderation modes an article may have of its own (the empty choice inherits). */
  public ModerationMode[] getModerationModes() {
    return ModerationMode.values();
  }

  public ModerationMode getModerationMode() {
    return moderationMode;
  }

  public void setModerationMode(ModerationMode moderationMode) {
    this.moderationMode = moderationMode;
  }

  /** The closing date as a {@code datetime-local} field holds it, in the site's time zone. */
  public String getClosesAt() {
    return closesAt;
  }

  public void setClosesAt(String closesAt) {
    this.closesAt = closesAt;
  }

  // ----- a page's place -----

  /**
   * The pages this one may go under: every page not in the bin but itself and its own sub-pages,
   * parents just before their sub-pages.
   */
  public List<PageRef> getParentChoices() {
    if (pageList == null) {
      List<PageRef> choices =
          new ArrayList<>(
              articles.pages().stream()
                  .filter(
                      p ->
                          pagePath == null
                              || !(p.path().equals(pagePath)
                                  || p.path().startsWith(pagePath + "/")))
                  .toList());
      // The page's own parent stays a choice even in the bin: the page may keep it.
      Long current = loaded == null || loaded.page() == null ? null : loaded.page().parentId();
      if (current != null && choices.stream().noneMatch(p -> p.id() == current)) {
        articles
            .find(current)
            .filter(ArticleSummary::isPage)
            .ifPresent(
                p ->
                    choices.add(
                        0, new PageRef(p.id(), p.title(), p.pagePath(), null, p.status(), false)));
      }
      pageList = choices;
    }
    return pageList;
  }

  /** A page's name in the parent list, indented by its depth. */
  public String parentLabel(PageRef ref) {
    return "\u00a0\u00a0".repeat(ref.depth()) + ref.title() + " (/" + ref.path() + ")";
  }

  public boolean isPage() {
    return page;
  }

  /** A saved page's path from the site's root, {@code null} before it is saved. */
  public String getPagePath() {
    return pagePath;
  }

  public String getTypeParameter() {
    return typeParameter;
  }

  public void setTypeParameter(String typeParameter) {
    this.typeParameter = typeParameter;
  }

  public Long getParentId() {
    return parentId;
  }

  public void setParentId(Long parentId) {
    this.parentId = parentId;
  }

  public boolean isShowByline() {
    return showByline;
  }

  public void setShowByline(boolean showByline) {
    this.showByline = showByline;
  }

  public boolean isShowDate() {
    return showDate;
  }

  public void setShowDate(boolean showDate) {
    this.showDate = showDate;
  }

  public boolean isShowShare() {
    return showShare;
  }

  public void setShowShare(boolean showShare) {
    this.showShare = showShare;
  }

  // ----- the lead image from the media library -----

  /** Searches the library for the lead image (« Chercher »): the newest dozen matches. */
  public void searchMedia() {
    mediaResults = media.search(mediaQuery, 0, MEDIA_RESULTS).items();
  }

  /** « Choisir »: this image of the library becomes the lead image (an address given goes). */
  public void pickMedia(long mediaId) {
    Optional<MediaItem> item = media.find(mediaId).filter(MediaItem::usable);
    if (item.isEmpty()) {
      fieldError("media-query", "editor.image.media-unusable");
      return;
    }
    leadMediaId = item.get().id();
    leadMedia = item.get();
    leadImageUrl = null;
    leadImageAlt = null;
    mediaResults = null;
  }

  /**
   * « Insérer dans le texte »: the image, as {@code ![](media:42)}, becomes a paragraph of the
   * Markdown body after the cursor's line (given by the console's script), else at its end; the
   * preview shows its figure.
   */
  public void insertMedia(long mediaId) {
    if (!isEditable()) {
      return;
    }
    Optional<MediaItem> item = media.find(mediaId).filter(MediaItem::usable);
    if (item.isEmpty()) {
      fieldError("media-query", "editor.image.media-unusable");
      return;
    }
    if (format == BodyFormat.HTML) {
      fieldError("media-query", "editor.media.insert.markdown-only");
      return;
    }
    MediaInsertion inserted = MediaInsertion.insert(body, cursor(), item.get().id());
    body = inserted.body();
    bodyCursor = Integer.toString(inserted.cursor());
    refreshPreview();
  }

  private Integer cursor() {
    if (bodyCursor == null || !bodyCursor.matches("\\d{1,7}")) {
      return null;
    }
    return Integer.valueOf(bodyCursor);
  }

  /** Where the writer's cursor is in the body, kept by the console's script; empty without it. */
  public String getBodyCursor() {
    return bodyCursor;
  }

  public void setBodyCursor(String bodyCursor) {
    this.bodyCursor = bodyCursor;
  }

  /** « Retirer »: no lead image from the library. */
  public void removeMedia() {
    leadMediaId = null;
    leadMedia = null;
  }

  public MediaItem getLeadMedia() {
    return leadMedia;
  }

  public Long getLeadMediaId() {
    return leadMediaId;
  }

  public void setLeadMediaId(Long leadMediaId) {
    this.leadMediaId = leadMediaId;
    this.leadMedia = leadMediaId == null ? null : media.find(leadMediaId).orElse(null);
  }

  public String getMediaQuery() {
    return mediaQuery;
  }

  public void setMediaQuery(String mediaQuery) {
    this.mediaQuery = mediaQuery;
  }

  public List<MediaItem> getMediaResults() {
    return mediaResults;
  }

  private boolean fieldError(String field, String key, Object... arguments) {
    FacesContext faces = FacesContext.getCurrentInstance();
    String text = arguments.length == 0 ? messages.get(key) : messages.format(key, arguments);
    faces.addMessage("editor:" + field, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    faces.validationFailed();
    return false;
  }

  private String target() {
    return (page ? "page " : "article ") + id;
  }

  private String redirectToSelf() {
    return "/admin/articles/edit?faces-redirect=true&id=" + id;
  }

  // ----- what the page shows -----

  /** The sections to choose from, read once per view. */
  public List<SectionUsage> getSections() {
    if (sectionList == null) {
      sectionList = sections.all();
    }
    return sectionList;
  }

  /** The authors to choose from, read once per view. */
  public List<Author> getAuthors() {
    if (authorList == null) {
      authorList = authors.all();
    }
    return authorList;
  }

  public BodyFormat[] getFormats() {
    return BodyFormat.values();
  }

  /** The public address, when readers can open it. */
  public String getPublicPath() {
    boolean readable =
        status == ArticleStatus.PUBLISHED
            || status == ArticleStatus.ARCHIVED
            || (status == ArticleStatus.SCHEDULED
                && publishedAt != null
                && !publishedAt.isAfter(Instant.now()));
    if (!readable || loaded == null) {
      return null;
    }
    return page && pagePath != null ? "/" + pagePath : "/articles/" + loaded.slug();
  }

  public boolean isNew() {
    return id == null;
  }

  public String getScheduleDefault() {
    Instant base = publishedAt != null && publishedAt.isAfter(Instant.now()) ? publishedAt : null;
    return base == null ? null : LOCAL_INPUT.format(base.atZone(site.getZone()));
  }

  public String getIdParameter() {
    return idParameter;
  }

  public void setIdParameter(String idParameter) {
    this.idParameter = idParameter;
  }

  public Long getId() {
    return id;
  }

  public long getVersion() {
    return version;
  }

  public ArticleStatus getStatus() {
    return status;
  }

  public Instant getPublishedAt() {
    return publishedAt;
  }

  public List<String> getFormerSlugs() {
    return formerSlugs;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    this.slug = slug == null ? null : slug.toLowerCase(Locale.ROOT);
  }

  public String getStandfirst() {
    return standfirst;
  }

  public void setStandfirst(String standfirst) {
    this.standfirst = standfirst;
  }

  public BodyFormat getFormat() {
    return format;
  }

  public void setFormat(BodyFormat format) {
    this.format = format;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public Long getSectionId() {
    return sectionId;
  }

  public void setSectionId(Long sectionId) {
    this.sectionId = sectionId;
  }

  public List<Long> getAuthorIds() {
    return authorIds;
  }

  public void setAuthorIds(List<Long> authorIds) {
    this.authorIds = authorIds == null ? new ArrayList<>() : new ArrayList<>(authorIds);
  }

  /** The tags as the text field shows them: names separated by commas. */
  public String getTagsText() {
    return String.join(", ", tagNames);
  }

  /** Reads the text field: names separated by commas, blanks ignored. */
  public void setTagsText(String text) {
    tagNames = new ArrayList<>();
    if (text != null) {
      for (String name : text.split(",")) {
        if (!name.isBlank()) {
          tagNames.add(name.strip());
        }
      }
    }
  }

  /** Every tag's name, offered by the browser as the tags field is typed. */
  public List<String> getTagSuggestions() {
    if (tagNameList == null) {
      tagNameList = tags.all().stream().map(usage -> usage.tag().name()).toList();
    }
    return tagNameList;
  }

  public List<String> getTagNames() {
    return tagNames;
  }

  public void setTagNames(List<String> tagNames) {
    this.tagNames = tagNames == null ? new ArrayList<>() : new ArrayList<>(tagNames);
  }

  public String getLeadImageUrl() {
    return leadImageUrl;
  }

  public void setLeadImageUrl(String leadImageUrl) {
    this.leadImageUrl = leadImageUrl;
  }

  public String getLeadImageAlt() {
    return leadImageAlt;
  }

  public void setLeadImageAlt(String leadImageAlt) {
    this.leadImageAlt = leadImageAlt;
  }

  public boolean isCommentsOpen() {
    return commentsOpen;
  }

  public void setCommentsOpen(boolean commentsOpen) {
    this.commentsOpen = commentsOpen;
  }

  public String getScheduleAt() {
    return scheduleAt;
  }

  public void setScheduleAt(String scheduleAt) {
    this.scheduleAt = scheduleAt;
  }

  public String getPreview() {
    return preview;
  }

  public List<RevisionInfo> getRevisions() {
    return revisions;
  }

  public Integer getDiffFrom() {
    return diffFrom;
  }

  public void setDiffFrom(Integer diffFrom) {
    this.diffFrom = diffFrom;
  }

  public Integer getDiffTo() {
    return diffTo;
  }

  public void setDiffTo(Integer diffTo) {
    this.diffTo = diffTo;
  }

  public List<DiffLine> getDiff() {
    return diff;
  }
}
