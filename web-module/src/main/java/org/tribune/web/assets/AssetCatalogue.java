package org.tribune.web.assets;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tribune.web.site.HttpCaching;

/**
 * The static files by site path and by fingerprinted address. Built once from the files' bytes:
 * hashing and compressing happen here, never per request. Immutable.
 */
public final class AssetCatalogue {
  /** Where fingerprinted addresses live. */
  public static final String PREFIX = "/assets/";

  /** Hex digits of the SHA-256 in an address: 40 bits, plenty to tell versions apart. */
  static final int HASH_LENGTH = 10;

  private static final Map<String, String> TYPES =
      Map.of(
          "css", "text/css;charset=UTF-8",
          "js", "text/javascript;charset=UTF-8",
          "svg", "image/svg+xml",
          "ico", "image/x-icon",
          "png", "image/png",
          "woff2", "font/woff2");

  private final Map<String, Asset> byPath;
  private final Map<String, Asset> byAddress;

  private AssetCatalogue(Map<String, Asset> byPath, Map<String, Asset> byAddress) {
    this.byPath = Map.copyOf(byPath);
    this.byAddress = Map.copyOf(byAddress);
  }

  /**
   * @param files site path ({@code /css/site.css}) to bytes
   * @throws IllegalArgumentException if two files would get the same address (same name and content
   *     in two folders), or a file's type is unknown
   */
  public static AssetCatalogue of(Map<String, byte[]> files) {
    Map<String, Asset> byPath = new LinkedHashMap<>();
    Map<String, Asset> byAddress = new HashMap<>();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Asset asset = asset(file.getKey(), file.getValue());
      Asset before = byAddress.putIfAbsent(asset.address(), asset);
      if (before != null) {
        throw new IllegalArgumentException(
            before.path() + " and " + asset.path() + " would share " + asset.address());
      }
      byPath.put(asset.path(), asset);
    }
    return new AssetCatalogue(byPath, byAddress);
  }

  static Asset asset(String path, byte[] bytes) {
    String hash = sha256(bytes);
    String type = TYPES.get(extension(path));
    if (type == null) {
      throw new IllegalArgumentException("no media type known for " + path);
    }
    byte[] gzipped = HttpCaching.gzip(bytes);
    return new Asset(
        path,
        address(path, hash.substring(0, HASH_LENGTH)),
        type,
        bytes,
        gzipped.length < bytes.length ? gzipped : null,
        hash.substring(0, 2 * HASH_LENGTH));
  }

  /** {@code /css/site.css} and {@code 3f2a1c9b0d} → {@code /assets/site.3f2a1c9b0d.css}. */
  static String address(String path, String hash) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return PREFIX + name.substring(0, dot) + '.' + hash + name.substring(dot);
  }

  private static String extension(String path) {
    return path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** The file at a site path ({@code /css/site.css}). */
  public Optional<Asset> byPath(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /** The file at a fingerprinted address ({@code /assets/site.3f2a1c9b0d.css}). */
  public Optional<Asset> byAddress(String address) {
    return Optional.ofNullable(byAddress.get(address));
  }

  /** The fingerprinted address of a site path, or the path itself for a file not catalogued. */
  public String addressOf(String path) {
    Asset asset = byPath.get(path);
    return asset == null ? path : asset.address();
  }

  public Collection<Asset> all() {
    return byPath.values();
  }
}
