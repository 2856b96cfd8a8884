package dev.attnviz.core.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What this process holds, for tests that look for leaks: resident memory (Java heap, native
 * libraries' memory and all), the heap in use after a collection, the operating system's threads
 * (native libraries' own thread pools included), and the Java threads by name.
 *
 * <p>Resident memory measures native memory only when the heap cannot move it: run such tests with
 * a fixed, pre-touched heap ({@code -Xms1g -Xmx1g -XX:+AlwaysPreTouch}).
 *
 * @param residentBytes {@code VmRSS} from {@code /proc/self/status}
 * @param heapUsedBytes heap in use after {@link System#gc()}
 * @param osThreads {@code Threads} from {@code /proc/self/status}
 * @param javaThreads live Java threads: name to how many have it
 */
public record ProcessResources(
    long residentBytes, long heapUsedBytes, int osThreads, Map<String, Integer> javaThreads) {

  /** Collects garbage, then measures. */
  public static ProcessResources measure() throws IOException {
    System.gc();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    List<String> status = Files.readAllLines(Path.of("/proc/self/status"));
    return new ProcessResources(
        field(status, "VmRSS:") * 1024,
        heap.getUsed(),
        (int) field(status, "Threads:"),
        liveJavaThreads());
  }

  private static long field(List<String> status, String name) {
    for (String line : status) {
      if (line.startsWith(name)) {
        return Long.parseLong(line.replaceAll("\\D+", ""));
      }
    }
    throw new IllegalStateException("no " + name + " line in /proc/self/status");
  }

  private static Map<String, Integer> liveJavaThreads() {
    Map<String, Integer> names = new TreeMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      names.merge(thread.getName(), 1, Integer::sum);
    }
    return names;
  }

  /**
   * Measures until the Java threads are those of {@code before} (a thread that was told to stop
   * takes a moment to end), or {@code patience} has passed; returns the last measurement.
   */
  public static ProcessResources measureWhenThreadsSettle(
      ProcessResources before, Duration patience) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    ProcessResources now = measure();
    while (!now.javaThreads().equals(before.javaThreads()) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      now = measure();
    }
    return now;
  }

  /** A line for test output: the growth from {@code before} to this. */
  public String growthSince(ProcessResources before) {
    return String.format(
        "VmRSS %+d KB (%d MB), heap %+d KB, OS threads %+d (%d), Java threads %s -> %s",
        (residentBytes - before.residentBytes) >> 10,
        residentBytes >> 20,
        (heapUsedBytes - before.heapUsedBytes) >> 10,
        osThreads - before.osThreads,
        osThreads,
        before.javaThreads.equals(javaThreads) ? "unchanged" : before.javaThreads,
        before.javaThreads.equals(javaThreads) ? "" : javaThreads.toString());
  }
}
