package org.tribune.web.console.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.tribune.web.config.TrustedProxies;
import org.tribune.web.site.StoredSettings;

/**
 * The client address of a console request, as a keyed hash: the audit log and the sign-in limit
 * recognise an address without storing it. The key is made once per site and kept in {@code
 * console_setting}, so every node computes the same hash.
 */
@ApplicationScoped
public class StaffAddresses {
  static final String SECRET = "address-secret";

  @Inject private TrustedProxies proxies;
  @Inject private StoredSettings settings;

  private volatile byte[] key;

  public String hash(HttpServletRequest request) {
    return hash(proxies.clientAddress(request));
  }

  String hash(String address) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      byte[] digest = mac.doFinal(address.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The stored secret was replaced (a restore): it is read again at the next use. */
  public void forget() {
    key = null;
  }

  private byte[] key() {
    byte[] current = key;
    if (current == null) {
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      String stored = settings.putIfAbsent(SECRET, Base64.getEncoder().encodeToString(fresh));
      current = Base64.getDecoder().decode(stored);
      key = current;
    }
    return current;
  }
}
