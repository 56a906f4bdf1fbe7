package org.tribune.articles.internal.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The media library in an S3 bucket, shared by every node of a cluster (AWS S3 or an S3-compatible
 * server). One synchronous AWS SDK client over the JDK's {@code HttpURLConnection}; connections
 * time out after 5 s, reads after 30 s, and failed calls are retried as the SDK does by default.
 *
 * <p>An S3 PUT replaces an object whole: a reader gets the former object or the new one, never a
 * part, which is what {@link MediaStore#put} promises. Thread-safe. {@link #close()} at shutdown.
 */
public final class S3MediaStore implements MediaStore, AutoCloseable {

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9./-]*");
  private static final String DEFAULT_CONTENT_TYPE = "application/octet-stream";

  private final S3Settings settings;
  private final S3Client client;

  public S3MediaStore(S3Settings settings) {
    this.settings = settings;
    this.client = client(settings);
  }

  /** The SDK client these settings describe; also used by the tests to look behind the store. */
  static S3Client client(S3Settings settings) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(CONNECT_TIMEOUT)
                    .socketTimeout(READ_TIMEOUT))
            .region(Region.of(settings.region()))
            .credentialsProvider(credentials(settings))
            .forcePathStyle(settings.pathStyle())
            // Checksums only where S3 requires them: the SDK's default since 2.30 (a CRC trailer
            // on every upload) is refused by several S3-compatible servers.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    return builder.build();
  }

  private static AwsCredentialsProvider credentials(S3Settings settings) {
    if (settings.accessKey() == null) {
      return DefaultCredentialsProvider.builder().build();
    }
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
  }

  @Override
  public void put(String key, Path file, String contentType) throws IOException {
    String objectKey = objectKey(key);
    if (!Files.isRegularFile(file)) {
      throw new IOException("no file to store under " + key + ": " + file);
    }
    try {
      client.putObject(
          request ->
              request
                  .bucket(settings.bucket())
                  .key(objectKey)
                  .contentType(contentType == null ? DEFAULT_CONTENT_TYPE : contentType),
          RequestBody.fromFile(file));
    } catch (SdkException e) {
      throw failure("store", key, e);
    }
  }

  @Override
  public Optional<StoredObject> open(String key) throws IOException {
    String objectKey = objectKey(key);
    try {
      ResponseInputStream<GetObjectResponse> content =
          client.getObject(request -> request.bucket(settings.bucket()).key(objectKey));
      return Optional.of(new StoredObject(content, content.response().contentLength()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw failure("read", key, e);
    } catch (SdkException e) {
      throw failure("read", key, e);
    }
  }

  @Override
  public boolean exists(String key) throws IOException {
    String objectKey = objectKey(key);
    try {
      client.headObject(request -> request.bucket(settings.bucket()).key(objectKey));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw failure("look for", key, e);
    } catch (SdkException e) {
      throw failure("look for", key, e);
    }
  }

  /** S3's DELETE answers 204 whether or not the key held something: idempotent as it is. */
  @Override
  public void delete(String key) throws IOException {
    String objectKey = objectKey(key);
    try {
      client.deleteObject(request -> request.bucket(settings.bucket()).key(objectKey));
    } catch (SdkException e) {
      throw failure("delete", key, e);
    }
  }

  /**
   * Checks at start-up that the bucket is there and that this node may write and delete in it:
   * writes a small object under {@code <prefix>.tribune-check/}, then deletes it. Never creates the
   * bucket (see {@link S3Settings}).
   *
   * @throws IllegalStateException saying what is wrong and which {@code tribune.media.s3.*} keys to
   *     fix
   */
  public void check() {
    try {
      client.headBucket(request -> request.bucket(settings.bucket()));
    } catch (SdkException e) {
      throw new IllegalStateException(problem("cannot open the bucket", e), e);
    }
    String probe = settings.objectKey(".tribune-check/" + UUID.randomUUID());
    try {
      client.putObject(
          request -> request.bucket(settings.bucket()).key(probe).contentType("text/plain"),
          RequestBody.fromString("Tribune checks it may write here; this object is deleted."));
      client.deleteObject(request -> request.bucket(settings.bucket()).key(probe));
    } catch (SdkException e) {
      throw new IllegalStateException(problem("cannot write in the bucket", e), e);
    }
  }

  /** A start-up failure in words an operator can act on. */
  private String problem(String what, SdkException e) {
    String start =
        "Media storage: "
            + what
            + " '"
            + settings.bucket()
            + "' at "
            + settings.where()
            + " ("
            + summary(e)
            + "). ";
    if (e instanceof S3Exception s3) {
      int status = s3.statusCode();
      String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
      if (status == 404 || "NoSuchBucket".equals(code)) {
        return start
            + "The bucket does not exist: create it (Tribune never creates one), or fix "
            + S3Settings.BUCKET
            + (settings.endpoint() == null ? "" : " or " + S3Settings.ENDPOINT)
            + ".";
      }
      if (status == 403 || status == 401) {
        return start
            + "The server refuses these credentials, or they may not read and write this bucket:"
            + " fix "
            + S3Settings.ACCESS_KEY
            + " and "
            + S3Settings.SECRET_KEY
            + " (or the bucket's policy), and check "
            + S3Settings.BUCKET
            + ".";
      }
      if (status == 301 || "PermanentRedirect".equals(code)) {
        return start
            + "The bucket is in another region: fix "
            + S3Settings.REGION
            + " (or "
            + S3Settings.ENDPOINT
            + ").";
      }
      if (status == 400 && "AuthorizationHeaderMalformed".equals(code)) {
        return start + "Fix " + S3Settings.REGION + ".";
      }
      return start
          + "Check "
          + S3Settings.ENDPOINT
          + ", "
          + S3Settings.BUCKET
          + ", "
          + S3Settings.REGION
          + " and "
          + S3Settings.PATH_STYLE
          + ".";
    }
    if (e instanceof SdkClientException && settings.accessKey() == null && credentialsMissing(e)) {
      return start
          + "No credentials were found: set "
          + S3Settings.ACCESS_KEY
          + " and "
          + S3Settings.SECRET_KEY
          + ".";
    }
    return start
        + "The server cannot be reached or does not answer like S3: fix "
        + S3Settings.ENDPOINT
        + " (a URL such as http://127.0.0.1:18900), and check "
        + S3Settings.PATH_STYLE
        + " and that the server runs.";
  }

  private static boolean credentialsMissing(SdkException e) {
    return e.getMessage() != null && e.getMessage().contains("credentials");
  }

  private static String summary(SdkException e) {
    if (e instanceof S3Exception s3) {
      String code = s3.awsErrorDetails() == null ? null : s3.awsErrorDetails().errorCode();
      return "HTTP " + s3.statusCode() + (code == null ? "" : " " + code);
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.getMessage() : root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private String objectKey(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("not a media key: " + key);
    }
    return settings.objectKey(key);
  }

  private IOException failure(String action, String key, SdkException e) {
    return new IOException(
        "cannot "
            + action
            + " "
            + key
            + " in bucket "
            + settings.bucket()
            + " at "
            + settings.where()
            + ": "
            + summary(e),
        e);
  }

  /** The settings this store was made with (the secret key hidden in their text). */
  public S3Settings settings() {
    return settings;
  }

  @Override
  public void close() {
    client.close();
  }
}
