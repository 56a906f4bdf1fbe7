package org.tribune.web.site;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * What the layout prints in {@code <head>} for the current page: title, description, canonical
 * address, OpenGraph type and image, JSON-LD. Each backing bean fills it in its view action.
 */
@Named("meta")
@RequestScoped
public class PageMeta {
  private String title;
  private String description;
  private String canonicalPath = "/";
  private String type = "website";
  private String image;
  private String imageAlt;
  private int imageWidth;
  private int imageHeight;
  private String jsonLd;
  private boolean indexable = true;

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getCanonicalPath() {
    return canonicalPath;
  }

  public void setCanonicalPath(String canonicalPath) {
    this.canonicalPath = canonicalPath;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getImage() {
    return image;
  }

  public String getImageAlt() {
    return imageAlt;
  }

  public void setImage(String image, String alt) {
    this.image = image;
    this.imageAlt = alt;
  }

  /** An image of known size (the media library's): sharing sites lay out their card without it. */
  public void setImage(String image, String alt, int width, int height) {
    setImage(image, alt);
    this.imageWidth = width;
    this.imageHeight = height;
  }

  /** The image's width in pixels, 0 when unknown. */
  public int getImageWidth() {
    return imageWidth;
  }

  public int getImageHeight() {
    return imageHeight;
  }

  /** JSON-LD, already safe to place inside a {@code <script>} element. */
  public String getJsonLd() {
    return jsonLd;
  }

  public void setJsonLd(String jsonLd) {
    this.jsonLd = jsonLd == null ? null : jsonLd.replace("<", "\\u003c");
  }

  public boolean isIndexable() {
    return indexable;
  }

  public void setIndexable(boolean indexable) {
    this.indexable = indexable;
  }
}
