package org.tribune.web.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The built WAR on Payara Micro in a JVM of its own, configured the way an operator does it: by
 * environment variables only. Its console goes to {@code target/it-logs/<name>-<boot>.log}.
 *
 * <p>A server keeps its database across {@link #stop()} and {@link #start()}: a fresh H2 folder
 * under {@code tribune.it.data-dir}, or the PostgreSQL database of {@code tribune.it.db.url} when
 * the suite runs on PostgreSQL. Each start takes a free port in 18080–18199.
 */
public final class TribuneServer implements AutoCloseable {
  private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(120);

  /** After Payara says it is ready, how long {@code /} may take to give the expected status. */
  private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(20);

  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration POLL = Duration.ofMillis(250);
  private static final int FIRST_PORT = 18080;
  private static final int LAST_PORT = 18199;
  private static final int LOG_TAIL_LINES = 60;
  private static final Pattern FAILED = Pattern.compile("Failed to start, exiting");
  private static final Pattern READY =
      Pattern.compile("Payara Micro .* ready in [\\d,.]+ \\(ms\\)");
  private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[;\\d]*m");

  /**
   * The client compiler and the serial collector start Payara Micro about twice as fast on two
   * cores (measured 12–20 s instead of 30–45 s); a test server needs no peak throughput.
   */
  private static final List<String> JVM_OPTIONS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx512m");

  private final String name;
  private final Path dataDir;
  private final Map<String, String> environment;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** The cluster this server joins, or {@code null} to start it alone ({@code --nocluster}). */
  private String clusterName;

  private int gridPort;

  private Process process;
  private Thread killOnExit;
  private Path logFile;
  private int port;
  private int boots;

  private TribuneServer(String name, String databaseUrl) {
    this.name = name;
    try {
      Path root = Files.createDirectories(Path.of(property("tribune.it.data-dir")));
      this.dataDir = Files.createTempDirectory(root, name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    environment = new LinkedHashMap<>();
    environment.put("TRIBUNE_DATA_DIR", dataDir.toString());
    if (databaseUrl != null && !databaseUrl.isBlank()) {
      environment.put("TRIBUNE_DB_URL", databaseUrl.strip());
    }
  }

  /**
   * A server, not started yet, on the suite's database: a fresh H2 folder, or the PostgreSQL
   * database named by {@code tribune.it.db.url} when that is set.
   */
  public static TribuneServer onTestDatabase(String name) {
    String url = System.getProperty("tribune.it.db.url");
    return new TribuneServer(name, url == null || url.isBlank() ? null : freshDatabase(url, name));
  }

  /**
   * A new, empty PostgreSQL database next to the suite's one, so that each server starts on a
   * database of its own, as with H2, whatever the in-container tests wrote in the shared one.
   */
  private static String freshDatabase(String url, String name) {
    java.util.regex.Matcher parts =
        java.util.regex.Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(.*)$")
            .matcher(url.strip());
    if (!parts.matches()) {
      throw new IllegalArgumentException("Not a PostgreSQL URL with a database: " + url);
    }
    String database =
        (parts.group(2) + "_" + name + "_" + Long.toHexString(System.nanoTime()))
            .toLowerCase(java.util.Locale.ROOT)
            .replaceAll("[^a-z0-9_]", "_");
    try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url.strip());
        java.sql.Statement statement = connection.createStatement()) {
      statement.execute("CREATE DATABASE " + database);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("Cannot create the test database " + database, e);
    }
    return parts.group(1) + database + parts.group(3);
  }

  /** A server, not started yet, whose {@code TRIBUNE_DB_URL} is the given JDBC URL. */
  public static TribuneServer onDatabaseUrl(String name, String databaseUrl) {
    return new TribuneServer(name, databaseUrl);
  }

  /**
   * Adds one setting, as an operator's environment variable ({@code TRIBUNE_COMMENTS_MODERATION},
   * {@code hold-all}), to the next {@link #start()}. Only {@code TRIBUNE_*} variables: the server
   * inherits none from the build, so this is the only way a test changes a setting.
   */
  public TribuneServer withEnvironment(String variable, String value) {
    if (!variable.startsWith("TRIBUNE_")) {
      throw new IllegalArgumentException("Not a Tribune setting: " + variable);
    }
    environment.put(variable, value);
    return this;
  }

  /**
   * Makes the next {@link #start()} join the data grid cluster {@code name}, as the README's
   * cluster does: members found over TCP on 127.0.0.1, the first one listening on {@code gridPort}
   * and the others on the next free ports, without host-aware partitioning (every node is on this
   * machine).
   */
  public TribuneServer inCluster(String name, int gridPort) {
    this.clusterName = name;
    this.gridPort = gridPort;
    return this;
  }

  /** The {@code TRIBUNE_DB_URL} of this server, or {@code null} for its own H2 database. */
  public String databaseUrl() {
    return environment.get("TRIBUNE_DB_URL");
  }

  /** Starts the server and waits until the home page answers 200. */
  public TribuneServer start() {
    launch();
    awaitBooted();
    awaitStatus("/", 200);
    return this;
  }

  /** Starts the Payara Micro process and returns at once. */
  public TribuneServer launch() {
    if (process != null) {
      throw new IllegalStateException(name + " is already running");
    }
    port = freePort();
    boots++;
    try {
      Path logDir = Files.createDirectories(Path.of(property("tribune.it.log-dir")));
      logFile = logDir.resolve(name + "-" + boots + ".log");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(JVM_OPTIONS);
      command.addAll(List.of("-jar", property("payara.microJar")));
      if (clusterName == null) {
        command.add("--nocluster");
      } else {
        command.addAll(
            List.of(
                "--clustername",
                clusterName,
                "--interfaces",
                "127.0.0.1",
                "--clustermode",
                "tcpip:127.0.0.1:" + gridPort,
                "--startport",
                Integer.toString(gridPort),
                "--nohostaware",
                "--name",
                name));
      }
      command.addAll(
          List.of(
              // No attempt to report to the vendor over the network.
              "--disablephonehome",
              "--port",
              Integer.toString(port),
              "--contextroot",
              "/",
              "--deploy",
              property("tribune.it.war")));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(dataDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(logFile.toFile());
      // Only this server's own settings: none inherited from the build's environment.
      builder.environment().keySet().removeIf(key -> key.startsWith("TRIBUNE_"));
      builder.environment().putAll(environment);
      Process started = builder.start();
      process = started;
      killOnExit = new Thread(started::destroyForcibly, "kill " + name);
      Runtime.getRuntime().addShutdownHook(killOnExit);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start Payara Micro for " + name, e);
    }
    return this;
  }

  /**
   * Waits until Payara Micro has finished starting, whether or not the application deployed: Payara
   * logs "ready in" in both cases.
   */
  public TribuneServer awaitBooted() {
    long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
    while (!READY.matcher(log()).find()) {
      failIfExited();
      if (FAILED.matcher(log()).find()) {
        // Payara gave up (a port taken…) but its JVM lives on: no need to wait for the timeout.
        throw failure("Payara Micro failed to start");
      }
      if (System.nanoTime() > deadline) {
        throw failure(
            "Payara Micro did not finish starting within " + BOOT_TIMEOUT.toSeconds() + " s");
      }
      pause();
    }
    return this;
  }

  /**
   * Waits until {@code path} answers {@code expected}; the app answers 404 then 500 while
   * deploying.
   */
  public TribuneServer awaitStatus(String path, int expected) {
    long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
    int status = status(path);
    while (status != expected) {
      failIfExited();
      if (System.nanoTime() > deadline) {
        throw failure(
            "Payara Micro is ready but "
                + path
                + " answers "
                + (status < 0 ? "nothing" : Integer.toString(status))
                + " instead of "
                + expected);
      }
      pause();
      status = status(path);
    }
    return this;
  }

  /**
   * Stops the server as an operator's SIGTERM does and waits for it; kills it if it is still
   * running 30 s later.
   *
   * @return whether it stopped by itself, without being killed
   */
  public boolean stop() {
    Process running = process;
    if (running == null) {
      return true;
    }
    process = null;
    Runtime.getRuntime().removeShutdownHook(killOnExit);
    killOnExit = null;
    running.destroy();
    try {
      if (running.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        return true;
      }
      running.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running.destroyForcibly();
      return false;
    }
  }

  /** Kills the server's JVM at once ({@code kill -9}), as a crash or a pulled plug does. */
  public void kill() {
    Process running = process;
    if (running == null) {
      return;
    }
    process = null;
    Runtime.getRuntime().removeShutdownHook(killOnExit);
    killOnExit = null;
    try {
      running.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    stop();
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** The address of {@code path} ("/", "/health") on the running server. */
  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** The status of a GET of {@code path}, or -1 when nothing answers. */
  public int status(String path) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The console output of the current (or last) start, without colour escapes. */
  public String log() {
    if (logFile == null || !Files.exists(logFile)) {
      return "";
    }
    try {
      // Not Files.readString: a line cut in the middle of a character must not fail the read.
      String text = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
      return ANSI_ESCAPE.matcher(text).replaceAll("");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path logFile() {
    return logFile;
  }

  /** The folder given as TRIBUNE_DATA_DIR; it holds the H2 database unless PostgreSQL is used. */
  public Path dataDir() {
    return dataDir;
  }

  public boolean usesH2() {
    return !environment.containsKey("TRIBUNE_DB_URL");
  }

  @Override
  public String toString() {
    return name
        + " on port "
        + port
        + " ("
        + (usesH2() ? "H2 in " + dataDir : environment.get("TRIBUNE_DB_URL"))
        + ")";
  }

  private void failIfExited() {
    Process running = process;
    if (running == null) {
      throw new IllegalStateException(name + " is not running");
    }
    if (!running.isAlive()) {
      throw failure("Payara Micro exited with code " + running.exitValue());
    }
  }

  private IllegalStateException failure(String problem) {
    List<String> lines = log().lines().toList();
    List<String> tail =
        new ArrayList<>(lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    return new IllegalStateException(
        problem + " (" + this + "). Last lines of " + logFile + ":\n" + String.join("\n", tail));
  }

  private static void pause() {
    try {
      Thread.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A port of the range that nothing listens on now. The search starts at a random place so that
   * two builds on one machine rarely pick the same port in the seconds before Payara binds it.
   */
  private static int freePort() {
    return freePortIn(FIRST_PORT, LAST_PORT);
  }

  /**
   * The ports handed out in this run: a server launched but not yet listening (two launched at
   * once, as {@code TransferServers} does) leaves its port free to a probe, and the second one then
   * failed with "Address already in use".
   */
  private static final java.util.Set<Integer> HANDED_OUT =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * A free port in {@code first}–{@code last}, searched from a random place, not handed out before
   * in this run while others are left (then any free one).
   */
  static int freePortIn(int first, int last) {
    for (boolean fresh : new boolean[] {true, false}) {
      int count = last - first + 1;
      int offset = ThreadLocalRandom.current().nextInt(count);
      for (int i = 0; i < count; i++) {
        int candidate = first + (offset + i) % count;
        if (fresh && HANDED_OUT.contains(candidate)) {
          continue;
        }
        try (ServerSocket socket = new ServerSocket(candidate)) {
          HANDED_OUT.add(candidate);
          return socket.getLocalPort();
        } catch (IOException e) {
          // taken: try the next one
        }
      }
    }
    throw new IllegalStateException("No free port in " + first + "-" + last);
  }

  private static String property(String key) {
    String value = System.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "System property " + key + " is not set: run the integration tests with mvn verify");
    }
    return value;
  }
}
