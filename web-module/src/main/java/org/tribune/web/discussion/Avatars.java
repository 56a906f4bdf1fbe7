package org.tribune.web.discussion;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Commenters' pictures drawn here from their avatar seed ({@code CommentView.avatar()}): a 5 × 5
 * symmetrical pattern in one colour (an identicon), an SVG file of a few hundred bytes served at
 * {@code /avatars/{seed}.svg} ({@link AvatarServlet}). No third party (no Gravatar) is asked for
 * anything, and the seed tells nothing of the author. The picture is decorative: the author's name
 * is beside it.
 */
@ApplicationScoped
public class Avatars {
  private static final int MOST_KEPT = 5_000;
  private static final int SIZE = 5;
  private static final int HALF = 3;

  private final Map<String, String> drawn = new ConcurrentHashMap<>();

  /** The SVG markup of a seed, or an empty string for none or a malformed one. */
  public String svg(String seed) {
    if (!isSeed(seed)) {
      return "";
    }
    String svg = drawn.get(seed);
    if (svg == null) {
      if (drawn.size() > MOST_KEPT) {
        drawn.clear();
      }
      svg = draw(Long.parseUnsignedLong(seed, 16));
      drawn.put(seed, svg);
    }
    return svg;
  }

  static String draw(long bits) {
    StringBuilder cells = new StringBuilder();
    int cell = 0;
    for (int row = 0; row < SIZE; row++) {
      for (int column = 0; column < HALF; column++) {
        if ((bits >>> cell++ & 1) == 1) {
          cells.append('M').append(column).append(' ').append(row).append("h1v1h-1z");
          if (column < HALF - 1) {
            cells.append('M').append(SIZE - 1 - column).append(' ').append(row).append("h1v1h-1z");
          }
        }
      }
    }
    int hue = (int) ((bits >>> 16) % 360);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-0.5 -0.5 6 6\" width=\"64\""
        + " height=\"64\"><rect x=\"-0.5\" y=\"-0.5\" width=\"6\" height=\"6\" fill=\"#f1efe9\"/>"
        + "<path fill=\"hsl("
        + hue
        + ",50%,42%)\" d=\""
        + cells
        + "\"/></svg>";
  }

  /** Whether a seed is one {@link #svg} draws. */
  static boolean isSeed(String seed) {
    return seed != null && seed.length() == 16 && seed.chars().allMatch(Avatars::isHex);
  }

  private static boolean isHex(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }
}
