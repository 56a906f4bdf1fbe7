package org.tribune.articles.internal.media;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.tribune.articles.api.MediaDescription;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaLimits;
import org.tribune.articles.api.MediaRendition;
import org.tribune.articles.internal.ArticleTables;

/**
 * An image of the media library: what is known of its stored files (hash, format, sizes) and what
 * staff wrote about it. Kept in the shared cache: pages read it on every render.
 */
@Entity(name = "LibraryImage")
@Table(name = "articles_media")
@Cacheable
public class LibraryImage {
  static final int SEARCH_LENGTH = 2000;

  @Id
  @SequenceGenerator(
      name = "articles_media_seq",
      sequenceName = "articles_media_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "articles_media_seq")
  private Long id;

  @Version private long version;

  @Column(nullable = false, length = 64)
  private String hash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private ImageFormat format;

  @Column(name = "original_name", nullable = false, length = MediaLimits.NAME_LENGTH)
  private String originalName;

  @Column(nullable = false)
  private long bytes;

  @Column(nullable = false)
  private int width;

  @Column(nullable = false)
  private int height;

  /** The derivatives' sizes, narrowest first: {@code 320x213,640x427}. */
  @Column(nullable = false, length = 200)
  private String widths;

  @Enumerated(EnumType.STRING)
  @Column(name = "derived_format", nullable = false, length = 10)
  private ImageFormat derivedFormat;

  @Column(nullable = false, length = MediaLimits.ALT_LENGTH)
  private String alt;

  @Column(nullable = false, length = MediaLimits.CAPTION_LENGTH)
  private String caption;

  @Column(nullable = false, length = MediaLimits.CREDIT_LENGTH)
  private String credit;

  @Column(name = "focal_x")
  private Double focalX;

  @Column(name = "focal_y")
  private Double focalY;

  @Column(name = "uploaded_by", nullable = false, length = 254)
  private String uploadedBy;

  @Column(name = "uploaded_at", nullable = false)
  private Instant uploadedAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "search_text", nullable = false, length = SEARCH_LENGTH)
  private String searchText;

  protected LibraryImage() {}

  /** A new item for a processed upload, not described yet. */
  public LibraryImage(ProcessedImage image, String originalName, String uploadedBy, Instant now) {
    this.uploadedBy = cut(Objects.requireNonNull(uploadedBy, "uploadedBy").strip(), 254);
    this.uploadedAt = micros(now);
    this.alt = "";
    this.caption = "";
    this.credit = "";
    takeFile(image, originalName, now);
  }

  /** The item now stands for another file; its description stays. */
  public void takeFile(ProcessedImage image, String newOriginalName, Instant now) {
    if (image.derivatives().isEmpty()) {
      throw new IllegalArgumentException("An image needs at least one derivative");
    }
    this.hash = image.sha256();
    this.format = image.format();
    this.originalName = displayName(newOriginalName);
    this.bytes = image.bytes();
    this.width = image.width();
    this.height = image.height();
    List<String> sizes = new ArrayList<>();
    for (Derivative d : image.derivatives()) {
      sizes.add(d.width() + "x" + d.height());
    }
    this.widths = String.join(",", sizes);
    this.derivedFormat = ImageFormat.ofContentType(image.derivatives().get(0).contentType());
    this.updatedAt = micros(now);
    index();
  }

  public void describe(MediaDescription description, Instant now) {
    this.alt = description.alt();
    this.caption = description.caption();
    this.credit = description.credit();
    this.focalX = description.focalX();
    this.focalY = description.focalY();
    this.updatedAt = micros(now);
    index();
  }

  /**
   * The name as the uploader's computer gave it, for display: its last path element only (a name is
   * never used as a path), control characters dropped, accents and emoji kept, cut to the column.
   */
  static String displayName(String name) {
    String text = name == null ? "" : name;
    int slash = Math.max(text.lastIndexOf('/'), text.lastIndexOf('\\'));
    text = text.substring(slash + 1).replaceAll("\\p{Cntrl}", "").strip();
    if (text.isEmpty() || text.equals(".") || text.equals("..")) {
      text = "image";
    }
    return cut(text, MediaLimits.NAME_LENGTH);
  }

  /** Lower case, accents removed: how the library's search compares texts. */
  static String fold(String text) {
    String decomposed = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD);
    return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
  }

  private void index() {
    this.searchText =
        cut(fold(String.join("\n", alt, caption, credit, originalName)), SEARCH_LENGTH);
  }

  private static String cut(String text, int length) {
    if (text.length() <= length) {
      return text;
    }
    int end = length;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  private static Instant micros(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MICROS);
  }

  public Long getId() {
    return id;
  }

  public String getHash() {
    return hash;
  }

  public ImageFormat getFormat() {
    return format;
  }

  /** The store's key of the original. */
  String originalKey() {
    return originalKey(hash, format);
  }

  static String originalKey(String hash, ImageFormat format) {
    return "originals/" + hash + "." + format.extension();
  }

  /** The store's keys of the derivatives. */
  List<String> derivedKeys() {
    return renditions().stream().map(r -> "derived/" + r.path().substring(PATH.length())).toList();
  }

  static final String PATH = "/media/";

  List<MediaRendition> renditions() {
    List<MediaRendition> renditions = new ArrayList<>();
    for (String size : widths.split(",")) {
      int x = size.indexOf('x');
      int w = Integer.parseInt(size.substring(0, x));
      int h = Integer.parseInt(size.substring(x + 1));
      renditions.add(
          new MediaRendition(w, h, PATH + hash + "-" + w + "." + derivedFormat.extension()));
    }
    return renditions;
  }

  /** Its row as a restore writes it, under the id the item had ({@code itemId}). */
  ArticleTables.MediaRow toRow(long itemId) {
    return new ArticleTables.MediaRow(
        itemId,
        hash,
        format.name(),
        originalName,
        bytes,
        width,
        height,
        widths,
        derivedFormat.name(),
        alt,
        caption,
        credit,
        focalX,
        focalY,
        uploadedBy,
        uploadedAt,
        updatedAt,
        searchText);
  }

  public MediaItem toRecord() {
    return new MediaItem(
        id,
        hash,
        originalName,
        format.contentType(),
        bytes,
        width,
        height,
        alt,
        caption,
        credit,
        focalX,
        focalY,
        uploadedBy,
        uploadedAt,
        updatedAt,
        renditions());
  }
}
