package org.tribune.web.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Finds a visitor's address. It is the socket's, unless the socket is a proxy listed in {@code
 * tribune.proxy.trusted} (addresses or CIDR blocks, comma-separated); then {@code X-Forwarded-For}
 * is read from the right, skipping trusted proxies, and the first untrusted address is the
 * visitor's. A header sent by anyone else is ignored, so a forged one cannot get around limits or
 * bans.
 */
@ApplicationScoped
public class TrustedProxies {
  private static final Logger LOG = Logger.getLogger(TrustedProxies.class.getName());

  @Inject
  @ConfigProperty(name = "tribune.proxy.trusted")
  Optional<String> setting;

  private List<Block> blocks = List.of();

  @PostConstruct
  void init() {
    blocks = parse(setting.orElse(""));
  }

  static List<Block> parse(String setting) {
    List<Block> parsed = new ArrayList<>();
    for (String entry : setting.split(",")) {
      String trimmed = entry.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      Block block = Block.parse(trimmed);
      if (block == null) {
        LOG.warning("tribune.proxy.trusted: ignored '" + trimmed + "' (not an address or CIDR)");
      } else {
        parsed.add(block);
      }
    }
    return List.copyOf(parsed);
  }

  /** The visitor's address for this request. */
  public String clientAddress(HttpServletRequest request) {
    return clientAddress(request.getRemoteAddr(), request.getHeaders("X-Forwarded-For"), blocks);
  }

  /**
   * Whether the visitor reached the site over HTTPS: this connection is, or it comes from a trusted
   * proxy saying so ({@code X-Forwarded-Proto: https}).
   */
  public boolean isSecure(HttpServletRequest request) {
    return isSecure(
        request.isSecure(),
        request.getRemoteAddr(),
        request.getHeader("X-Forwarded-Proto"),
        blocks);
  }

  static boolean isSecure(
      boolean secureSocket, String socket, String forwardedProto, List<Block> trusted) {
    return secureSocket || ("https".equalsIgnoreCase(forwardedProto) && isTrusted(socket, trusted));
  }

  static String clientAddress(String socket, Enumeration<String> forwarded, List<Block> trusted) {
    if (!isTrusted(socket, trusted) || forwarded == null) {
      return socket;
    }
    List<String> hops = new ArrayList<>();
    while (forwarded.hasMoreElements()) {
      for (String hop : forwarded.nextElement().split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.strip());
        }
      }
    }
    String client = socket;
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (Block.address(hop) == null) {
        return client; // garbage: stop at the last address we could trust
      }
      client = hop;
      if (!isTrusted(hop, trusted)) {
        return hop;
      }
    }
    return client;
  }

  private static boolean isTrusted(String address, List<Block> trusted) {
    InetAddress parsed = Block.address(address);
    return parsed != null && trusted.stream().anyMatch(b -> b.contains(parsed));
  }

  /** An address block: a network address and a prefix length. */
  record Block(byte[] network, int prefix) {
    static Block parse(String text) {
      int slash = text.indexOf('/');
      InetAddress address = address(slash < 0 ? text : text.substring(0, slash));
      if (address == null) {
        return null;
      }
      int bits = address.getAddress().length * 8;
      int prefix = bits;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
          return null;
        }
        if (prefix < 0 || prefix > bits) {
          return null;
        }
      }
      return new Block(address.getAddress(), prefix);
    }

    /** A literal IPv4 or IPv6 address, never a name lookup; {@code null} if it is not one. */
    static InetAddress address(String text) {
      if (text == null
          || text.isEmpty()
          || text.length() > 45
          || !text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':')) {
        return null;
      }
      try {
        return InetAddress.getByName(text);
      } catch (UnknownHostException e) {
        return null;
      }
    }

    boolean contains(InetAddress address) {
      byte[] bytes = address.getAddress();
      if (bytes.length != network.length) {
        return false;
      }
      int shift = bytes.length * 8 - prefix;
      BigInteger mine = new BigInteger(1, network).shiftRight(shift);
      BigInteger theirs = new BigInteger(1, bytes).shiftRight(shift);
      return mine.equals(theirs);
    }
  }
}
