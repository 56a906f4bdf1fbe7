package org.tribune.articles.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * What staff write about an image: its text alternative, caption, credit and focal point (both
 * coordinates or neither, each from 0 to 1).
 */
public record MediaDescription(
    @Size(max = MediaLimits.ALT_LENGTH) String alt,
    @Size(max = MediaLimits.CAPTION_LENGTH) String caption,
    @Size(max = MediaLimits.CREDIT_LENGTH) String credit,
    @DecimalMin("0") @DecimalMax("1") Double focalX,
    @DecimalMin("0") @DecimalMax("1") Double focalY)
    implements Serializable {

  public MediaDescription {
    alt = alt == null ? "" : alt.strip();
    caption = caption == null ? "" : caption.strip();
    credit = credit == null ? "" : credit.strip();
  }

  /** Only a text alternative, caption and credit. */
  public MediaDescription(String alt, String caption, String credit) {
    this(alt, caption, credit, null, null);
  }

  @AssertTrue(message = "a focal point has both coordinates or neither")
  public boolean isFocalPointWhole() {
    return (focalX == null) == (focalY == null);
  }
}
