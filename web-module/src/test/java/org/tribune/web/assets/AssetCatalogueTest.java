package org.tribune.web.assets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.tribune.web.site.HttpCaching;

class AssetCatalogueTest {
  private static final byte[] CSS =
      "body { color: #1d1d1f; }\n".repeat(40).getBytes(StandardCharsets.UTF_8);

  @Test
  void addressIsTheFileNameWithTheFirstTenHexDigitsOfItsSha256() {
    // sha256("a") = ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb
    Asset asset = AssetCatalogue.asset("/js/x.js", "a".getBytes(StandardCharsets.US_ASCII));
    assertEquals("/assets/x.ca978112ca.js", asset.address());
    assertEquals("\"ca978112ca1bbdcafac2\"", asset.etag(false));
  }

  @Test
  void changingOneByteChangesTheAddressAndKeepingThemKeepsIt() {
    byte[] changed = CSS.clone();
    changed[5] = 'x';
    String first = AssetCatalogue.asset("/css/site.css", CSS).address();
    assertEquals(first, AssetCatalogue.asset("/css/site.css", CSS.clone()).address());
    assertNotEquals(first, AssetCatalogue.asset("/css/site.css", changed).address());
    assertTrue(first.matches("/assets/site\\.[0-9a-f]{10}\\.css"), first);
  }

  @Test
  void gzipTwinUnpacksToTheSameBytesAndHasItsOwnTag() throws IOException {
    Asset asset = AssetCatalogue.asset("/css/site.css", CSS);
    assertTrue(asset.hasGzip());
    assertTrue(asset.gzipped().length < CSS.length / 4, "repetitive text compresses well");
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(asset.gzipped()))) {
      assertArrayEquals(CSS, in.readAllBytes());
    }
    assertNotEquals(asset.etag(false), asset.etag(true));
  }

  @Test
  void noGzipTwinWhenCompressingWouldNotHelp() {
    Asset asset = AssetCatalogue.asset("/images/i.svg", "<svg/>".getBytes(StandardCharsets.UTF_8));
    assertFalse(asset.hasGzip());
    assertNull(asset.gzipped());
  }

  @Test
  void mediaTypesCarryTheirCharsetForText() {
    assertEquals("text/css;charset=UTF-8", AssetCatalogue.asset("/css/a.css", CSS).contentType());
    assertEquals(
        "text/javascript;charset=UTF-8", AssetCatalogue.asset("/js/a.js", CSS).contentType());
    assertEquals("image/svg+xml", AssetCatalogue.asset("/images/a.svg", CSS).contentType());
    assertThrows(IllegalArgumentException.class, () -> AssetCatalogue.asset("/css/a.exe", CSS));
  }

  @Test
  void catalogueFindsByPathAndAddressAndLeavesUnknownPathsAlone() {
    AssetCatalogue catalogue =
        AssetCatalogue.of(Map.of("/css/site.css", CSS, "/js/discussion.js", CSS));
    String address = catalogue.addressOf("/css/site.css");
    assertEquals("/css/site.css", catalogue.byAddress(address).orElseThrow().path());
    assertEquals(address, catalogue.byPath("/css/site.css").orElseThrow().address());
    assertTrue(catalogue.addressOf("/js/discussion.js").startsWith("/assets/discussion."));
    assertEquals("/css/other.css", catalogue.addressOf("/css/other.css"));
    assertTrue(catalogue.byAddress("/assets/site.0000000000.css").isEmpty());
  }

  @Test
  void twoFilesThatWouldShareAnAddressAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> AssetCatalogue.of(Map.of("/css/a.css", CSS, "/css/old/a.css", CSS)));
  }

  @Test
  void gzipIsSentOnlyWhenAcceptedWithoutQZero() {
    assertTrue(HttpCaching.acceptsGzip("gzip, deflate, br"));
    assertTrue(HttpCaching.acceptsGzip("br;q=1.0, gzip;q=0.8"));
    assertTrue(HttpCaching.acceptsGzip("*"));
    assertFalse(HttpCaching.acceptsGzip(null));
    assertFalse(HttpCaching.acceptsGzip("identity"));
    assertFalse(HttpCaching.acceptsGzip("gzip;q=0"));
    assertFalse(HttpCaching.acceptsGzip("*, gzip; q=0.000"));
    assertFalse(HttpCaching.acceptsGzip("br"));
  }

  @Test
  void eitherRepresentationsTagIsNotModified() {
    Asset asset = AssetCatalogue.asset("/css/site.css", CSS);
    assertTrue(AssetServlet.matches(asset.etag(false), asset));
    assertTrue(AssetServlet.matches("\"x\", W/" + asset.etag(true), asset));
    assertTrue(AssetServlet.matches("*", asset));
    assertFalse(AssetServlet.matches("\"ca978112ca1bbdcafac2\"", asset));
    assertFalse(AssetServlet.matches(null, asset));
  }
}
