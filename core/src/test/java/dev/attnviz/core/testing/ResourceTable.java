package dev.attnviz.core.testing;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Prints what a process holds while a step repeats, for benchmarks of memory and threads over many
 * computes or opens: a row before the first step and after every {@code every} steps, with resident
 * memory, heap in use after a collection, operating-system and Java thread counts, and the mean
 * time per step since the previous row.
 */
public final class ResourceTable {

  private ResourceTable() {}

  /** Runs {@code step} {@code steps} times, printing a row every {@code every} steps. */
  public static void run(int steps, int every, LeakCheck.Step step, PrintStream out)
      throws Exception {
    out.println("steps\tvmrss_mb\theap_used_mb\tos_threads\tjava_threads\tms_per_step");
    long since = System.nanoTime();
    row(0, 0, out);
    for (int i = 1; i <= steps; i++) {
      step.run(i - 1);
      if (i % every == 0 || i == steps) {
        long now = System.nanoTime();
        int done = i % every == 0 ? every : i % every;
        row(i, (now - since) / 1e6 / done, out);
        since = System.nanoTime();
      }
    }
  }

  private static void row(int steps, double millisPerStep, PrintStream out) throws Exception {
    ProcessResources now = ProcessResources.measure();
    int javaThreads = now.javaThreads().values().stream().mapToInt(Integer::intValue).sum();
    out.println(
        String.format(
            Locale.ROOT,
            "%d\t%d\t%d\t%d\t%d\t%.1f",
            steps,
            now.residentBytes() >> 20,
            now.heapUsedBytes() >> 20,
            now.osThreads(),
            javaThreads,
            millisPerStep));
  }
}
