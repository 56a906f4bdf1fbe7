package org.tribune.web.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Debian's headless Chromium driven by its own chromedriver, never a downloaded one, with a fresh
 * profile that is deleted on {@link #close()}. Tests call {@link #requireInstalled()} first: they
 * are skipped without Chromium, unless {@code tribune.it.browser=required}, which fails them. Used
 * by the browser tests of this package and by {@code persistence.XssIT}.
 */
public final class Chromium implements AutoCloseable {
  /** Desktop window size of every test browser. */
  public static final int WIDTH = 1280;

  public static final int HEIGHT = 900;

  private static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final String INSTALL_HINT =
      "Chromium not installed: apt-get install chromium chromium-driver";

  private final ChromeDriver driver;
  private final Path profile;

  private Chromium(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Skips the calling test when Chromium is missing, or fails it when it is required. */
  public static void requireInstalled() {
    boolean installed = Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    if ("required".equals(System.getProperty("tribune.it.browser"))) {
      assertTrue(installed, INSTALL_HINT + " (and tribune.it.browser=required)");
    } else {
      Assumptions.assumeTrue(installed, INSTALL_HINT);
    }
  }

  /**
   * A new headless browser. An alert a page opens stays open (it is neither accepted nor dismissed
   * behind the test's back), so that a test can see it.
   */
  public static Chromium start() {
    return start(false);
  }

  /**
   * A new headless browser that also records every request it sends, the page's, its frames' and
   * its scripts' alike, sent or failed ({@link #requestedUrls()}).
   */
  public static Chromium startRecordingRequests() {
    return start(true);
  }

  private static Chromium start(boolean requests) {
    // With both paths given, Selenium Manager has nothing to look up or download.
    System.setProperty("webdriver.chrome.driver", DRIVER.toString());
    try {
      Path profile = Files.createTempDirectory("tribune-chromium-");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(BINARY.toFile());
      options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
      // The page's console messages, Content-Security-Policy violations among them.
      options.setCapability(
          "goog:loggingPrefs",
          requests
              ? Map.of(LogType.BROWSER, "ALL", LogType.PERFORMANCE, "ALL")
              : Map.of(LogType.BROWSER, "ALL"));
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--window-size=" + WIDTH + "," + HEIGHT,
          "--user-data-dir=" + profile);
      return new Chromium(new ChromeDriver(options), profile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public ChromeDriver driver() {
    return driver;
  }

  /**
   * Lays pages out as a phone of this size does (viewport meta tag, touch, device pixels 1) until
   * {@link #desktop()}; the current page is laid out again at once.
   */
  public void phone(int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", true));
    settle();
  }

  /**
   * Waits until the page has laid itself out at its new width: scripts that size things to their
   * container (the dashboard's charts) do so a moment after the resize, not at once. The page's
   * size read three times in a row, 100 ms apart, the same; three seconds at most. Only where a
   * canvas is.
   */
  private void settle() {
    if (!Boolean.TRUE.equals(driver.executeScript("return !!document.querySelector('canvas')"))) {
      return; // nothing on the page sizes itself later
    }
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(3).toNanos();
    Object last = null;
    int same = 0;
    while (same < 2 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      Object width =
          driver.executeScript(
              "return document.documentElement.scrollWidth + ' ' + document.body.scrollHeight");
      same = width.equals(last) ? same + 1 : 0;
      last = width;
    }
  }

  /** Back to the desktop window after {@link #phone(int, int)}. */
  public void desktop() {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  /**
   * The scripts and handlers the page's Content-Security-Policy refused since the last call, as the
   * browser reported them ("Refused to execute inline script…"); empty when none was.
   */
  public List<String> refusedByPolicy() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(message -> message.contains("Content Security Policy"))
        .toList();
  }

  /**
   * The addresses of the requests the browser sent since the last call (Chromium's performance log,
   * {@code Network.requestWillBeSent}), for a browser from {@link #startRecordingRequests()}.
   */
  public List<String> requestedUrls() {
    return driver.manage().logs().get(LogType.PERFORMANCE).getAll().stream()
        .map(LogEntry::getMessage)
        .map(
            m -> {
              try (JsonReader reader = Json.createReader(new StringReader(m))) {
                return reader.readObject().getJsonObject("message");
              }
            })
        .filter(m -> "Network.requestWillBeSent".equals(m.getString("method", "")))
        .map(m -> m.getJsonObject("params").getJsonObject("request").getString("url"))
        .toList();
  }

  /** Saves what the browser shows to {@code tribune.it.screenshot-dir/fileName}. */
  public Path screenshot(String fileName) {
    try {
      Path folder =
          Files.createDirectories(Path.of(System.getProperty("tribune.it.screenshot-dir")));
      Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
      return Files.copy(shot, folder.resolve(fileName), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
