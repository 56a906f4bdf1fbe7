package org.tribune.web.legal;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the <em>Mentions légales</em> must say (LCEN art. 6-III): who publishes the site, who
 * directs the publication, who hosts it. Kept in the console's settings ({@code legal.*}) so that
 * the form shows them again; every field may be left blank while the notice is a draft.
 */
public record LegalNotice(
    String publisherName,
    String publisherForm,
    String publisherAddress,
    String publisherPhone,
    String publisherEmail,
    String director,
    String hostName,
    String hostAddress,
    String hostPhone)
    implements Serializable {

  /** Longest value of a field. */
  public static final int FIELD_LENGTH = 300;

  /** The settings' names, in the order of the record's components. */
  static final String[] SETTINGS = {
    "legal.publisher.name",
    "legal.publisher.form",
    "legal.publisher.address",
    "legal.publisher.phone",
    "legal.publisher.email",
    "legal.director",
    "legal.host.name",
    "legal.host.address",
    "legal.host.phone"
  };

  public LegalNotice {
    publisherName = clean(publisherName);
    publisherForm = clean(publisherForm);
    publisherAddress = clean(publisherAddress);
    publisherPhone = clean(publisherPhone);
    publisherEmail = clean(publisherEmail);
    director = clean(director);
    hostName = clean(hostName);
    hostAddress = clean(hostAddress);
    hostPhone = clean(hostPhone);
  }

  /** The notice as stored, blank fields where nothing is. */
  static LegalNotice of(Map<String, String> settings) {
    String[] v = new String[SETTINGS.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = settings.get(SETTINGS[i]);
    }
    return new LegalNotice(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
  }

  /** The values to store, by setting name; a blank field removes its setting. */
  Map<String, String> settings() {
    String[] v = values();
    Map<String, String> settings = new LinkedHashMap<>();
    for (int i = 0; i < v.length; i++) {
      settings.put(SETTINGS[i], v[i].isEmpty() ? null : v[i]);
    }
    return settings;
  }

  /** Whether the fields the law requires are all filled in. */
  public boolean complete() {
    return !publisherName.isEmpty()
        && !publisherAddress.isEmpty()
        && !publisherEmail.isEmpty()
        && !director.isEmpty()
        && !hostName.isEmpty()
        && !hostAddress.isEmpty()
        && !hostPhone.isEmpty();
  }

  /** The fields in the record's order, blank where nothing is. */
  public String[] values() {
    return new String[] {
      publisherName,
      publisherForm,
      publisherAddress,
      publisherPhone,
      publisherEmail,
      director,
      hostName,
      hostAddress,
      hostPhone
    };
  }

  /** A single line, stripped: an address typed on several lines reads as one, with commas. */
  private static String clean(String value) {
    if (value == null) {
      return "";
    }
    return value.strip().replaceAll("\\s*\\R\\s*", ", ").replaceAll("\\s+", " ");
  }
}
