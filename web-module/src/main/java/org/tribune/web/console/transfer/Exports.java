package org.tribune.web.console.transfer;

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
import org.tribune.web.transfer.JsonExporter;
import org.tribune.web.transfer.MediaArchive;
import org.tribune.web.transfer.WxrWriter;

/**
 * Sends a full export (WXR, JSON) or the media archive as a download, for the API and the console,
 * and logs it in the audit log.
 */
@ApplicationScoped
public class Exports {
  /** What can be exported. */
  public enum Format {
    WXR("xml", "application/xml;charset=UTF-8"),
    JSON("json", "application/json;charset=UTF-8"),
    /** The media archive: the library's originals and their manifest ({@link MediaArchive}). */
    MEDIA("zip", "application/zip");

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
  @Inject private MediaArchive media;
  @Inject private AuditLog audit;
  @Inject private StaffAddresses addresses;
  @Inject private SiteSettings site;

  public void send(
      Format format, String actor, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String date = LocalDate.now(site.getZone()).toString();
    String file =
        switch (format) {
          case WXR -> "tribune-" + date + "-wordpress.";
          case JSON -> "tribune-" + date + ".";
          case MEDIA -> "tribune-media-" + date + ".";
        };
    file += format.extension;
    response.setContentType(format.mediaType);
    response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"");
    response.setHeader("Cache-Control", "no-store");
    audit.record(
        actor,
        AuditAction.SITE_EXPORTED,
        format.name().toLowerCase(Locale.ROOT),
        null,
        addresses.hash(request));
    try (OutputStream out = response.getOutputStream()) {
      switch (format) {
        case WXR -> wxr.write(out);
        case JSON -> json.write(out);
        case MEDIA -> media.write(out);
      }
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }
}
