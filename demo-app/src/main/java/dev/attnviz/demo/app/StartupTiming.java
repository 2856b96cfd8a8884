package dev.attnviz.demo.app;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prints the moments of a start to stderr when the system property {@value #PROPERTY} is true, for
 * docs/PERFORMANCE.md: each counted from {@link #begin} and from the process launch (the JVM's own
 * start included, to about 10 ms on Linux), with the CPU time the process has used so far (all
 * threads: on a loaded machine it says how much work a start is, whatever the wait for a core).
 * Marks before {@link #begin} or with the property unset print nothing.
 */
final class StartupTiming {

  /** System property that turns the timings on. */
  static final String PROPERTY = DemoApp.TIMING_PROPERTY;

  private static final System.Logger LOG = System.getLogger(StartupTiming.class.getName());

  private static volatile long begun;

  /** The moments printed so far: each is printed once, the first time it happens. */
  private static final Set<String> MARKED = ConcurrentHashMap.newKeySet();

  private StartupTiming() {}

  /** Marks the start of {@code DemoApp.start}; later marks count from here. */
  static void begin() {
    begun = System.nanoTime();
    mark("start");
  }

  /**
   * Prints {@code what} with the time since {@link #begin}, since the launch, and the CPU used; the
   * first time only.
   */
  static void mark(String what) {
    long from = begun;
    if (from == 0 || !Boolean.getBoolean(PROPERTY) || !MARKED.add(what)) {
      return;
    }
    long millis = (System.nanoTime() - from) / 1_000_000;
    ProcessHandle.Info process = ProcessHandle.current().info();
    String more =
        process
                .startInstant()
                .map(start -> ", " + Duration.between(start, Instant.now()).toMillis())
                .orElse("")
            + " ms from launch"
            + process
                .totalCpuDuration()
                .map(cpu -> ", " + cpu.toMillis() + " ms of CPU")
                .orElse("");
    LOG.log(System.Logger.Level.INFO, "{0} after {1} ms{2}", what, millis, more);
    System.err.println("attnviz timing: " + what + " after " + millis + " ms" + more);
  }
}
