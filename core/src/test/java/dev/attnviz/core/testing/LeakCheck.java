package dev.attnviz.core.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

/**
 * Runs a step many times and asserts that it leaves nothing behind: the same Java threads, at most
 * two more operating-system threads, and resident memory and the heap in use (after a collection)
 * each grown by less than a bound. Warm-up steps run first, so that caches, lazily started pools
 * and the JIT settle before the first measurement. See {@link ProcessResources} for what resident
 * memory measures.
 */
public final class LeakCheck {

  /** One step, e.g. an open-compute-close cycle; {@code i} counts from 0. */
  @FunctionalInterface
  public interface Step {
    /** Runs step {@code i}. */
    void run(int i) throws Exception;
  }

  /** Work to wait for after the last step, e.g. a queue to drain. */
  @FunctionalInterface
  public interface Settle {
    /** Waits until the steps' work is done. */
    void await() throws Exception;
  }

  private LeakCheck() {}

  /**
   * Runs {@code warmUp} steps, measures, runs {@code times} steps, waits for {@code settle} and for
   * the Java threads to settle (up to 5 s), measures again, prints the growth and asserts it.
   *
   * @param what what the steps are, for the printed line, e.g. "open/compute/close cycles"
   * @param residentBound the growth allowed, in bytes, of resident memory and of the heap in use
   * @return the measurement after the steps
   */
  public static ProcessResources assertNoGrowth(
      String what, int warmUp, int times, long residentBound, Settle settle, Step step)
      throws Exception {
    for (int i = 0; i < warmUp; i++) {
      step.run(i);
    }
    settle.await();
    ProcessResources before = ProcessResources.measure();
    for (int i = 0; i < times; i++) {
      step.run(warmUp + i);
    }
    settle.await();
    ProcessResources after =
        ProcessResources.measureWhenThreadsSettle(before, Duration.ofSeconds(5));

    String growth = after.growthSince(before);
    System.out.println(times + " " + what + ": " + growth);
    assertEquals(before.javaThreads(), after.javaThreads(), growth);
    assertTrue(after.osThreads() - before.osThreads() <= 2, growth);
    assertTrue(after.residentBytes() - before.residentBytes() < residentBound, growth);
    assertTrue(after.heapUsedBytes() - before.heapUsedBytes() < residentBound, growth);
    return after;
  }
}
