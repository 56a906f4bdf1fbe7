package org.tribune.articles.internal.media;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Where an {@link S3MediaStore} keeps the media library: an S3 bucket, on AWS or on any
 * S3-compatible server (S3Proxy, MinIO, Ceph, Garage…) that every node of a cluster reaches.
 *
 * <p>Configuration keys (MicroProfile Config; as environment variables, upper case with {@code _}:
 * {@code TRIBUNE_MEDIA_S3_BUCKET}):
 *
 * <table>
 *   <caption>The media library's storage keys</caption>
 *   <tr><th>Key</th><th>Default</th><th>Meaning</th></tr>
 *   <tr><td>{@code tribune.media.storage}</td><td>{@code file}</td>
 *       <td>{@code file}: a folder under {@code tribune.data.dir}, one node only; {@code s3}: the
 *       bucket below, shared by every node. Read by whoever chooses the store, not here.</td></tr>
 *   <tr><td>{@code tribune.media.s3.endpoint}</td><td>none: AWS</td>
 *       <td>The server's base URL, {@code http://127.0.0.1:18900}; without it, AWS's own endpoint
 *       for the region.</td></tr>
 *   <tr><td>{@code tribune.media.s3.bucket}</td><td>required</td>
 *       <td>The bucket; it must exist (the store never creates one: see below).</td></tr>
 *   <tr><td>{@code tribune.media.s3.region}</td><td>{@code us-east-1}</td>
 *       <td>The region the requests are signed for (most S3-compatible servers accept any).</td></tr>
 *   <tr><td>{@code tribune.media.s3.access-key}</td><td>none</td>
 *       <td>The access key id. With the secret key, or neither: then the AWS SDK's default
 *       credentials chain (environment, profile, container or instance role).</td></tr>
 *   <tr><td>{@code tribune.media.s3.secret-key}</td><td>none</td>
 *       <td>The secret access key. Never logged: {@link #toString()} hides it.</td></tr>
 *   <tr><td>{@code tribune.media.s3.path-style}</td><td>{@code true}</td>
 *       <td>{@code true}: {@code http://host/bucket/key}, what S3-compatible servers expect;
 *       {@code false}: {@code http://bucket.host/key} (AWS's virtual-hosted style).</td></tr>
 *   <tr><td>{@code tribune.media.s3.prefix}</td><td>empty</td>
 *       <td>Put before every key, {@code media/}, to share a bucket with something else.</td></tr>
 * </table>
 *
 * <p>No {@code create-bucket} key, on purpose: a node that created a missing bucket would turn a
 * typo in {@code tribune.media.s3.bucket} into a second, empty library that only some nodes use,
 * and it would need rights (bucket creation) a web application should not hold. The operator
 * creates the bucket ({@code cluster/s3proxy start} does for the local test server); {@link
 * S3MediaStore#check()} says at start-up when it is missing.
 *
 * @param endpoint the server's base URL; {@code null} for AWS
 * @param bucket the bucket's name
 * @param region the signing region
 * @param accessKey the access key id, or {@code null} (with {@code secretKey}) for the SDK's chain
 * @param secretKey the secret access key, or {@code null}
 * @param pathStyle whether the bucket is in the path rather than in the host name
 * @param prefix put before every key; empty for none
 */
public record S3Settings(
    URI endpoint,
    String bucket,
    String region,
    String accessKey,
    String secretKey,
    boolean pathStyle,
    String prefix) {

  public static final String STORAGE = "tribune.media.storage";
  public static final String ENDPOINT = "tribune.media.s3.endpoint";
  public static final String BUCKET = "tribune.media.s3.bucket";
  public static final String REGION = "tribune.media.s3.region";
  public static final String ACCESS_KEY = "tribune.media.s3.access-key";
  public static final String SECRET_KEY = "tribune.media.s3.secret-key";
  public static final String PATH_STYLE = "tribune.media.s3.path-style";
  public static final String PREFIX = "tribune.media.s3.prefix";

  public static final String DEFAULT_REGION = "us-east-1";

  /** S3's rules for a bucket name (3 to 63 characters, no upper case, no underscore). */
  private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  /** Characters of the library's keys (see {@link MediaStore}); a prefix is made of them too. */
  private static final Pattern PREFIX_CHARACTERS = Pattern.compile("[a-z0-9][a-z0-9./-]*");

  public S3Settings {
    if (endpoint != null
        && (!endpoint.isAbsolute()
            || endpoint.getHost() == null
            || !("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())))) {
      throw new IllegalArgumentException(
          ENDPOINT + " must be an http:// or https:// URL with a host name, not " + endpoint);
    }
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException(
          BUCKET
              + " is not set: name the bucket that keeps the media library (environment variable"
              + " TRIBUNE_MEDIA_S3_BUCKET)");
    }
    if (!BUCKET_NAME.matcher(bucket).matches()) {
      throw new IllegalArgumentException(
          BUCKET
              + " is not a valid bucket name (3 to 63 lower-case letters, digits, '-' or '.'): "
              + bucket);
    }
    region = region == null || region.isBlank() ? DEFAULT_REGION : region.strip();
    accessKey = accessKey == null || accessKey.isBlank() ? null : accessKey;
    secretKey = secretKey == null || secretKey.isBlank() ? null : secretKey;
    if ((accessKey == null) != (secretKey == null)) {
      throw new IllegalArgumentException(
          "set both "
              + ACCESS_KEY
              + " and "
              + SECRET_KEY
              + ", or neither (then the AWS SDK's default credentials chain is used)");
    }
    prefix = prefix == null ? "" : prefix.strip();
    if (!prefix.isEmpty() && !PREFIX_CHARACTERS.matcher(prefix).matches()) {
      throw new IllegalArgumentException(
          PREFIX
              + " must start with a lower-case letter or a digit and hold only those, '-', '.'"
              + " and '/': "
              + prefix);
    }
  }

  /**
   * Reads the {@code tribune.media.s3.*} keys.
   *
   * @throws IllegalArgumentException naming the key at fault: no bucket, an endpoint that is not a
   *     URL, one of the two keys without the other
   */
  public static S3Settings fromConfig(Config config) {
    URI endpoint =
        config
            .getOptionalValue(ENDPOINT, String.class)
            .map(String::strip)
            .map(S3Settings::endpoint)
            .orElse(null);
    return new S3Settings(
        endpoint,
        config.getOptionalValue(BUCKET, String.class).map(String::strip).orElse(null),
        config.getOptionalValue(REGION, String.class).orElse(DEFAULT_REGION),
        config.getOptionalValue(ACCESS_KEY, String.class).orElse(null),
        config.getOptionalValue(SECRET_KEY, String.class).orElse(null),
        booleanValue(config, PATH_STYLE, true),
        config.getOptionalValue(PREFIX, String.class).orElse(""));
  }

  /** The key under which the library's key is stored in the bucket. */
  String objectKey(String key) {
    return prefix + key;
  }

  /** Where requests go, for messages: the endpoint or AWS. */
  String where() {
    return endpoint == null ? "AWS S3 (region " + region + ")" : endpoint.toString();
  }

  /** The secret key is left out: settings end up in logs and exception messages. */
  @Override
  public String toString() {
    return "S3Settings[endpoint="
        + (endpoint == null ? "AWS" : endpoint)
        + ", bucket="
        + bucket
        + ", region="
        + region
        + ", accessKey="
        + accessKey
        + ", secretKey="
        + (secretKey == null ? null : "***")
        + ", pathStyle="
        + pathStyle
        + ", prefix="
        + prefix
        + "]";
  }

  private static URI endpoint(String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(ENDPOINT + " is not a URL: " + value, e);
    }
  }

  /** Only true or false: a misspelt value is an error, not a silent {@code false}. */
  private static boolean booleanValue(Config config, String key, boolean defaultValue) {
    Optional<String> value = config.getOptionalValue(key, String.class).map(String::strip);
    if (value.isEmpty()) {
      return defaultValue;
    }
    if (value.get().equalsIgnoreCase("true")) {
      return true;
    }
    if (value.get().equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException(key + " must be true or false, not " + value.get());
  }
}
