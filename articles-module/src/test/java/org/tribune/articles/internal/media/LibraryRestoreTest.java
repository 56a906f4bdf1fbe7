package org.tribune.articles.internal.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribune.articles.api.MediaDescription;
import org.tribune.articles.api.MediaItem;
import org.tribune.articles.api.MediaRejectedException;
import org.tribune.articles.internal.ArticleTables;

/**
 * An item of the library restored from its exported original, with the upload's own processor and a
 * folder store: the file kept byte for byte under its hash, the widths made again, and the row an
 * upload of that file, so described, would have had.
 */
class LibraryRestoreTest {
  private static final Instant UPLOADED = Instant.parse("2025-05-01T10:00:00.123456Z");
  private static final Instant DESCRIBED = Instant.parse("2025-05-02T11:00:00Z");

  @TempDir Path dir;
  private Path work;
  private Path media;
  private ImageProcessor processor;
  private MediaStore store;

  @BeforeEach
  void setUp() throws IOException {
    work = Files.createDirectory(dir.resolve("work"));
    media = dir.resolve("media");
    processor = new ImageProcessor(40_000_000, List.of(320, 640), work);
    store = new FileMediaStore(media);
  }

  @Test
  void anExportedOriginalIsStoredUnchangedWithItsWidthsAndTheRowOfAnUpload() throws IOException {
    // What an export holds: the original as the upload stored it, stripped of its metadata.
    ProcessedImage upload = processor.process(jpeg(700, 400));
    Path exported = Files.copy(upload.original(), dir.resolve("exported.jpg"));
    DefaultMediaService.clean(upload);
    MediaItem item = item(upload.sha256(), Files.size(exported));

    ArticleTables.MediaRow row = LibraryRestore.restore(processor, store, item, exported);

    LibraryImage uploaded =
        new LibraryImage(upload, "Vélo rouge.jpg", "claire@example.org", UPLOADED);
    uploaded.describe(
        new MediaDescription("Un vélo rouge", "Place du marché", "AFP", 0.5, 0.25), DESCRIBED);
    assertEquals(uploaded.toRow(42), row, "the row of the same upload, so described");
    assertEquals("320x183,640x366", row.widths());
    assertEquals("un velo rouge\nplace du marche\nafp\nvelo rouge.jpg", row.searchText());
    assertArrayEquals(
        Files.readAllBytes(exported),
        Files.readAllBytes(media.resolve("originals/" + item.hash() + ".jpg")),
        "the original as given");
    for (int width : List.of(320, 640)) {
      assertTrue(store.exists("derived/" + item.hash() + "-" + width + ".jpg"), "width " + width);
    }
    assertTrue(Files.exists(exported), "the caller's file is the caller's to delete");
    assertEquals(List.of(), files(work), "the processor's files are gone");
  }

  @Test
  void aFileThatIsNotTheItemsIsRefusedAndNothingIsStored() throws IOException {
    Path other = jpeg(300, 200);
    MediaRejectedException refused =
        assertThrows(
            MediaRejectedException.class,
            () -> LibraryRestore.restore(processor, store, item("0".repeat(64), 1), other));
    assertEquals(MediaRejectedException.Reason.HASH_MISMATCH, refused.reason());
    assertEquals(List.of(), files(media));
    assertEquals(List.of(), files(work));
  }

  @Test
  void aFileOfTheRightHashThatIsNoImageIsRefusedAsAnUploadWouldBe() throws IOException {
    Path text =
        Files.writeString(dir.resolve("notes.jpg"), "pas une image", StandardCharsets.UTF_8);
    MediaItem item = item(ImageProcessor.sha256(text), Files.size(text));
    MediaRejectedException refused =
        assertThrows(
            MediaRejectedException.class,
            () -> LibraryRestore.restore(processor, store, item, text));
    assertEquals(MediaRejectedException.Reason.NOT_AN_IMAGE, refused.reason());
    assertEquals(List.of(), files(media));
  }

  private static MediaItem item(String hash, long bytes) {
    return new MediaItem(
        42,
        hash,
        "Vélo rouge.jpg",
        "image/jpeg",
        bytes,
        700,
        400,
        "Un vélo rouge",
        "Place du marché",
        "AFP",
        0.5,
        0.25,
        "claire@example.org",
        UPLOADED,
        DESCRIBED,
        List.of());
  }

  private Path jpeg(int width, int height) throws IOException {
    BufferedImage image =
        ImageProcessorTest.noise(width, height, BufferedImage.TYPE_INT_RGB, width * 31L + height);
    Path file = Files.createTempFile(dir, "upload-", ".jpg");
    assertTrue(ImageIO.write(image, "jpg", file.toFile()), "a JPEG writer");
    return file;
  }

  private static List<Path> files(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return List.of();
    }
    try (Stream<Path> all = Files.walk(folder)) {
      return all.filter(Files::isRegularFile).toList();
    }
  }
}
