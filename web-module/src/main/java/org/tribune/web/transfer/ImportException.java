package org.tribune.web.transfer;

/**
 * An import that cannot go on: the file is not what it should be. {@link #code} names the problem
 * for the report ({@code transfer.error.<code>} in the console's messages); {@link #detail} adds
 * where (a line and column) or what the parser said.
 */
public class ImportException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final String detail;

  public ImportException(String code) {
    this(code, null);
  }

  public ImportException(String code, String detail) {
    super(detail == null ? code : code + ": " + detail);
    this.code = code;
    this.detail = detail;
  }

  public String code() {
    return code;
  }

  public String detail() {
    return detail;
  }
}
