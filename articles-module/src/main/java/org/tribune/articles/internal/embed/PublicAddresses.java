package org.tribune.articles.internal.embed;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses the server may fetch from: public unicast only. Refused: unspecified, loopback,
 * private (10/8, 172.16/12, 192.168/16), shared (100.64/10), link-local (169.254/16, fe80::/10),
 * multicast, reserved and documentation ranges, broadcast, unique-local (fc00::/7), site-local
 * (fec0::/10), IPv4-compatible and deprecated forms, and IPv6 forms embedding a refused IPv4
 * address (6to4 2002::/16); NAT64 (64:ff9b::/96) and mapped forms are refused whole; Teredo
 * (2001::/32) is refused whole.
 */
public final class PublicAddresses {
  private PublicAddresses() {}

  public static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicV4(b);
    }
    if (address instanceof Inet6Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if ((first & 0xfe) == 0xfc) {
        return false; // fc00::/7 unique local
      }
      if (first == 0) {
        // ::/8 holds ::, ::1, IPv4-compatible, IPv4-mapped and NAT64 (64:ff9b::/96) forms.
        return false;
      }
      if (first == 0x20 && second == 0x02) {
        return isPublicV4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4
      }
      if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
        return false; // Teredo
      }
      if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
        return false; // documentation
      }
      if (first == 0x01 && second == 0 && allZero(b, 2, 8)) {
        return false; // discard-only 100::/64
      }
      return (first & 0xe0) == 0x20; // global unicast 2000::/3 only
    }
    return false;
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPublicV4(byte[] b) {
    int a = b[0] & 0xff;
    int c = b[1] & 0xff;
    int d = b[2] & 0xff;
    return !(a == 0
        || a == 10
        || a == 127
        || (a == 100 && c >= 64 && c <= 127)
        || (a == 169 && c == 254)
        || (a == 172 && c >= 16 && c <= 31)
        || (a == 192 && c == 0 && (d == 0 || d == 2))
        || (a == 192 && c == 88 && d == 99)
        || (a == 192 && c == 168)
        || (a == 198 && (c == 18 || c == 19))
        || (a == 198 && c == 51 && d == 100)
        || (a == 203 && c == 0 && d == 113)
        || a >= 224);
  }

  /** Every address of the host, all public; else an exception naming the refusal. */
  public static InetAddress[] resolvePublic(String host) throws UnknownHostException {
    InetAddress[] all = InetAddress.getAllByName(host);
    for (InetAddress address : all) {
      if (!isPublic(address)) {
        throw new UnknownHostException(host + " resolves to a non-public address");
      }
    }
    return all;
  }
}
