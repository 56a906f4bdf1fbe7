package org.tribune.articles.internal.media;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.file.FileSystemDirectory;
import com.drew.metadata.file.FileTypeDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.jpeg.JpegCommentDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.jpeg.xmp.JpegXmpRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.constants.TiffTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tribune.articles.api.MediaRejectedException;
import org.tribune.articles.api.MediaRejectedException.Reason;

class ImageProcessorTest {

  private static final List<Integer> WIDTHS = List.of(320, 640, 960, 1280, 1920);
  private static final String SERIAL = "SN-0042-TRIBUNE";

  @TempDir Path dir;
  private Path work;
  private ImageProcessor processor;

  @BeforeEach
  void setUp() throws IOException {
    work = Files.createDirectory(dir.resolve("work"));
    processor = new ImageProcessor(40_000_000, WIDTHS, work);
  }

  // --- refusals

  @Test
  void anEmptyFileIsRefused() throws IOException {
    assertRefused(Reason.EMPTY, file("empty.jpg", new byte[0]));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>",
        "alert(document.cookie); // a script named photo.jpg",
        "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj",
        "PK\u0003\u0004\u0014\u0000\u0000\u0000 a zip file",
        "Just some text, said to be a JPEG.",
        "<?xml version=\"1.0\"?><note>not a drawing</note>"
      })
  void whatIsNotAnImageIsRefusedWhateverItsName(String content) throws IOException {
    assertRefused(Reason.NOT_AN_IMAGE, file("photo.jpg", content.getBytes(ISO_8859_1)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>",
        "\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- made by hand -->\n"
            + "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"x\">\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>",
        "  \n<SVG onload=\"alert(1)\"></SVG>"
      })
  void anSvgDrawingIsRefused(String content) throws IOException {
    assertRefused(Reason.SVG, file("drawing.png", content.getBytes(UTF_8)));
  }

  @Test
  void aGzippedSvgIsRefused() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write(
          "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(UTF_8));
    }
    assertRefused(Reason.SVG, file("drawing.svgz", bytes.toByteArray()));
  }

  @Test
  void otherImageFormatsAreUnsupported() throws IOException {
    BufferedImage image = noise(16, 16, BufferedImage.TYPE_INT_RGB, 1);
    assertRefused(Reason.UNSUPPORTED_FORMAT, file("a.jpg", encode(image, "bmp")));
    assertRefused(Reason.UNSUPPORTED_FORMAT, file("b.jpg", encode(image, "tiff")));
    byte[] heic = concat(new byte[] {0, 0, 0, 24}, ascii("ftypheic"), new byte[4]);
    assertRefused(Reason.UNSUPPORTED_FORMAT, file("c.jpg", concat(heic, ascii("mif1heic"))));
    byte[] avif = concat(new byte[] {0, 0, 0, 28}, ascii("ftypavif"), new byte[4]);
    assertRefused(Reason.UNSUPPORTED_FORMAT, file("d.jpg", concat(avif, ascii("avifmif1miaf"))));
    byte[] ico = {0, 0, 1, 0, 1, 0, 16, 16, 0, 0, 1, 0, 32, 0, 0, 0, 0, 0, 22, 0, 0, 0};
    assertRefused(Reason.UNSUPPORTED_FORMAT, file("e.jpg", ico));
    byte[] mp4 = concat(new byte[] {0, 0, 0, 20}, ascii("ftypisom"), new byte[4], ascii("mp41"));
    assertRefused(Reason.NOT_AN_IMAGE, file("f.jpg", mp4));
  }

  @Test
  void aJpegCutInHalfIsDamaged() throws IOException {
    byte[] jpeg = jpeg(noise(400, 300, BufferedImage.TYPE_INT_RGB, 2));
    assertRefused(Reason.DAMAGED, file("cut.jpg", Arrays.copyOf(jpeg, jpeg.length / 2)));
  }

  @Test
  void aPngWithoutItsEndOrWithAWrongCrcIsDamaged() throws IOException {
    byte[] png = encode(noise(64, 64, BufferedImage.TYPE_INT_RGB, 3), "png");
    assertRefused(Reason.DAMAGED, file("no-end.png", Arrays.copyOf(png, png.length - 12)));
    byte[] badCrc = png.clone();
    badCrc[png.length - 20] ^= 0x55; // inside the last IDAT
    assertRefused(Reason.DAMAGED, file("bad-crc.png", badCrc));
  }

  @Test
  void aPngHeaderDeclaringFiftyThousandSquaredIsRefusedBeforeDecoding() throws IOException {
    ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(50_000).putInt(50_000);
    ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    byte[] png =
        concat(
            new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
            chunk("IHDR", ihdr.array()),
            chunk("IEND", new byte[0]));
    assertRefused(Reason.TOO_MANY_PIXELS, file("bomb.png", png));
  }

  @Test
  void aGifHeaderDeclaringFiftyThousandSquaredIsRefusedBeforeDecoding() throws IOException {
    byte[] gif =
        concat(
            ascii("GIF89a"),
            new byte[] {0x50, (byte) 0xC3, 0x50, (byte) 0xC3, 0, 0, 0}, // 50 000 × 50 000
            new byte[] {0x2C, 0, 0, 0, 0, 0x50, (byte) 0xC3, 0x50, (byte) 0xC3, 0},
            new byte[] {2, 2, 0x4C, 0x01, 0, 0x3B});
    assertRefused(Reason.TOO_MANY_PIXELS, file("bomb.gif", gif));
  }

  @Test
  void aGifWhoseLogicalScreenIsFiftyThousandSquaredIsRefusedEvenWithASmallFrame()
      throws IOException {
    byte[] gif =
        concat(
            ascii("GIF89a"),
            new byte[] {0x50, (byte) 0xC3, 0x50, (byte) 0xC3, 0, 0, 0}, // screen 50 000 × 50 000
            new byte[] {0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0}, // a 1 × 1 frame
            new byte[] {2, 2, 0x4C, 0x01, 0, 0x3B});
    assertRefused(Reason.TOO_MANY_PIXELS, file("screen.gif", gif));
  }

  @Test
  void aJpegHeaderDeclaringFiftyThousandSquaredIsRefusedBeforeDecoding() throws IOException {
    byte[] jpeg =
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xD8},
            new byte[] {(byte) 0xFF, (byte) 0xC0, 0, 17, 8, (byte) 0xC3, 0x50, (byte) 0xC3, 0x50},
            new byte[] {3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1},
            new byte[] {(byte) 0xFF, (byte) 0xD9});
    assertRefused(Reason.TOO_MANY_PIXELS, file("bomb.jpg", jpeg));
  }

  @Test
  void aJpegWhoseScanStopsShortOfItsEndIsDamaged() throws IOException {
    byte[] jpeg = jpeg(noise(400, 300, BufferedImage.TYPE_INT_RGB, 2));
    byte[] cut =
        concat(Arrays.copyOf(jpeg, jpeg.length / 2), new byte[] {(byte) 0xFF, (byte) 0xD9});
    assertRefused(Reason.DAMAGED, file("short.jpg", cut));
  }

  @Test
  void aPngWhosePixelDataStopsShortIsDamagedEvenWithRightCrcs() throws IOException {
    byte[] png = encode(noise(64, 64, BufferedImage.TYPE_INT_RGB, 3), "png");
    int idat = indexOf(png, ascii("IDAT")) - 4;
    int length = ByteBuffer.wrap(png, idat, 4).getInt();
    byte[] half = Arrays.copyOfRange(png, idat + 8, idat + 8 + length / 2);
    byte[] damaged =
        concat(Arrays.copyOf(png, idat), chunk("IDAT", half), chunk("IEND", new byte[0]));
    assertRefused(Reason.DAMAGED, file("short.png", damaged));
  }

  @Test
  void aRefusalLeavesNothingInTheWorkFolder() throws IOException {
    byte[] jpeg = jpeg(noise(400, 300, BufferedImage.TYPE_INT_RGB, 2));
    assertRefused(Reason.DAMAGED, file("cut.jpg", Arrays.copyOf(jpeg, jpeg.length - 100)));
    try (Stream<Path> left = Files.list(work)) {
      assertEquals(0, left.count());
    }
  }

  // --- polyglots and metadata

  @Test
  void htmlAppendedToAPngIsStripped() throws IOException {
    byte[] png = encode(noise(50, 40, BufferedImage.TYPE_INT_RGB, 4), "png");
    byte[] polyglot = concat(png, ascii("<html><script>alert(document.cookie)</script></html>"));
    ProcessedImage image = processor.process(file("polyglot.png", polyglot));
    assertEquals(ImageFormat.PNG, image.format());
    byte[] original = Files.readAllBytes(image.original());
    assertArrayEquals(png, original, "the PNG as ImageIO wrote it, nothing after IEND");
    assertEquals(HexFormat.of().formatHex(sha256(original)), image.sha256());
    assertEquals(original.length, image.bytes());
  }

  @Test
  void aJpegLosesItsGpsSerialNumberXmpIptcAndCommentAndKeepsItsOrientation() throws Exception {
    byte[] jpeg = jpegWithEverything(noise(400, 300, BufferedImage.TYPE_INT_RGB, 5), 6);
    jpeg = concat(jpeg, ascii("<script>alert(1)</script>"));
    Path upload = file("camera.jpg", jpeg);

    Metadata input = ImageMetadataReader.readMetadata(upload.toFile());
    GpsDirectory gps = input.getFirstDirectoryOfType(GpsDirectory.class);
    assertNotNull(gps, "the test image has a GPS position");
    assertNotNull(gps.getGeoLocation());
    assertEquals(
        SERIAL,
        input
            .getFirstDirectoryOfType(ExifSubIFDDirectory.class)
            .getString(ExifSubIFDDirectory.TAG_BODY_SERIAL_NUMBER));
    assertNotNull(input.getFirstDirectoryOfType(XmpDirectory.class), "the test image has XMP");
    assertNotNull(input.getFirstDirectoryOfType(IptcDirectory.class), "the test image has IPTC");
    assertNotNull(input.getFirstDirectoryOfType(JpegCommentDirectory.class), "and a comment");

    ProcessedImage image = processor.process(upload);

    assertEquals(300, image.width(), "orientation 6: turned a quarter");
    assertEquals(400, image.height());
    Metadata original = ImageMetadataReader.readMetadata(image.original().toFile());
    assertNoPrivateMetadata(original);
    List<ExifIFD0Directory> exif =
        List.copyOf(original.getDirectoriesOfType(ExifIFD0Directory.class));
    assertEquals(1, exif.size());
    assertEquals(1, exif.get(0).getTagCount(), "only the orientation: " + exif.get(0).getTags());
    assertEquals(6, exif.get(0).getInt(ExifIFD0Directory.TAG_ORIENTATION));
    String bytes = new String(Files.readAllBytes(image.original()), ISO_8859_1);
    assertFalse(bytes.contains(SERIAL));
    assertFalse(bytes.contains("<script"));
    assertTrue(bytes.endsWith("\u00FF\u00D9"));

    assertEquals(List.of(300), widths(image));
    for (Derivative derivative : image.derivatives()) {
      Metadata metadata = ImageMetadataReader.readMetadata(derivative.file().toFile());
      assertNoPrivateMetadata(metadata);
      assertNull(metadata.getFirstDirectoryOfType(ExifIFD0Directory.class));
    }
  }

  @Test
  void aPngLosesItsTextChunks() throws Exception {
    byte[] png = encode(noise(60, 30, BufferedImage.TYPE_INT_RGB, 6), "png");
    byte[] withText =
        insert(
            png,
            33, // after the signature and IHDR
            chunk("tEXt", ascii("Comment\0" + SERIAL)),
            chunk("iTXt", concat(ascii("XML:com.adobe.xmp\0\0\0\0\0"), ascii(XMP))),
            chunk("tIME", new byte[] {0x07, (byte) 0xE9, 1, 2, 3, 4, 5}));
    Path upload = file("text.png", withText);
    assertNotNull(
        ImageMetadataReader.readMetadata(upload.toFile())
            .getFirstDirectoryOfType(XmpDirectory.class));

    ProcessedImage image = processor.process(upload);

    assertArrayEquals(png, Files.readAllBytes(image.original()));
    assertNoPrivateMetadata(ImageMetadataReader.readMetadata(image.original().toFile()));
  }

  @Test
  void aGifLosesItsCommentAndXmpButKeepsItsLoop() throws IOException {
    byte[] gif = gif(palette(40, 20));
    int afterTable = 13 + ((gif[10] & 0x80) != 0 ? 3 * (1 << ((gif[10] & 7) + 1)) : 0);
    byte[] loop = concat(new byte[] {0x21, (byte) 0xFF, 11}, ascii("NETSCAPE2.0"));
    byte[] withMetadata =
        insert(
            gif,
            afterTable,
            concat(new byte[] {0x21, (byte) 0xFE, 15}, ascii(SERIAL), new byte[] {0}),
            concat(new byte[] {0x21, (byte) 0xFF, 11}, ascii("XMP DataXMP"), new byte[] {4}),
            concat(ascii("<x:x"), new byte[] {0}),
            concat(loop, new byte[] {3, 1, 0, 0, 0}));
    ProcessedImage image = processor.process(file("anim.gif", concat(withMetadata, ascii("<a"))));
    String original = new String(Files.readAllBytes(image.original()), ISO_8859_1);
    assertFalse(original.contains(SERIAL));
    assertFalse(original.contains("XMP DataXMP"));
    assertTrue(original.contains("NETSCAPE2.0"));
    assertTrue(original.endsWith(";"), "ends with the trailer");
    assertEquals(List.of(40), widths(image));
  }

  @Test
  void aJfifThumbnailIsDropped() throws IOException {
    byte[] jpeg = jpeg(noise(100, 80, BufferedImage.TYPE_INT_RGB, 11));
    assertEquals(0xE0, jpeg[3] & 0xFF, "ImageIO writes JFIF first");
    int length = (jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF;
    byte[] thumbnail = new byte[2 * 2 * 3];
    Arrays.fill(thumbnail, (byte) 0x7F);
    byte[] jfif = Arrays.copyOfRange(jpeg, 6, 4 + length);
    jfif[12] = 2;
    jfif[13] = 2;
    byte[] withThumbnail =
        concat(
            Arrays.copyOf(jpeg, 2),
            segment(0xE0, concat(jfif, thumbnail)),
            Arrays.copyOfRange(jpeg, 4 + length, jpeg.length));
    ProcessedImage image = processor.process(file("thumb.jpg", withThumbnail));
    assertArrayEquals(jpeg, Files.readAllBytes(image.original()));
  }

  @Test
  void aPngKeepsOnlyItsOrientationInEXif() throws Exception {
    byte[] png = encode(noise(60, 30, BufferedImage.TYPE_INT_RGB, 12), "png");
    TiffOutputSet set = exif(6);
    set.setGpsInDegrees(2.3522, 48.8566);
    ByteArrayOutputStream tiff = new ByteArrayOutputStream();
    new org.apache.commons.imaging.formats.tiff.write.TiffImageWriterLossy().write(tiff, set);
    Path upload = file("exif.png", insert(png, 33, chunk("eXIf", tiff.toByteArray())));
    Metadata input = ImageMetadataReader.readMetadata(upload.toFile());
    assertNotNull(input.getFirstDirectoryOfType(GpsDirectory.class), "the test PNG has GPS");

    ProcessedImage image = processor.process(upload);

    assertEquals(30, image.width());
    assertEquals(60, image.height());
    Metadata original = ImageMetadataReader.readMetadata(image.original().toFile());
    assertNoPrivateMetadata(original);
    ExifIFD0Directory exif = original.getFirstDirectoryOfType(ExifIFD0Directory.class);
    assertEquals(1, exif.getTagCount());
    assertEquals(6, exif.getInt(ExifIFD0Directory.TAG_ORIENTATION));
  }

  // --- orientation

  static Stream<Arguments> orientations() {
    // corners as displayed (top-left, top-right, bottom-left, bottom-right) of an image stored
    // red, green / blue, white
    return Stream.of(
        Arguments.of(1, List.of(Color.RED, Color.GREEN, Color.BLUE, Color.WHITE)),
        Arguments.of(2, List.of(Color.GREEN, Color.RED, Color.WHITE, Color.BLUE)),
        Arguments.of(3, List.of(Color.WHITE, Color.BLUE, Color.GREEN, Color.RED)),
        Arguments.of(4, List.of(Color.BLUE, Color.WHITE, Color.RED, Color.GREEN)),
        Arguments.of(5, List.of(Color.RED, Color.BLUE, Color.GREEN, Color.WHITE)),
        Arguments.of(6, List.of(Color.BLUE, Color.RED, Color.WHITE, Color.GREEN)),
        Arguments.of(7, List.of(Color.WHITE, Color.GREEN, Color.BLUE, Color.RED)),
        Arguments.of(8, List.of(Color.GREEN, Color.WHITE, Color.RED, Color.BLUE)));
  }

  @ParameterizedTest
  @MethodSource("orientations")
  void theExifOrientationIsApplied(int orientation, List<Color> corners) throws Exception {
    BufferedImage quadrants = new BufferedImage(96, 48, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = quadrants.createGraphics();
    fill(g, Color.RED, 0, 0);
    fill(g, Color.GREEN, 48, 0);
    fill(g, Color.BLUE, 0, 24);
    fill(g, Color.WHITE, 48, 24);
    g.dispose();
    byte[] jpeg = withExif(jpeg(quadrants), exif(orientation));

    ImageProcessor small = new ImageProcessor(1_000_000, List.of(32), work);
    ProcessedImage image = small.process(file("turned.jpg", jpeg));

    boolean turned = orientation >= 5;
    assertEquals(turned ? 48 : 96, image.width());
    assertEquals(turned ? 96 : 48, image.height());
    Derivative derivative = image.derivatives().get(0);
    assertEquals(32, derivative.width());
    assertEquals(turned ? 64 : 16, derivative.height());
    BufferedImage out = ImageIO.read(derivative.file().toFile());
    int w = out.getWidth() - 1;
    int h = out.getHeight() - 1;
    assertColour(corners.get(0), out.getRGB(3, 3), "top-left");
    assertColour(corners.get(1), out.getRGB(w - 3, 3), "top-right");
    assertColour(corners.get(2), out.getRGB(3, h - 3), "bottom-left");
    assertColour(corners.get(3), out.getRGB(w - 3, h - 3), "bottom-right");
  }

  // --- derivatives

  @Test
  void derivativesAreMadeForTheWidthsBelowTheImagesAndItsOwnNeverAbove() throws IOException {
    ProcessedImage image =
        processor.process(
            file("wide.png", encode(noise(1000, 501, BufferedImage.TYPE_INT_RGB, 7), "png")));
    assertEquals(1000, image.width());
    assertEquals(501, image.height());
    assertEquals(List.of(320, 640, 960, 1000), widths(image));
    assertEquals(
        List.of(160, 321, 481, 501), image.derivatives().stream().map(Derivative::height).toList());
    for (Derivative derivative : image.derivatives()) {
      assertEquals("image/jpeg", derivative.contentType(), "opaque: JPEG");
      assertEquals("jpg", derivative.extension());
      assertEquals(Files.size(derivative.file()), derivative.bytes());
      BufferedImage read = ImageIO.read(derivative.file().toFile());
      assertEquals(derivative.width(), read.getWidth());
      assertEquals(derivative.height(), read.getHeight());
    }
  }

  @Test
  void anImageNarrowerThanTheSmallestWidthKeepsItsOwn() throws IOException {
    ProcessedImage narrow =
        processor.process(file("n.jpg", jpeg(noise(200, 100, BufferedImage.TYPE_INT_RGB, 8))));
    assertEquals(List.of(200), widths(narrow));
    assertEquals(100, narrow.derivatives().get(0).height());
    ProcessedImage exact =
        processor.process(file("e.jpg", jpeg(noise(320, 10, BufferedImage.TYPE_INT_RGB, 8))));
    assertEquals(List.of(320), widths(exact));
  }

  @Test
  void anImageAsWideAsOneOfTheSiteWidthsGetsItOnceAndAWideOneStopsAtTheLargest() {
    assertEquals(List.of(320, 640), processor.targetWidths(640));
    assertEquals(List.of(320, 640, 700), processor.targetWidths(700));
    assertEquals(List.of(320, 640, 960, 1280, 1920), processor.targetWidths(1920));
    assertEquals(List.of(320, 640, 960, 1280, 1920), processor.targetWidths(6000));
    assertEquals(List.of(12), processor.targetWidths(12));
  }

  @Test
  void aPngWithTransparencyStaysPng() throws IOException {
    BufferedImage image = noise(400, 200, BufferedImage.TYPE_INT_ARGB, 9);
    for (int y = 0; y < 200; y++) {
      for (int x = 0; x < 200; x++) {
        image.setRGB(x, y, 0x00000000); // the left half transparent
      }
    }
    ProcessedImage processed = processor.process(file("alpha.png", encode(image, "png")));
    Derivative derivative = processed.derivatives().get(0);
    assertEquals(320, derivative.width());
    assertEquals("image/png", derivative.contentType());
    assertEquals("png", derivative.extension());
    BufferedImage out = ImageIO.read(derivative.file().toFile());
    assertEquals(0, out.getRGB(10, 10) >>> 24, "transparent stays transparent");
    assertEquals(0xFF, out.getRGB(300, 100) >>> 24, "opaque stays opaque");
  }

  @Test
  void aGifWithATransparentColourGivesAPng() throws IOException {
    BufferedImage indexed = palette(50, 50);
    ProcessedImage processed = processor.process(file("t.gif", gif(indexed)));
    assertEquals(ImageFormat.GIF, processed.format());
    assertEquals("image/png", processed.derivatives().get(0).contentType());
  }

  @Test
  void greyImagesKeepTheirGreyLevels() throws IOException {
    BufferedImage grey = new BufferedImage(64, 64, BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster raster = grey.getRaster();
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        raster.setSample(x, y, 0, 100);
      }
    }
    for (String format : List.of("png", "jpg")) {
      ProcessedImage processed = processor.process(file("grey." + format, encode(grey, format)));
      BufferedImage out = ImageIO.read(processed.derivatives().get(0).file().toFile());
      int rgb = out.getRGB(32, 32);
      assertEquals(100, rgb >> 16 & 0xFF, 3, format + " grey copied, not gamma-converted");
      assertEquals(100, rgb & 0xFF, 3, format);
    }
  }

  @Test
  void paletteImagesAreTaken() throws IOException {
    BufferedImage indexed = palette(700, 70);
    ProcessedImage png = processor.process(file("p.png", encode(indexed, "png")));
    assertEquals(List.of(320, 640, 700), widths(png));
    BufferedImage out = ImageIO.read(png.derivatives().get(1).file().toFile());
    assertColour(new Color(0x20, 0x80, 0xE0), out.getRGB(600, 40), "palette colour");
  }

  @Test
  void aCmykJpegComesOutInSrgb() throws IOException {
    WritableRaster raster =
        Raster.createInterleavedRaster(0, 64, 64, 4, null).createCompatibleWritableRaster();
    for (int y = 0; y < 64; y++) {
      for (int x = 0; x < 64; x++) {
        // full magenta and yellow, no cyan nor black: red. Stored inverted, as Adobe's CMYK
        // JPEGs (and so every reader) have it
        raster.setPixel(x, y, new int[] {255, 0, 0, 255});
      }
    }
    byte[] cmyk = cmykJpeg(raster);
    ProcessedImage processed = processor.process(file("cmyk.jpg", cmyk));
    assertEquals(64, processed.width());
    BufferedImage out = ImageIO.read(processed.derivatives().get(0).file().toFile());
    Color colour = new Color(out.getRGB(32, 32));
    assertTrue(
        colour.getRed() > 180 && colour.getGreen() < 90 && colour.getBlue() < 90,
        "CMYK red is sRGB red: " + colour);
  }

  @Test
  void aLosslessWebpIsTaken() throws IOException {
    Path webp = dir.resolve("upload.webp");
    try (InputStream in = getClass().getResourceAsStream("media/lossless-24x16.webp")) {
      Files.copy(in, webp);
    }
    ProcessedImage processed = processor.process(webp);
    assertEquals(ImageFormat.WEBP, processed.format());
    assertEquals(24, processed.width());
    assertEquals(16, processed.height());
    assertEquals(List.of(24), widths(processed));
    assertArrayEquals(Files.readAllBytes(webp), Files.readAllBytes(processed.original()));
  }

  @Test
  void aWebpLosesItsExifAndXmpChunks() throws IOException {
    byte[] plain;
    try (InputStream in = getClass().getResourceAsStream("media/lossless-24x16.webp")) {
      plain = in.readAllBytes();
    }
    // VP8X (flags EXIF + XMP, canvas 24 × 16), then the image, then EXIF and XMP chunks
    byte[] vp8x = {0x0C, 0, 0, 0, 23, 0, 0, 15, 0, 0};
    byte[] image = Arrays.copyOfRange(plain, 12, plain.length);
    byte[] body =
        concat(
            ascii("WEBP"),
            riffChunk("VP8X", vp8x),
            image,
            riffChunk("EXIF", concat(ascii("MM\0*"), ascii(SERIAL))),
            riffChunk("XMP ", ascii(XMP)));
    byte[] webp = concat(ascii("RIFF"), le32(body.length), body);
    ProcessedImage processed = processor.process(file("meta.webp", webp));
    byte[] original = Files.readAllBytes(processed.original());
    String text = new String(original, ISO_8859_1);
    assertFalse(text.contains(SERIAL));
    assertFalse(text.contains("xmpmeta"));
    assertEquals(0, original[20] & 0x0C, "VP8X says no EXIF, no XMP");
    assertEquals(
        original.length - 8,
        ByteBuffer.wrap(original, 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt());
    assertEquals(24, processed.width());
  }

  @Test
  void subsamplingKeepsTheDecodedImageBetweenOnceAndTwiceTheLargestWidth() {
    for (int width : new int[] {400, 1920, 3839, 3840, 3841, 6000, 12_000, 50_000}) {
      int factor = ImageProcessor.subsampling(width, 1920);
      int decoded = (width + factor - 1) / factor;
      assertTrue(decoded >= Math.min(width, 1920) && decoded <= 3840, width + " → " + decoded);
    }
  }

  // --- helpers: assertions

  private void assertRefused(Reason reason, Path upload) {
    MediaRejectedException e =
        assertThrows(MediaRejectedException.class, () -> processor.process(upload));
    assertEquals(reason, e.reason(), e.getMessage());
  }

  private static void assertNoPrivateMetadata(Metadata metadata) {
    assertNull(metadata.getFirstDirectoryOfType(GpsDirectory.class), "no GPS");
    assertNull(metadata.getFirstDirectoryOfType(ExifSubIFDDirectory.class), "no Exif SubIFD");
    assertNull(metadata.getFirstDirectoryOfType(XmpDirectory.class), "no XMP");
    assertNull(metadata.getFirstDirectoryOfType(IptcDirectory.class), "no IPTC");
    assertNull(metadata.getFirstDirectoryOfType(JpegCommentDirectory.class), "no comment");
    for (Directory directory : metadata.getDirectories()) {
      if (directory instanceof FileSystemDirectory || directory instanceof FileTypeDirectory) {
        continue;
      }
      directory
          .getTags()
          .forEach(
              tag ->
                  assertFalse(
                      String.valueOf(tag.getDescription()).contains(SERIAL), tag.toString()));
    }
  }

  private static void assertColour(Color expected, int rgb, String where) {
    Color actual = new Color(rgb);
    int distance =
        Math.abs(expected.getRed() - actual.getRed())
            + Math.abs(expected.getGreen() - actual.getGreen())
            + Math.abs(expected.getBlue() - actual.getBlue());
    assertTrue(distance < 60, where + ": expected " + expected + ", got " + actual);
  }

  private static List<Integer> widths(ProcessedImage image) {
    return image.derivatives().stream().map(Derivative::width).toList();
  }

  // --- helpers: images

  private Path file(String name, byte[] content) throws IOException {
    return Files.write(Files.createTempDirectory(dir, "upload").resolve(name), content);
  }

  private static void fill(Graphics2D g, Color colour, int x, int y) {
    g.setColor(colour);
    g.fillRect(x, y, 48, 24);
  }

  /** Gradients and noise: compresses as a photograph does, not as a flat colour. */
  static BufferedImage noise(int width, int height, int type, long seed) {
    BufferedImage image = new BufferedImage(width, height, type);
    Random random = new Random(seed);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = (x * 255 / width + random.nextInt(32)) & 0xFF;
        int g = (y * 255 / height + random.nextInt(32)) & 0xFF;
        int b = ((x + y) & 0xFF) ^ random.nextInt(16);
        image.setRGB(x, y, 0xFF000000 | r << 16 | g << 8 | b);
      }
    }
    return image;
  }

  /** Four colours, one of them transparent (index 3). */
  private static BufferedImage palette(int width, int height) {
    byte[] r = {(byte) 0xFF, 0x20, 0, 0};
    byte[] g = {0, (byte) 0x80, (byte) 0xFF, 0};
    byte[] b = {0, (byte) 0xE0, 0, 0};
    IndexColorModel model = new IndexColorModel(2, 4, r, g, b, 3);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY, model);
    WritableRaster raster = image.getRaster();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        raster.setSample(x, y, 0, x < width / 4 ? 3 : x < width / 2 ? 0 : 1);
      }
    }
    return image;
  }

  private static byte[] encode(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertTrue(ImageIO.write(image, format, out), "no " + format + " writer");
    return out.toByteArray();
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    return encode(image, "jpg");
  }

  private static byte[] gif(BufferedImage image) throws IOException {
    return encode(image, "gif");
  }

  private static byte[] cmykJpeg(Raster raster) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
    } finally {
      writer.dispose();
    }
    // the JDK writes the four channels as they are, without saying what they are: an Adobe
    // marker with transform 0 says CMYK (not YCCK)
    byte[] adobe = segment(0xEE, concat(ascii("Adobe"), new byte[] {0, 100, 0, 0, 0, 0, 0}));
    return insert(bytes.toByteArray(), 2, adobe);
  }

  private static final String XMP =
      "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF"
          + " xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description"
          + " rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator><rdf:Seq>"
          + "<rdf:li>A Photographer</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF>"
          + "</x:xmpmeta>";

  private static TiffOutputSet exif(int orientation) throws IOException {
    TiffOutputSet set = new TiffOutputSet();
    set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_ORIENTATION, (short) orientation);
    set.getOrCreateRootDirectory().add(TiffTagConstants.TIFF_TAG_MAKE, "Tribune Test Camera");
    return set;
  }

  private static byte[] withExif(byte[] jpeg, TiffOutputSet set) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new ExifRewriter().updateExifMetadataLossless(jpeg, out, set);
    return out.toByteArray();
  }

  /** A JPEG with EXIF (orientation, GPS, serial number), XMP, IPTC and a comment. */
  private static byte[] jpegWithEverything(BufferedImage image, int orientation)
      throws IOException {
    TiffOutputSet set = exif(orientation);
    set.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_BODY_SERIAL_NUMBER, SERIAL);
    set.setGpsInDegrees(2.3522, 48.8566);
    byte[] jpeg = withExif(jpeg(image), set);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JpegXmpRewriter().updateXmpXml(jpeg, out, XMP);
    jpeg = out.toByteArray();
    byte[] iptc = concat(new byte[] {0x1C, 2, 120, 0, 15}, ascii(SERIAL)); // caption
    byte[] resource =
        concat(ascii("8BIM"), new byte[] {4, 4, 0, 0}, be32(iptc.length), iptc, new byte[1]);
    byte[] app13 = segment(0xED, concat(ascii("Photoshop 3.0\0"), resource));
    byte[] comment = segment(0xFE, ascii("shot by " + SERIAL));
    return insert(jpeg, 2, app13, comment);
  }

  // --- helpers: bytes

  private static byte[] segment(int marker, byte[] payload) {
    return concat(
        new byte[] {
          (byte) 0xFF,
          (byte) marker,
          (byte) ((payload.length + 2) >> 8),
          (byte) (payload.length + 2)
        },
        payload);
  }

  private static byte[] chunk(String type, byte[] data) {
    CRC32 crc = new CRC32();
    crc.update(ascii(type));
    crc.update(data);
    return concat(be32(data.length), ascii(type), data, be32((int) crc.getValue()));
  }

  private static byte[] riffChunk(String fourcc, byte[] data) {
    byte[] pad = new byte[data.length & 1];
    return concat(ascii(fourcc), le32(data.length), data, pad);
  }

  private static byte[] insert(byte[] into, int at, byte[]... parts) {
    return concat(
        Arrays.copyOf(into, at), concat(parts), Arrays.copyOfRange(into, at, into.length));
  }

  private static int indexOf(byte[] data, byte[] part) {
    for (int i = 0; i + part.length <= data.length; i++) {
      if (Arrays.equals(data, i, i + part.length, part, 0, part.length)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(ISO_8859_1);
  }

  private static byte[] be32(int value) {
    return ByteBuffer.allocate(4).putInt(value).array();
  }

  private static byte[] le32(int value) {
    return ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(value).array();
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
