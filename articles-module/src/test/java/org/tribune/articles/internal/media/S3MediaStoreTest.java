package org.tribune.articles.internal.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.tribune.articles.internal.media.MediaStore.StoredObject;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The S3 store against S3Proxy (an S3-compatible server over jclouds' filesystem blob store) run in
 * this JVM on 127.0.0.1 and a free port, with AWS v2/v4 signatures checked. One server for the
 * class; each test works under its own prefix, so tests share no objects.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3MediaStoreTest {

  private static final String IDENTITY = "tribune";
  private static final String CREDENTIAL = "tribune-secret";
  private static final String BUCKET = "tribune-media";

  @TempDir Path files;

  private BlobStoreContext blobStores;
  private S3Proxy server;
  private URI endpoint;
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private String prefix;

  @BeforeAll
  void startServer(@TempDir Path serverDir) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("jclouds.filesystem.basedir", serverDir.toString());
    blobStores =
        ContextBuilder.newBuilder("filesystem")
            .credentials(IDENTITY, CREDENTIAL)
            .overrides(properties)
            .buildView(BlobStoreContext.class);
    blobStores.getBlobStore().createContainerInLocation(null, BUCKET);
    server =
        S3Proxy.builder()
            .blobStore(blobStores.getBlobStore())
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, IDENTITY, CREDENTIAL)
            .endpoint(URI.create("http://127.0.0.1:" + freePort()))
            .build();
    server.start();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!"STARTED".equals(server.getState())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("S3Proxy did not start: " + server.getState());
      }
      Thread.sleep(10);
    }
    endpoint = URI.create("http://127.0.0.1:" + server.getPort());
  }

  @AfterAll
  void stopServer() throws Exception {
    if (server != null) {
      server.stop();
    }
    if (blobStores != null) {
      blobStores.close();
    }
  }

  @BeforeEach
  void newPrefix() {
    prefix = "t-" + UUID.randomUUID() + "/";
  }

  @AfterEach
  void closeStores() throws Exception {
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
    toClose.clear();
  }

  @Test
  void aStoredFileReadsBackWithItsLength() throws IOException {
    S3MediaStore store = store();
    store.put("originals/3f2a.jpg", file("a picture"), "image/jpeg");

    assertEquals("a picture", read(store, "originals/3f2a.jpg"));
    try (StoredObject object = store.open("originals/3f2a.jpg").orElseThrow()) {
      assertEquals(9, object.length());
    }
    assertTrue(store.exists("originals/3f2a.jpg"));
  }

  @Test
  void aMissingKeyIsEmptyNotAnError() throws IOException {
    S3MediaStore store = store();

    assertTrue(store.open("originals/none.jpg").isEmpty());
    assertFalse(store.exists("originals/none.jpg"));
  }

  @Test
  void putReplacesTheFormerContent() throws IOException {
    S3MediaStore store = store();
    store.put("derived/3f2a-640.jpg", file("first, and longer"), "image/jpeg");
    store.put("derived/3f2a-640.jpg", file("second"), "image/jpeg");

    assertEquals("second", read(store, "derived/3f2a-640.jpg"));
  }

  @Test
  void deleteForgetsTheKeyAndMayBeRepeated() throws IOException {
    S3MediaStore store = store();
    store.put("originals/gone.png", file("x"), "image/png");

    store.delete("originals/gone.png");

    assertFalse(store.exists("originals/gone.png"));
    assertTrue(store.open("originals/gone.png").isEmpty());
    assertDoesNotThrow(() -> store.delete("originals/gone.png"));
    assertDoesNotThrow(() -> store.delete("originals/never-there.png"));
  }

  @Test
  void theContentTypeIsKept() throws IOException {
    S3MediaStore store = store();
    store.put("originals/a.webp", file("riff"), "image/webp");
    store.put("originals/b.bin", file("bytes"), null);

    assertEquals("image/webp", head("originals/a.webp").contentType());
    assertEquals("application/octet-stream", head("originals/b.bin").contentType());
  }

  @Test
  void thePrefixIsPutBeforeEveryKeyInTheBucket() throws IOException {
    S3MediaStore prefixed = store();
    S3MediaStore unprefixed = store("");
    prefixed.put("originals/p.jpg", file("prefixed"), "image/jpeg");

    assertTrue(unprefixed.exists(prefix + "originals/p.jpg"));
    assertFalse(unprefixed.exists("originals/p.jpg"));
    assertEquals(
        List.of(prefix + "originals/p.jpg"),
        raw().listObjectsV2(request -> request.bucket(BUCKET).prefix(prefix)).contents().stream()
            .map(object -> object.key())
            // jclouds' filesystem store lists its folders too ("originals/"): not S3's doing.
            .filter(key -> !key.endsWith("/"))
            .toList());
  }

  @Test
  void aFiveMegabyteFileGoesThroughWhole() throws IOException {
    S3MediaStore store = store();
    byte[] bytes = new byte[5 * 1024 * 1024 + 17];
    new Random(18).nextBytes(bytes);
    Path big = files.resolve("big.jpg");
    Files.write(big, bytes);

    store.put("originals/big.jpg", big, "image/jpeg");

    try (StoredObject object = store.open("originals/big.jpg").orElseThrow()) {
      assertEquals(bytes.length, object.length());
      assertArrayEquals(bytes, object.content().readAllBytes());
    }
  }

  @Test
  void twoNodesSeeEachOthersWrites() throws IOException {
    S3MediaStore node1 = store();
    S3MediaStore node2 = store();

    node1.put("originals/shared.jpg", file("from node 1"), "image/jpeg");
    assertEquals("from node 1", read(node2, "originals/shared.jpg"));

    node2.put("originals/shared.jpg", file("node 2 replaced it"), "image/jpeg");
    assertEquals("node 2 replaced it", read(node1, "originals/shared.jpg"));

    node1.delete("originals/shared.jpg");
    assertFalse(node2.exists("originals/shared.jpg"));
  }

  @Test
  void keysOutsideTheLibrarysAlphabetAreRefused() {
    S3MediaStore store = store();

    assertThrows(IllegalArgumentException.class, () -> store.exists("../etc/passwd"));
    assertThrows(IllegalArgumentException.class, () -> store.exists("/originals/a.jpg"));
    assertThrows(IllegalArgumentException.class, () -> store.exists("Originals/A.JPG"));
  }

  @Test
  void checkPassesOnAReachableWritableBucketAndLeavesNothing() {
    S3MediaStore store = store();

    assertDoesNotThrow(store::check);
    assertEquals(
        0, raw().listObjectsV2(request -> request.bucket(BUCKET).prefix(prefix)).keyCount());
  }

  @Test
  void checkNamesTheBucketKeyWhenTheBucketIsMissing() {
    S3MediaStore store =
        keep(
            new S3MediaStore(
                new S3Settings(
                    endpoint, "no-such-bucket", null, IDENTITY, CREDENTIAL, true, prefix)));

    IllegalStateException e = assertThrows(IllegalStateException.class, store::check);

    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertTrue(e.getMessage().contains("tribune.media.s3.bucket"), e.getMessage());
    assertTrue(e.getMessage().contains("no-such-bucket"), e.getMessage());
  }

  @Test
  void checkNamesTheCredentialKeysWhenTheSecretIsWrong() {
    S3MediaStore store =
        keep(
            new S3MediaStore(
                new S3Settings(endpoint, BUCKET, null, IDENTITY, "not-the-secret", true, prefix)));

    IllegalStateException e = assertThrows(IllegalStateException.class, store::check);

    assertTrue(e.getMessage().contains("tribune.media.s3.access-key"), e.getMessage());
    assertTrue(e.getMessage().contains("tribune.media.s3.secret-key"), e.getMessage());
    assertFalse(e.getMessage().contains("not-the-secret"), e.getMessage());
  }

  @Test
  void checkNamesTheEndpointKeyWhenNothingAnswers() throws IOException {
    URI nobody = URI.create("http://127.0.0.1:" + freePort());
    S3MediaStore store =
        keep(
            new S3MediaStore(
                new S3Settings(nobody, BUCKET, null, IDENTITY, CREDENTIAL, true, prefix)));

    IllegalStateException e = assertThrows(IllegalStateException.class, store::check);

    assertTrue(e.getMessage().contains("tribune.media.s3.endpoint"), e.getMessage());
    assertTrue(e.getMessage().contains(nobody.toString()), e.getMessage());
  }

  @Test
  void anUnreachableServerIsAnIOExceptionForTheCaller() throws IOException {
    URI nobody = URI.create("http://127.0.0.1:" + freePort());
    S3MediaStore store =
        keep(
            new S3MediaStore(
                new S3Settings(nobody, BUCKET, null, IDENTITY, CREDENTIAL, true, prefix)));

    assertThrows(IOException.class, () -> store.exists("originals/a.jpg"));
    assertThrows(IOException.class, () -> store.open("originals/a.jpg"));
  }

  private S3MediaStore store() {
    return store(prefix);
  }

  private S3MediaStore store(String keyPrefix) {
    return keep(
        new S3MediaStore(
            new S3Settings(endpoint, BUCKET, null, IDENTITY, CREDENTIAL, true, keyPrefix)));
  }

  private HeadObjectResponse head(String key) {
    return raw().headObject(request -> request.bucket(BUCKET).key(prefix + key));
  }

  private S3Client raw() {
    return keep(
        S3MediaStore.client(
            new S3Settings(endpoint, BUCKET, null, IDENTITY, CREDENTIAL, true, null)));
  }

  private <T extends AutoCloseable> T keep(T closeable) {
    toClose.add(closeable);
    return closeable;
  }

  private Path file(String content) throws IOException {
    return Files.writeString(
        Files.createTempFile(files, "upload", ".bin"), content, StandardCharsets.UTF_8);
  }

  private static String read(MediaStore store, String key) throws IOException {
    try (StoredObject object = store.open(key).orElseThrow()) {
      return new String(object.content().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
