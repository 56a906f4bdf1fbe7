package org.tribune.articles.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A setting the articles module keeps in its own table ({@code articles_setting}) because it must
 * outlive restarts and hold on every node: so far only {@link #DEMO_CONTENT}. Not cached, so that
 * every node reads the current value.
 */
@Entity
@Table(name = "articles_setting")
public class ArticlesSetting {
  static final int NAME_LENGTH = 100;
  static final int VALUE_LENGTH = 200;

  /**
   * Whether demo content may be written: {@link #CONFIGURED} (as {@code tribune.demo-content} says)
   * until it is removed from the console, then {@link #OFF} for good. The row exists from the
   * migration on, so that it can be locked.
   */
  static final String DEMO_CONTENT = "demo-content";

  static final String CONFIGURED = "configured";
  static final String OFF = "off";

  @Id
  @Column(length = NAME_LENGTH)
  private String name;

  @Column(name = "setting_value", nullable = false, length = VALUE_LENGTH)
  private String value;

  protected ArticlesSetting() {}

  public ArticlesSetting(String name, String value) {
    this.name = Texts.require(name, "name");
    this.value = Texts.require(value, "value");
  }

  public String getName() {
    return name;
  }

  public String getValue() {
    return value;
  }

  public void change(String newValue) {
    this.value = Texts.require(newValue, "value");
  }
}
