package org.tribune.bench.media;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.tribune.articles.internal.media.Derivative;
import org.tribune.articles.internal.media.ImageProcessor;
import org.tribune.articles.internal.media.ProcessedImage;

/**
 * Processes a photograph with the media library's {@link ImageProcessor}: {@code WARMUP} times,
 * then {@code ROUNDS} times one after the other (seconds per image), then {@code PARALLEL} uploads
 * at once (wall time; heap in use sampled every 2 ms, both as it is, garbage included, and as the
 * last collection left it, which is the live data; any failure, OutOfMemoryError included). Run it
 * with the web application's heap: {@code java -Xmx256m -XX:+UseSerialGC}.
 *
 * <pre>java -Xmx256m -XX:+UseSerialGC -cp … org.tribune.bench.media.ProcessUploads photo.jpg</pre>
 */
public final class ProcessUploads {

  private static final List<Integer> WIDTHS = List.of(320, 640, 960, 1280, 1920);
  private static final long MAX_PIXELS = 50_000_000;

  private ProcessUploads() {}

  public static void main(String[] args) throws Exception {
    Path photo = Path.of(args[0]);
    int warmup = Integer.getInteger("WARMUP", 3);
    int rounds = Integer.getInteger("ROUNDS", 10);
    int parallel = Integer.getInteger("PARALLEL", 20);
    Path work = Files.createTempDirectory("tribune-media-bench");
    ImageProcessor processor = new ImageProcessor(MAX_PIXELS, WIDTHS, work);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    System.out.printf(
        Locale.ROOT,
        "input %s: %.1f MB; heap max %d MB; %d processors%n",
        photo,
        Files.size(photo) / 1e6,
        Runtime.getRuntime().maxMemory() >> 20,
        Runtime.getRuntime().availableProcessors());

    ProcessedImage sample = processor.process(photo);
    System.out.printf(
        Locale.ROOT,
        "output: original %d × %d, %.1f MB; derivatives %s%n",
        sample.width(),
        sample.height(),
        sample.bytes() / 1e6,
        sample.derivatives().stream()
            .map(d -> d.width() + "×" + d.height() + " " + d.bytes() / 1024 + " KB")
            .toList());
    clean(sample);
    for (int i = 1; i < warmup; i++) {
      clean(processor.process(photo));
    }

    long[] gcSequential = gc();
    double[] seconds = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long start = System.nanoTime();
      clean(processor.process(photo));
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    System.out.printf(
        Locale.ROOT,
        "one at a time, %d uploads: median %.2f s, min %.2f s, max %.2f s per image%n",
        rounds,
        seconds[rounds / 2],
        seconds[0],
        seconds[rounds - 1]);
    long[] gcSequentialAfter = gc();
    System.out.printf(
        Locale.ROOT,
        "  garbage collections: %d, %.2f s%n",
        gcSequentialAfter[0] - gcSequential[0],
        (gcSequentialAfter[1] - gcSequential[1]) / 1e3);

    System.gc();
    AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
    AtomicLong peakAfterGc = new AtomicLong();
    AtomicLong fullCollections = new AtomicLong();
    Set<String> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) collector)
          .addNotificationListener(
              (notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                    notification.getType())) {
                  GarbageCollectionNotificationInfo gc =
                      GarbageCollectionNotificationInfo.from(
                          (CompositeData) notification.getUserData());
                  if (!gc.getGcAction().contains("major")) {
                    return; // a young collection leaves the old generation's garbage
                  }
                  fullCollections.incrementAndGet();
                  GcInfo info = gc.getGcInfo();
                  long after =
                      info.getMemoryUsageAfterGc().entrySet().stream()
                          .filter(pool -> heapPools.contains(pool.getKey()))
                          .mapToLong(pool -> pool.getValue().getUsed())
                          .sum();
                  peakAfterGc.accumulateAndGet(after, Math::max);
                }
              },
              null,
              null);
    }
    Thread sampler =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                  Thread.sleep(2);
                } catch (InterruptedException e) {
                  return;
                }
              }
            });
    sampler.setDaemon(true);
    long before = memory.getHeapMemoryUsage().getUsed();
    long[] gcBefore = gc();
    sampler.start();
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    List<Future<ProcessedImage>> uploads = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < parallel; i++) {
      uploads.add(pool.submit(() -> processor.process(photo)));
    }
    int done = 0;
    List<Throwable> failures = new ArrayList<>();
    for (Future<ProcessedImage> upload : uploads) {
      try {
        clean(upload.get());
        done++;
      } catch (java.util.concurrent.ExecutionException e) {
        failures.add(e.getCause());
      }
    }
    double wall = (System.nanoTime() - start) / 1e9;
    long[] gcAfter = gc();
    sampler.interrupt();
    pool.shutdown();
    System.out.printf(
        Locale.ROOT,
        "%d at once: %d processed in %.2f s (%.2f s per image), heap in use before %d MB,"
            + " peak (garbage included) %d MB of %d MB, failures %d%n",
        parallel,
        done,
        wall,
        wall / parallel,
        before >> 20,
        peak.get() >> 20,
        Runtime.getRuntime().maxMemory() >> 20,
        failures.size());
    System.out.printf(
        Locale.ROOT,
        "  garbage collections: %d, %.2f s; live heap (in use right after the %d full collections):"
            + " at most %d MB%n",
        gcAfter[0] - gcBefore[0],
        (gcAfter[1] - gcBefore[1]) / 1e3,
        fullCollections.get(),
        peakAfterGc.get() >> 20);
    System.out.printf(Locale.ROOT, "  process peak resident memory: %s%n", peakResident());
    failures.forEach(Throwable::printStackTrace);
    try (Stream<Path> left = Files.walk(work)) {
      left.sorted(Comparator.reverseOrder()).forEach(ProcessUploads::delete);
    }
    if (!failures.isEmpty()) {
      System.exit(1);
    }
  }

  /** VmHWM: the JVM's peak resident memory, native decoders' buffers included (Linux only). */
  private static String peakResident() throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return "unknown";
    }
    try (Stream<String> lines = Files.lines(status)) {
      return lines
          .filter(line -> line.startsWith("VmHWM:"))
          .map(line -> line.substring(6).strip())
          .findFirst()
          .orElse("unknown");
    }
  }

  /** Collections and milliseconds spent in them since the start. */
  private static long[] gc() {
    long count = 0;
    long millis = 0;
    for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
      count += collector.getCollectionCount();
      millis += collector.getCollectionTime();
    }
    return new long[] {count, millis};
  }

  private static void clean(ProcessedImage image) throws IOException {
    Files.delete(image.original());
    for (Derivative derivative : image.derivatives()) {
      Files.delete(derivative.file());
    }
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
