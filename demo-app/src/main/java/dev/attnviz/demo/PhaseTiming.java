package dev.attnviz.demo;

import java.time.Duration;
import java.time.Instant;

/**
 * Prints the phases of a command-line run to stderr when the system property {@code attnviz.timing}
 * is true, for the big-dump measurements of docs/PERFORMANCE.md: each with the milliseconds since
 * the process was launched and the CPU time it has used so far (all threads: on a loaded machine
 * the CPU says how much work a phase is, whatever the wait for a core). Prints nothing otherwise.
 */
public final class PhaseTiming {

  private static final boolean ON = Boolean.getBoolean("attnviz.timing");

  private PhaseTiming() {}

  /**
   * Prints that {@code phase} has ended, with the wall and CPU time so far.
   *
   * @param phase what has just finished, e.g. "read"
   */
  public static void mark(String phase) {
    if (!ON) {
      return;
    }
    ProcessHandle.Info process = ProcessHandle.current().info();
    long launched =
        process.startInstant().map(s -> Duration.between(s, Instant.now()).toMillis()).orElse(-1L);
    long cpu = process.totalCpuDuration().map(Duration::toMillis).orElse(-1L);
    System.err.println(
        "attnviz timing: " + phase + " at " + launched + " ms, " + cpu + " ms of CPU");
  }
}
