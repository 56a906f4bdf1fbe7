package org.tribune.articles.internal.media;

import java.io.IOException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.IIOServiceProvider;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.spi.ImageWriterSpi;
import javax.imageio.spi.ServiceRegistry;

/**
 * The image readers and writers the library uses, chosen by class and never looked up by format in
 * the global {@link IIORegistry}: in a WAR that registry is shared with the server and with
 * whatever other plugins were scanned into it, so {@code ImageIO.read} may pick any of them.
 *
 * <p>TwelveMonkeys' JPEG reader (CMYK/YCCK, damaged files) wraps the JDK's; its provider finds that
 * delegate when registered, so it is registered in a private registry holding only the JDK's JPEG
 * reader. The JDK's own PNG, GIF and JPEG providers live in {@code java.desktop}, whose {@code
 * com.sun.imageio} packages cannot be named: they are taken from the default registry, which always
 * holds them, by their module.
 */
final class ImageCodecs {

  private static final ImageReaderSpi JDK_JPEG_READER = jdk(ImageReaderSpi.class, "jpeg");
  private static final ImageReaderSpi PNG_READER = jdk(ImageReaderSpi.class, "png");
  private static final ImageReaderSpi GIF_READER = jdk(ImageReaderSpi.class, "gif");
  private static final ImageWriterSpi JPEG_WRITER = jdk(ImageWriterSpi.class, "jpeg");
  private static final ImageWriterSpi PNG_WRITER = jdk(ImageWriterSpi.class, "png");
  private static final ImageReaderSpi JPEG_READER = twelveMonkeysJpeg();
  private static final ImageReaderSpi WEBP_READER =
      new com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi();

  private ImageCodecs() {}

  static ImageReader reader(ImageFormat format) throws IOException {
    return switch (format) {
      case JPEG -> JPEG_READER.createReaderInstance(null);
      case PNG -> PNG_READER.createReaderInstance(null);
      case GIF -> GIF_READER.createReaderInstance(null);
      case WEBP -> WEBP_READER.createReaderInstance(null);
    };
  }

  static ImageWriter jpegWriter() throws IOException {
    return JPEG_WRITER.createWriterInstance(null);
  }

  static ImageWriter pngWriter() throws IOException {
    return PNG_WRITER.createWriterInstance(null);
  }

  private static ImageReaderSpi twelveMonkeysJpeg() {
    ServiceRegistry registry =
        new ServiceRegistry(List.<Class<?>>of(ImageReaderSpi.class).iterator());
    registry.registerServiceProvider(JDK_JPEG_READER, ImageReaderSpi.class);
    ImageReaderSpi spi = new com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi();
    registry.registerServiceProvider(spi, ImageReaderSpi.class); // finds its delegate
    return spi;
  }

  private static <T extends IIOServiceProvider> T jdk(Class<T> category, String format) {
    Module jdk = ImageIO.class.getModule();
    Iterator<T> providers =
        IIORegistry.getDefaultInstance()
            .getServiceProviders(
                category,
                provider ->
                    provider.getClass().getModule() == jdk && formats(provider).contains(format),
                false);
    if (!providers.hasNext()) {
      throw new IllegalStateException("the JDK has no " + format + " " + category.getSimpleName());
    }
    return providers.next();
  }

  private static List<String> formats(Object provider) {
    if (provider instanceof ImageReaderSpi reader) {
      return Arrays.asList(reader.getFormatNames());
    }
    if (provider instanceof ImageWriterSpi writer) {
      return Arrays.asList(writer.getFormatNames());
    }
    return List.of();
  }
}
