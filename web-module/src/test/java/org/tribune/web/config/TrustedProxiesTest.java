package org.tribune.web.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
  private static final List<TrustedProxies.Block> PROXIES =
      TrustedProxies.parse("10.0.0.0/8, 192.168.1.5, ::1, nonsense, 10.0.0.0/99");

  private static String client(String socket, String... forwarded) {
    return TrustedProxies.clientAddress(
        socket, Collections.enumeration(List.of(forwarded)), PROXIES);
  }

  @Test
  void unparseableEntriesAreIgnored() {
    assertEquals(3, PROXIES.size());
  }

  @Test
  void aHeaderFromAnUntrustedSocketIsIgnored() {
    assertEquals("203.0.113.9", client("203.0.113.9", "198.51.100.1"));
  }

  @Test
  void aTrustedProxyIsBelievedAndTrustedHopsAreSkippedFromTheRight() {
    assertEquals("198.51.100.1", client("10.1.2.3", "198.51.100.1"));
    assertEquals("198.51.100.1", client("10.1.2.3", "198.51.100.1, 192.168.1.5"));
    assertEquals("198.51.100.1", client("::1", "198.51.100.1", "10.9.9.9"));
  }

  @Test
  void aForgedLeftmostValueDoesNotWin() {
    // The visitor sent "X-Forwarded-For: 1.2.3.4"; the proxy appended their real address.
    assertEquals("198.51.100.7", client("10.1.2.3", "1.2.3.4, 198.51.100.7"));
  }

  @Test
  void garbageStopsAtTheLastAddressThatCouldBeTrusted() {
    assertEquals("10.1.2.3", client("10.1.2.3", "<script>"));
    assertEquals("10.1.2.3", client("10.1.2.3", "evil.example.org"));
  }

  @Test
  void namesAreNeverLookedUp() {
    assertNull(TrustedProxies.Block.address("localhost"));
    assertNull(TrustedProxies.Block.address(""));
  }

  @Test
  void httpsIsWhatTheConnectionOrATrustedProxySays() {
    assertTrue(TrustedProxies.isSecure(true, "203.0.113.9", null, PROXIES));
    assertTrue(TrustedProxies.isSecure(false, "10.1.2.3", "https", PROXIES));
    assertTrue(TrustedProxies.isSecure(false, "10.1.2.3", "HTTPS", PROXIES));
    assertFalse(TrustedProxies.isSecure(false, "10.1.2.3", "http", PROXIES));
    assertFalse(TrustedProxies.isSecure(false, "10.1.2.3", null, PROXIES));
    assertFalse(TrustedProxies.isSecure(false, "203.0.113.9", "https", PROXIES), "a forged header");
  }
}
