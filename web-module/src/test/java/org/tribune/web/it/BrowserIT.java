package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

/**
 * The home page in a real browser: Debian's headless Chromium driven by its chromedriver, never a
 * downloaded one. Skipped when they are not installed, unless {@code tribune.it.browser=required}.
 */
@ExtendWith(SharedTribune.class)
class BrowserIT {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String INSTALL_HINT =
      "Chromium not installed: apt-get install chromium chromium-driver";

  private WebDriver driver;
  private Path profile;

  @BeforeAll
  static void requireChromium() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if ("required".equals(System.getProperty("tribune.it.browser"))) {
      assertTrue(installed, INSTALL_HINT + " (and tribune.it.browser=required)");
    } else {
      Assumptions.assumeTrue(installed, INSTALL_HINT);
    }
  }

  @BeforeEach
  void openBrowser() throws IOException {
    // With both paths given, Selenium Manager has nothing to look up or download.
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    profile = Files.createTempDirectory("tribune-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,900",
        "--user-data-dir=" + profile);
    driver = new ChromeDriver(options);
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (driver != null) {
      driver.quit();
    }
    try (Stream<Path> files = Files.walk(profile)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
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

  private void screenshot(String fileName) throws IOException {
    Path folder = Files.createDirectories(Path.of(System.getProperty("tribune.it.screenshot-dir")));
    Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(shot, folder.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
  }
}
