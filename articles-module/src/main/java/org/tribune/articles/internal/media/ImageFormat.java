package org.tribune.articles.internal.media;

/** The image formats the media library takes, recognised by their content (never by a name). */
public enum ImageFormat {
  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  GIF("image/gif", "gif"),
  WEBP("image/webp", "webp");

  private final String contentType;
  private final String extension;

  ImageFormat(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  /** The media type the file is served with. */
  public String contentType() {
    return contentType;
  }

  /** The file name extension, without the dot. */
  public String extension() {
    return extension;
  }

  /** The format served with this media type. */
  public static ImageFormat ofContentType(String contentType) {
    for (ImageFormat format : values()) {
      if (format.contentType.equals(contentType)) {
        return format;
      }
    }
    throw new IllegalArgumentException("Not a format of the library: " + contentType);
  }
}
