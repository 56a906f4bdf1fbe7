package org.tribune.web.console.taxonomy;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.ConstraintViolationException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.tribune.articles.api.ArticleLimits;
import org.tribune.articles.api.AuthorService;
import org.tribune.articles.api.AuthorUsage;
import org.tribune.articles.api.InUseException;
import org.tribune.articles.api.SectionService;
import org.tribune.articles.api.SectionUsage;
import org.tribune.articles.api.SlugTakenException;
import org.tribune.articles.api.TagService;
import org.tribune.articles.api.TagUsage;
import org.tribune.comments.api.ModerationMode;
import org.tribune.comments.api.ModerationService;
import org.tribune.web.console.ConsoleMessages;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.security.Staff;

/**
 * Backs {@code /admin/taxonomy.xhtml}: one form per kind (section, tag, author) that creates a new
 * one or changes the one picked in its list (a section with its own moderation mode for comments),
 * plus merging tags and deleting unused entries.
 */
@Named
@ViewScoped
public class TaxonomyBacking implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final Pattern SLUG = Pattern.compile(ArticleLimits.SLUG_PATTERN);

  @Inject private SectionService sections;
  @Inject private TagService tags;
  @Inject private AuthorService authors;
  @Inject private ModerationService moderation;
  @Inject private Staff staff;
  @Inject private ConsoleMessages messages;

  private Long sectionId;
  private String sectionName;
  private String sectionSlug;
  private String sectionDescription;
  private Long sectionParentId;
  private ModerationMode sectionMode;
  private transient Map<Long, ModerationMode> modes;

  private Long tagId;
  private String tagName;
  private String tagSlug;
  private String tagDescription;
  private Long mergeFromId;
  private Long mergeIntoId;

  private Long authorId;
  private String authorName;
  private String authorBio;

  public List<SectionUsage> getSections() {
    return sections.all();
  }

  public List<SectionUsage> getTopSections() {
    return sections.all().stream().filter(s -> s.parent() == null).toList();
  }

  public List<TagUsage> getTags() {
    return tags.all();
  }

  public List<AuthorUsage> getAuthors() {
    return authors.allWithCounts();
  }

  // ----- sections -----

  public void editSection(long id) {
    modes = null;
    sections.all().stream()
        .filter(s -> s.id() == id)
        .findFirst()
        .ifPresent(
            s -> {
              sectionId = s.id();
              sectionName = s.name();
              sectionSlug = s.slug();
              sectionDescription = s.description();
              sectionParentId = s.parent() == null ? null : s.parent().id();
              sectionMode = sectionMode(s.id());
            });
  }

  public void newSection() {
    sectionId = null;
    sectionName = null;
    sectionSlug = null;
    sectionDescription = null;
    sectionParentId = null;
    sectionMode = null;
  }

  public void saveSection() {
    if (!allowed() || !validName(sectionName) || !validSlug(sectionSlug)) {
      return;
    }
    try {
      if (sectionId == null) {
        long id = sections.create(sectionName.strip(), clean(sectionDescription), sectionParentId);
        staff.audit(AuditAction.TAXONOMY_CHANGED, "section " + id, "created " + sectionName);
        saveMode(id);
      } else {
        sections.rename(
            sectionId, sectionName.strip(), slugOrNull(sectionSlug), clean(sectionDescription));
        staff.audit(AuditAction.TAXONOMY_CHANGED, "section " + sectionId, "renamed " + sectionName);
        saveMode(sectionId);
      }
      messages.info("taxonomy.saved");
      newSection();
    } catch (SlugTakenException e) {
      messages.error("taxonomy.slug.taken");
    } catch (IllegalArgumentException | ConstraintViolationException e) {
      messages.error("taxonomy.invalid");
    }
  }

  /** Gives the section the mode chosen in the form, if it is not the one it has. */
  private void saveMode(long id) {
    if (Objects.equals(sectionMode(id), sectionMode)) {
      return;
    }
    moderation.setSectionMode(id, sectionMode);
    modes = null;
    staff.audit(
        AuditAction.TAXONOMY_CHANGED,
        "section " + id,
        "moderation " + (sectionMode == null ? "inherited" : sectionMode.name()));
  }

  /** A section's own moderation mode; {@code null}: the site's. */
  public ModerationMode sectionMode(long id) {
    if (modes == null) {
      modes = moderation.sectionModes();
    }
    return modes.get(id);
  }

  public ModerationMode[] getModerationModes() {
    return ModerationMode.values();
  }

  public void deleteSection(long id) {
    if (!allowed()) {
      return;
    }
    try {
      sections.delete(id);
      staff.audit(AuditAction.TAXONOMY_CHANGED, "section " + id, "deleted");
      messages.info("taxonomy.deleted");
    } catch (InUseException e) {
      messages.error("taxonomy.in-use", e.articles(), e.subSections());
    }
  }

  // ----- tags -----

  public void editTag(long id) {
    tags.find(id)
        .ifPresent(
            t -> {
              tagId = t.id();
              tagName = t.name();
              tagSlug = t.slug();
              tagDescription = t.description();
            });
  }

  public void newTag() {
    tagId = null;
    tagName = null;
    tagSlug = null;
    tagDescription = null;
  }

  public void saveTag() {
    if (!allowed() || !validName(tagName) || !validSlug(tagSlug)) {
      return;
    }
    try {
      if (tagId == null) {
        long id = tags.findOrCreate(tagName.strip(), clean(tagDescription));
        staff.audit(AuditAction.TAXONOMY_CHANGED, "tag " + id, "created " + tagName);
      } else {
        tags.rename(tagId, tagName.strip(), slugOrNull(tagSlug), clean(tagDescription));
        staff.audit(AuditAction.TAXONOMY_CHANGED, "tag " + tagId, "renamed " + tagName);
      }
      messages.info("taxonomy.saved");
      newTag();
    } catch (SlugTakenException e) {
      messages.error("taxonomy.slug.taken");
    } catch (IllegalArgumentException | ConstraintViolationException e) {
      messages.error("taxonomy.invalid");
    }
  }

  public void mergeTags() {
    if (!allowed()) {
      return;
    }
    if (mergeFromId == null || mergeIntoId == null || mergeFromId.equals(mergeIntoId)) {
      messages.error("taxonomy.merge.choose");
      return;
    }
    try {
      tags.merge(mergeFromId, mergeIntoId);
      staff.audit(
          AuditAction.TAXONOMY_CHANGED, "tag " + mergeFromId, "merged into tag " + mergeIntoId);
      messages.info("taxonomy.merged");
      mergeFromId = null;
      mergeIntoId = null;
    } catch (IllegalArgumentException e) {
      messages.error("taxonomy.invalid");
    }
  }

  public void deleteTag(long id) {
    if (!allowed()) {
      return;
    }
    try {
      tags.delete(id);
      staff.audit(AuditAction.TAXONOMY_CHANGED, "tag " + id, "deleted");
      messages.info("taxonomy.deleted");
    } catch (InUseException e) {
      messages.error("taxonomy.in-use", e.articles(), e.subSections());
    }
  }

  // ----- authors -----

  public void editAuthor(long id) {
    authors
        .find(id)
        .ifPresent(
            a -> {
              authorId = a.id();
              authorName = a.name();
              authorBio = a.bio();
            });
  }

  public void newAuthor() {
    authorId = null;
    authorName = null;
    authorBio = null;
  }

  public void saveAuthor() {
    if (!allowed() || !validName(authorName)) {
      return;
    }
    if (authorBio != null && authorBio.length() > ArticleLimits.DESCRIPTION_LENGTH) {
      messages.error("taxonomy.description.too-long", ArticleLimits.DESCRIPTION_LENGTH);
      return;
    }
    try {
      if (authorId == null) {
        long id = authors.create(authorName.strip(), clean(authorBio));
        staff.audit(AuditAction.TAXONOMY_CHANGED, "author " + id, "created " + authorName);
      } else {
        authors.update(authorId, authorName.strip(), clean(authorBio));
        staff.audit(AuditAction.TAXONOMY_CHANGED, "author " + authorId, "renamed " + authorName);
      }
      messages.info("taxonomy.saved");
      newAuthor();
    } catch (IllegalArgumentException | ConstraintViolationException e) {
      messages.error("taxonomy.invalid");
    }
  }

  public void deleteAuthor(long id) {
    if (!allowed()) {
      return;
    }
    try {
      authors.delete(id);
      staff.audit(AuditAction.TAXONOMY_CHANGED, "author " + id, "deleted");
      messages.info("taxonomy.deleted");
    } catch (InUseException e) {
      messages.error("taxonomy.in-use", e.articles(), e.subSections());
    }
  }

  // ----- checks -----

  private boolean allowed() {
    if (!staff.isEditor()) {
      messages.error("error.forbidden.text");
      return false;
    }
    return true;
  }

  private boolean validName(String name) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty() || clean.length() > ArticleLimits.NAME_LENGTH) {
      messages.error("taxonomy.name.invalid", ArticleLimits.NAME_LENGTH);
      return false;
    }
    return true;
  }

  private boolean validSlug(String slug) {
    String clean = slug == null ? "" : slug.strip();
    if (clean.length() > ArticleLimits.SLUG_LENGTH || !SLUG.matcher(clean).matches()) {
      messages.error("editor.slug.invalid");
      return false;
    }
    return true;
  }

  private static String slugOrNull(String slug) {
    return slug == null || slug.isBlank() ? null : slug.strip();
  }

  private static String clean(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String stripped = text.strip();
    return stripped.length() > ArticleLimits.DESCRIPTION_LENGTH
        ? stripped.substring(0, ArticleLimits.DESCRIPTION_LENGTH)
        : stripped;
  }

  // ----- form fields -----

  public Long getSectionId() {
    return sectionId;
  }

  public String getSectionName() {
    return sectionName;
  }

  public void setSectionName(String sectionName) {
    this.sectionName = sectionName;
  }

  public String getSectionSlug() {
    return sectionSlug;
  }

  public void setSectionSlug(String sectionSlug) {
    this.sectionSlug = sectionSlug;
  }

  public String getSectionDescription() {
    return sectionDescription;
  }

  public void setSectionDescription(String sectionDescription) {
    this.sectionDescription = sectionDescription;
  }

  public Long getSectionParentId() {
    return sectionParentId;
  }

  public void setSectionParentId(Long sectionParentId) {
    this.sectionParentId = sectionParentId;
  }

  public ModerationMode getSectionMode() {
    return sectionMode;
  }

  public void setSectionMode(ModerationMode sectionMode) {
    this.sectionMode = sectionMode;
  }

  public Long getTagId() {
    return tagId;
  }

  public String getTagName() {
    return tagName;
  }

  public void setTagName(String tagName) {
    this.tagName = tagName;
  }

  public String getTagSlug() {
    return tagSlug;
  }

  public void setTagSlug(String tagSlug) {
    this.tagSlug = tagSlug;
  }

  public String getTagDescription() {
    return tagDescription;
  }

  public void setTagDescription(String tagDescription) {
    this.tagDescription = tagDescription;
  }

  public Long getMergeFromId() {
    return mergeFromId;
  }

  public void setMergeFromId(Long mergeFromId) {
    this.mergeFromId = mergeFromId;
  }

  public Long getMergeIntoId() {
    return mergeIntoId;
  }

  public void setMergeIntoId(Long mergeIntoId) {
    this.mergeIntoId = mergeIntoId;
  }

  public Long getAuthorId() {
    return authorId;
  }

  public String getAuthorName() {
    return authorName;
  }

  public void setAuthorName(String authorName) {
    this.authorName = authorName;
  }

  public String getAuthorBio() {
    return authorBio;
  }

  public void setAuthorBio(String authorBio) {
    this.authorBio = authorBio;
  }
}
