package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The home page in a real browser: Debian's headless Chromium driven by its chromedriver, never a
 * downloaded one (see {@link Chromium}). Skipped when they are not installed, unless {@code
 * tribune.it.browser=required}.
 */
@ExtendWith(SharedTribune.class)
class BrowserIT {
  private Chromium chromium;
  private WebDriver driver;

  @BeforeAll
  static void requireChromium() {
    Chromium.requireInstalled();
  }

  @BeforeEach
  void openBrowser() {
    chromium = Chromium.start();
    driver = chromium.driver();
  }

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void homePageShowsItsTitleAndFirstArticleHeading(TribuneServer server) throws IOException {
    driver.get(server.uri("/").toString());
    WebElement firstHeading = driver.findElement(By.cssSelector("h2.article-title"));
    Rectangle heading = firstHeading.getRect();
    Dimension window = driver.manage().window().getSize();
    screenshot("home.png");

    assertAll(
        () -> assertTrue(driver.getTitle().startsWith("Tribune – "), driver.getTitle()),
        () -> assertTrue(firstHeading.isDisplayed(), "the first article heading is not shown"),
        () -> assertFalse(firstHeading.getText().isBlank(), "the first heading has no text"),
        () ->
            assertTrue(
                heading.getY() >= 0 && heading.getY() < window.getHeight(),
                () -> "the first heading is outside the first screen: " + heading.getY()));
  }

  @Test
  void firstTabFocusesTheSkipLinkAndBringsItIntoView(TribuneServer server) throws IOException {
    driver.get(server.uri("/").toString());
    WebElement skipLink = driver.findElement(By.cssSelector("a[href='#content']"));
    Rectangle hidden = skipLink.getRect();

    new Actions(driver).sendKeys(Keys.TAB).perform();
    Rectangle focused = skipLink.getRect();
    screenshot("home-skip-link.png");

    assertAll(
        () ->
            assertTrue(
                hidden.getX() + hidden.getWidth() <= 0,
                () -> "the skip link is visible before it has focus, at x=" + hidden.getX()),
        () -> assertEquals(skipLink, driver.switchTo().activeElement(), "focus is elsewhere"),
        () -> assertTrue(skipLink.isDisplayed(), "the focused skip link is not shown"),
        () ->
            assertTrue(
                focused.getX() >= 0 && focused.getY() >= 0,
                () -> "the focused skip link is off screen at " + focused.getPoint()));
  }

  private void screenshot(String fileName) {
    chromium.screenshot(fileName);
  }
}
