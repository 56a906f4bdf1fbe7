package org.tribune.articles.internal.media;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.FileImageOutputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.tribune.articles.api.MediaRejectedException;
import org.tribune.articles.api.MediaRejectedException.Reason;

/**
 * Turns an uploaded file into what the media library stores: the original stripped of its metadata
 * and the widths the site shows. Plain Java, no container: one instance serves every upload and may
 * be used from many threads.
 *
 * <ol>
 *   <li>The format is told from the content ({@link ContentSniffer}): JPEG, PNG, GIF and WebP pass;
 *       SVG, other image formats and anything else are refused.
 *   <li>The dimensions are read from the header only, and an image of more than {@code maxPixels}
 *       pixels is refused before any pixel is decoded (decompression bombs).
 *   <li>The original is copied without its metadata at the byte level ({@link MetadataStripper}):
 *       its compressed pixels are never decoded at full size nor re-encoded. The stored JPEG keeps
 *       its EXIF orientation, alone.
 *   <li>The pixels are decoded with source subsampling, so that the decoded raster is at most about
 *       twice the largest derivative's width whatever the image's size (a 24-megapixel JPEG costs
 *       18 MB, not 72), converted to sRGB when it has another profile (CMYK and YCCK JPEGs
 *       included, through TwelveMonkeys' reader), scaled down by halving steps and a last bilinear
 *       one, and turned upright according to the EXIF orientation.
 *   <li>Each derivative is encoded from pixels, so it carries no metadata: a progressive JPEG
 *       (quality 0.82), or a PNG when the image has transparent pixels.
 * </ol>
 *
 * <p>Of an animated GIF or WebP only the first frame is made into derivatives (the stored original
 * keeps its animation, bar APNG's: see {@link MetadataStripper}).
 *
 * <p>Memory: at most as many decodes as the machine has processors run at once in the whole JVM
 * (the heap is the JVM's, so the bound is too); other uploads wait their turn. WebP is the
 * exception: its reader decodes the whole frame, so a large WebP is decoded alone and one too large
 * for the heap is refused ({@code TOO_MANY_PIXELS}). Readers and writers are the library's own
 * instances ({@link ImageCodecs}), never looked up in the global ImageIO registry, and read and
 * write files directly (no ImageIO disk cache).
 */
public final class ImageProcessor {

  /** JPEG quality of the derivatives: no visible loss at the sizes shown, about a tenth of PNG. */
  static final float JPEG_QUALITY = 0.82f;

  /** Warnings of the decoders that mean the data is incomplete (others are tolerated). */
  private static final Pattern MISSING_DATA =
      Pattern.compile("premature|truncat|missing|end of (file|stream|data)|insufficient");

  /** The pixels of opaque images while they are scaled. */
  private static final int OPAQUE = BufferedImage.TYPE_INT_RGB;

  /** The pixels of images with transparency: premultiplied, so scaling does not darken edges. */
  private static final int TRANSPARENT = BufferedImage.TYPE_INT_ARGB_PRE;

  private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

  /** Decodes at once in the JVM; fair, so that a WebP waiting for every permit gets them. */
  private static final Semaphore DECODES = new Semaphore(PROCESSORS, true);

  /**
   * TwelveMonkeys' WebP reader keeps the whole frame whatever the subsampling (its lossless decoder
   * an int a pixel, its lossy one about as much in macroblock objects): a 49-megapixel lossy WebP
   * needed 60 to 90 MB of heap. So a WebP must fit in a third of the heap (17 megapixels in 256
   * MB), and one of more than {@link #WEBP_SHARED_PIXELS} is decoded alone.
   */
  private static final int WEBP_BYTES_PER_PIXEL = 4;

  private static final long WEBP_BUDGET = Runtime.getRuntime().maxMemory() / 3;
  private static final long WEBP_SHARED_PIXELS = 4_000_000;

  private final long maxPixels;
  private final List<Integer> widths;
  private final Path workDir;

  /**
   * @param maxPixels refuse images with more pixels (width × height) than this, before decoding
   * @param widths the derivative widths the site uses, e.g. 320, 640, 960, 1280, 1920
   * @param workDir folder for the output temporary files (the caller deletes them)
   */
  public ImageProcessor(long maxPixels, List<Integer> widths, Path workDir) {
    if (maxPixels < 1) {
      throw new IllegalArgumentException("maxPixels must be positive: " + maxPixels);
    }
    if (widths.isEmpty() || widths.stream().anyMatch(w -> w == null || w < 1)) {
      throw new IllegalArgumentException("widths must be positive and not empty: " + widths);
    }
    if (!Files.isDirectory(workDir)) {
      throw new IllegalArgumentException("not a folder: " + workDir);
    }
    this.maxPixels = maxPixels;
    this.widths = widths.stream().distinct().sorted().toList();
    this.workDir = workDir;
  }

  /**
   * Checks the upload and makes the stripped original and the derivatives in the work folder.
   *
   * @throws MediaRejectedException for a file the library does not take: nothing is left in the
   *     work folder then
   */
  public ProcessedImage process(Path upload) throws IOException {
    if (Files.size(upload) == 0) {
      throw new MediaRejectedException(Reason.EMPTY, "empty file");
    }
    ImageFormat format = ContentSniffer.sniff(upload);
    int[] raw = dimensions(upload, format);
    if ((long) raw[0] * raw[1] > maxPixels) {
      throw new MediaRejectedException(
          Reason.TOO_MANY_PIXELS,
          raw[0] + " × " + raw[1] + " pixels, more than " + maxPixels + " allowed");
    }
    long pixels = (long) raw[0] * raw[1];
    if (format == ImageFormat.WEBP && pixels * WEBP_BYTES_PER_PIXEL > WEBP_BUDGET) {
      throw new MediaRejectedException(
          Reason.TOO_MANY_PIXELS,
          "a WebP of "
              + raw[0]
              + " × "
              + raw[1]
              + " pixels is decoded whole: more than this"
              + " heap can give one upload");
    }
    int permits = format == ImageFormat.WEBP && pixels > WEBP_SHARED_PIXELS ? PROCESSORS : 1;
    int orientation = orientation(upload, format);
    boolean turned = orientation >= 5;
    int width = turned ? raw[1] : raw[0];
    int height = turned ? raw[0] : raw[1];

    List<Path> created = new ArrayList<>();
    try {
      Path original = Files.createTempFile(workDir, "original-", "." + format.extension());
      created.add(original);
      MetadataStripper.strip(format, upload, original, orientation);

      List<Integer> targets = targetWidths(width);
      int largest = targets.get(targets.size() - 1);
      List<Derivative> derivatives = new ArrayList<>();
      acquireDecode(permits);
      try {
        BufferedImage image = toSrgb(decode(original, format, subsampling(width, largest)));
        int type = hasTransparentPixels(image) ? TRANSPARENT : OPAQUE;
        for (int i = targets.size() - 1; i >= 0; i--) {
          int w = targets.get(i);
          int h = (int) Math.max(1, Math.round((double) height * w / width));
          if (i == targets.size() - 1) { // the largest: scaled as stored, then turned upright
            image = orient(scale(image, turned ? h : w, turned ? w : h, type), orientation);
          } else {
            image = scale(image, w, h, type);
          }
          derivatives.add(0, write(image, created));
        }
      } finally {
        DECODES.release(permits);
      }
      ProcessedImage processed =
          new ProcessedImage(
              format, sha256(original), width, height, Files.size(original), original, derivatives);
      created.clear();
      return processed;
    } finally {
      for (Path file : created) {
        Files.deleteIfExists(file);
      }
    }
  }

  /**
   * The widths to make, ascending: the site's widths below the image's own, then the image's own
   * width when it is not wider than the largest the site uses. A 640 px image is thus shown at 640
   * px where the column allows it, not at the 320 px below; a 3000 px image stops at the largest
   * width. Never upscaled.
   */
  List<Integer> targetWidths(int imageWidth) {
    List<Integer> targets = new ArrayList<>(widths.stream().filter(w -> w < imageWidth).toList());
    if (imageWidth <= widths.get(widths.size() - 1) || targets.isEmpty()) {
      targets.add(imageWidth);
    }
    return List.copyOf(targets);
  }

  /**
   * The subsampling factor that keeps the decoded width at most twice the largest derivative's and
   * at least that derivative's (no upscaling). The factor is the same along both axes, so either
   * may be the displayed width.
   */
  static int subsampling(int displayedWidth, int largestDerivative) {
    return Math.max(1, (int) Math.ceil(displayedWidth / (2.0 * largestDerivative)));
  }

  // --- reading

  private static int[] dimensions(Path file, ImageFormat format) throws IOException {
    ImageReader reader = ImageCodecs.reader(format);
    try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
      reader.setInput(in, false, true); // not forward only: the GIF's screen is read again after
      int width = reader.getWidth(0);
      int height = reader.getHeight(0);
      if (width < 1 || height < 1) {
        throw damaged("dimensions " + width + " × " + height, null);
      }
      if (format == ImageFormat.GIF) {
        // browsers draw a GIF on its logical screen, which may be larger than its first frame
        in.seek(6);
        in.setByteOrder(ByteOrder.LITTLE_ENDIAN);
        int screenWidth = in.readUnsignedShort();
        int screenHeight = in.readUnsignedShort();
        if ((long) screenWidth * screenHeight > (long) width * height) {
          return new int[] {screenWidth, screenHeight};
        }
      }
      return new int[] {width, height};
    } catch (IOException | RuntimeException e) {
      if (e instanceof MediaRejectedException rejected) {
        throw rejected;
      }
      throw damaged("unreadable " + format + " header: " + e.getMessage(), e);
    } finally {
      reader.dispose();
    }
  }

  /** The EXIF orientation (1–8), 1 when there is none or it cannot be read. */
  private static int orientation(Path file, ImageFormat format) {
    if (format == ImageFormat.GIF) {
      return 1;
    }
    try {
      Metadata metadata = ImageMetadataReader.readMetadata(file.toFile());
      for (ExifIFD0Directory exif : metadata.getDirectoriesOfType(ExifIFD0Directory.class)) {
        Integer value = exif.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
        if (value != null && value >= 1 && value <= 8) {
          return value;
        }
      }
    } catch (Exception | StackOverflowError unreadable) {
      // metadata-extractor is lenient but not bullet-proof: a broken EXIF means no orientation
    }
    return 1;
  }

  private static BufferedImage decode(Path file, ImageFormat format, int subsampling)
      throws IOException {
    ImageReader reader = ImageCodecs.reader(format);
    List<String> warnings = new ArrayList<>();
    try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
      reader.setInput(in, true, false);
      reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
      ImageReadParam param = reader.getDefaultReadParam();
      if (subsampling > 1) {
        param.setSourceSubsampling(subsampling, subsampling, 0, 0);
      }
      BufferedImage image = reader.read(0, param);
      for (String warning : warnings) {
        if (MISSING_DATA.matcher(warning.toLowerCase(Locale.ROOT)).find()) {
          throw damaged("incomplete " + format + " data: " + warning, null);
        }
      }
      return image;
    } catch (IOException | RuntimeException e) {
      if (e instanceof MediaRejectedException rejected) {
        throw rejected;
      }
      throw damaged("undecodable " + format + " data: " + e, e);
    } finally {
      reader.dispose();
    }
  }

  // --- pixels

  /**
   * The image turned upright: the last step, on the largest derivative rather than on the decoded
   * image, so that it costs one derivative's worth of memory.
   */
  private static BufferedImage orient(BufferedImage scaled, int orientation) {
    if (orientation == 1) {
      return scaled;
    }
    BufferedImage image = packed(scaled);
    int w = image.getWidth();
    int h = image.getHeight();
    boolean turned = orientation >= 5;
    int ow = turned ? h : w;
    int oh = turned ? w : h;
    BufferedImage out = new BufferedImage(ow, oh, image.getType());
    int[] src = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    int[] dst = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    for (int y = 0; y < oh; y++) {
      for (int x = 0; x < ow; x++) {
        int sx;
        int sy;
        switch (orientation) {
          case 2 -> { // mirrored left to right
            sx = w - 1 - x;
            sy = y;
          }
          case 3 -> { // upside down
            sx = w - 1 - x;
            sy = h - 1 - y;
          }
          case 4 -> { // mirrored top to bottom
            sx = x;
            sy = h - 1 - y;
          }
          case 5 -> { // transposed
            sx = y;
            sy = x;
          }
          case 6 -> { // to be turned a quarter clockwise
            sx = y;
            sy = h - 1 - x;
          }
          case 7 -> { // transversed
            sx = w - 1 - y;
            sy = h - 1 - x;
          }
          default -> { // 8: to be turned a quarter anticlockwise
            sx = w - 1 - y;
            sy = x;
          }
        }
        dst[y * ow + x] = src[sy * w + sx];
      }
    }
    return out;
  }

  /** The image itself when its pixels are one packed int each, with no offset; else a copy. */
  private static BufferedImage packed(BufferedImage image) {
    int type = image.getType();
    if ((type == OPAQUE || type == TRANSPARENT)
        && image.getRaster().getDataBuffer().getOffset() == 0
        && image.getRaster().getSampleModel() instanceof SinglePixelPackedSampleModel model
        && model.getScanlineStride() == image.getWidth()
        && image.getRaster().getSampleModelTranslateX() == 0
        && image.getRaster().getSampleModelTranslateY() == 0) {
      return image;
    }
    return resize(
        image, image.getWidth(), image.getHeight(), type == OPAQUE ? OPAQUE : TRANSPARENT);
  }

  /**
   * The decoded image itself when it is sRGB or grey (grey is taken value for value: JPEG and PNG
   * grey is sRGB-encoded, not the linear grey of Java's {@code CS_GRAY}), else converted to sRGB
   * through its colour profile (Adobe RGB, Display P3…, or what a CMYK reader left).
   */
  private static BufferedImage toSrgb(BufferedImage decoded) {
    ColorSpace space = decoded.getColorModel().getColorSpace();
    if (space.isCS_sRGB() || space.getType() == ColorSpace.TYPE_GRAY) {
      return decoded;
    }
    boolean alpha = decoded.getColorModel().hasAlpha();
    BufferedImage rgb =
        new BufferedImage(
            decoded.getWidth(),
            decoded.getHeight(),
            alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    return new ColorConvertOp(null).filter(decoded, rgb);
  }

  /** Whether some pixel is not fully opaque (an alpha channel alone does not make a PNG). */
  private static boolean hasTransparentPixels(BufferedImage image) {
    if (!image.getColorModel().hasAlpha()) {
      return false;
    }
    int width = image.getWidth();
    int[] row = new int[width];
    for (int y = 0; y < image.getHeight(); y++) {
      image.getRGB(0, y, width, 1, row, 0, width);
      for (int pixel : row) {
        if (pixel >>> 24 != 0xFF) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The image at the size, as {@code type}: halving while it is at least twice the size (each
   * halving averages 2 × 2 pixels), then one bilinear step.
   */
  private static BufferedImage scale(BufferedImage image, int width, int height, int type) {
    BufferedImage current = image;
    while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
      current = resize(current, current.getWidth() / 2, current.getHeight() / 2, type);
    }
    if (current.getWidth() != width || current.getHeight() != height || current.getType() != type) {
      current = resize(current, width, height, type);
    }
    return current;
  }

  private static BufferedImage resize(BufferedImage image, int width, int height, int type) {
    BufferedImage out = new BufferedImage(width, height, type);
    Graphics2D g = out.createGraphics();
    g.setComposite(AlphaComposite.Src);
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(image, 0, 0, width, height, null);
    g.dispose();
    return out;
  }

  // --- writing

  private Derivative write(BufferedImage image, List<Path> created) throws IOException {
    boolean png = image.getType() == TRANSPARENT;
    String extension = png ? "png" : "jpg";
    Path file = Files.createTempFile(workDir, "derived-" + image.getWidth() + "-", "." + extension);
    created.add(file);
    ImageWriter writer = png ? ImageCodecs.pngWriter() : ImageCodecs.jpegWriter();
    try (ImageOutputStream out = new FileImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      BufferedImage pixels = image;
      if (png) {
        pixels = resize(image, image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
      } else {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
      }
      writer.write(null, new IIOImage(pixels, null, null), param);
    } finally {
      writer.dispose();
    }
    return new Derivative(
        image.getWidth(),
        image.getHeight(),
        png ? ImageFormat.PNG.contentType() : ImageFormat.JPEG.contentType(),
        extension,
        file,
        Files.size(file));
  }

  // --- helpers

  private static void acquireDecode(int permits) throws InterruptedIOException {
    try {
      DECODES.acquire(permits);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to decode");
    }
  }

  static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MediaRejectedException damaged(String message, Throwable cause) {
    return new MediaRejectedException(Reason.DAMAGED, message, cause);
  }

  @Override
  public String toString() {
    return "ImageProcessor[maxPixels=" + maxPixels + ", widths=" + widths + "]";
  }
}
