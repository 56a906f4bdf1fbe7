package org.tribune.articles.internal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.junit.jupiter.api.Test;

class S3SettingsTest {

  @Test
  void everyKeyIsRead() {
    S3Settings settings =
        S3Settings.fromConfig(
            config(
                Map.of(
                    "tribune.media.s3.endpoint", "http://127.0.0.1:18900",
                    "tribune.media.s3.bucket", "tribune-media",
                    "tribune.media.s3.region", "eu-west-3",
                    "tribune.media.s3.access-key", "tribune",
                    "tribune.media.s3.secret-key", "tribune-secret",
                    "tribune.media.s3.path-style", "false",
                    "tribune.media.s3.prefix", "media/")));

    assertEquals(
        new S3Settings(
            URI.create("http://127.0.0.1:18900"),
            "tribune-media",
            "eu-west-3",
            "tribune",
            "tribune-secret",
            false,
            "media/"),
        settings);
  }

  @Test
  void onlyTheBucketIsRequired() {
    S3Settings settings =
        S3Settings.fromConfig(config(Map.of("tribune.media.s3.bucket", "tribune-media")));

    assertNull(settings.endpoint());
    assertEquals("us-east-1", settings.region());
    assertTrue(settings.pathStyle());
    assertEquals("", settings.prefix());
    assertNull(settings.accessKey());
  }

  @Test
  void aMissingBucketIsRefusedNamingItsKey() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                S3Settings.fromConfig(
                    config(Map.of("tribune.media.s3.endpoint", "http://127.0.0.1:18900"))));

    assertTrue(e.getMessage().contains("tribune.media.s3.bucket"), e.getMessage());
  }

  @Test
  void badValuesAreRefusedNamingTheirKey() {
    assertRefused("tribune.media.s3.endpoint", Map.of("tribune.media.s3.endpoint", "127.0.0.1"));
    assertRefused("tribune.media.s3.endpoint", Map.of("tribune.media.s3.endpoint", "ftp://host/"));
    assertRefused("tribune.media.s3.bucket", Map.of("tribune.media.s3.bucket", "Tribune_Media"));
    assertRefused("tribune.media.s3.secret-key", Map.of("tribune.media.s3.access-key", "tribune"));
    assertRefused("tribune.media.s3.path-style", Map.of("tribune.media.s3.path-style", "yes!"));
    assertRefused("tribune.media.s3.prefix", Map.of("tribune.media.s3.prefix", "/media"));
  }

  @Test
  void theSecretKeyStaysOutOfTheText() {
    S3Settings settings =
        new S3Settings(null, "tribune-media", null, "tribune", "tribune-secret", true, null);

    assertFalse(settings.toString().contains("tribune-secret"), settings.toString());
  }

  private static void assertRefused(String key, Map<String, String> values) {
    Map<String, String> withBucket = new HashMap<>(values);
    withBucket.putIfAbsent("tribune.media.s3.bucket", "tribune-media");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> S3Settings.fromConfig(config(withBucket)));
    assertTrue(e.getMessage().contains(key), e.getMessage());
  }

  /** The part of MicroProfile Config that {@link S3Settings#fromConfig} uses, over a map. */
  private static Config config(Map<String, String> values) {
    return new Config() {
      @Override
      public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
        if (type != String.class) {
          throw new UnsupportedOperationException(type.getName());
        }
        String value = values.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(type.cast(value));
      }

      @Override
      public <T> T getValue(String name, Class<T> type) {
        return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
      }

      @Override
      public ConfigValue getConfigValue(String name) {
        throw new UnsupportedOperationException();
      }

      @Override
      public Iterable<String> getPropertyNames() {
        return values.keySet();
      }

      @Override
      public Iterable<ConfigSource> getConfigSources() {
        return List.of();
      }

      @Override
      public <T> Optional<Converter<T>> getConverter(Class<T> type) {
        return Optional.empty();
      }

      @Override
      public <T> T unwrap(Class<T> type) {
        throw new IllegalArgumentException(type.getName());
      }
    };
  }
}
