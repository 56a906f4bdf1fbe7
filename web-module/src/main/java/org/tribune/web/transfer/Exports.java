package org.tribune.web.transfer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import org.tribune.web.console.audit.AuditAction;
import org.tribune.web.console.audit.AuditLog;
import org.tribune.web.console.security.StaffAddresses;
import org.tribune.web.site.SiteSettings;

/** Sends a full export as a download, for the API and the console, and logs it. */
@ApplicationScoped
public class Exports {
  /** What can be exported. */
  public enum Format {
    WXR("xml", "application/xml"),
    JSON("json", "application/json");

    final String extension;
    final String mediaType;

    Format(String extension, String mediaType) {
      this.extension = extension;
      this.mediaType = mediaType;
    }

    public static Optional<Format> of(String name) {
      for (Format format : values()) {
        if (format.name().toLowerCase(Locale.ROOT).equals(name)) {
          return Optional.of(format);
        }
      }
      return Optional.empty();
    }
  }

  @Inject private WxrWriter wxr;
  @Inject private JsonExporter json;
  @Inject private AuditLog audit;
  @Inject private StaffAddresses addresses;
  @Inject private SiteSettings site;

  public void send(
      Format format, String actor, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String file =
        "tribune-"
            + LocalDate.now(site.getZone())
            + (format == Format.WXR ? "-wordpress." : ".")
            + format.extension;
    response.setContentType(format.mediaType + ";charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
    response.setHeader("Cache-Control", "no-store");
    audit.record(
        actor,
        AuditAction.SITE_EXPORTED,
        format.name().toLowerCase(Locale.ROOT),
        null,
        addresses.hash(request));
    try (OutputStream out = response.getOutputStream()) {
      if (format == Format.WXR) {
        wxr.write(out);
      } else {
        json.write(out);
      }
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }
}
