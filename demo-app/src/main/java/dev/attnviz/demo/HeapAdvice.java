package dev.attnviz.demo;

/**
 * The command line to suggest when Java ran out of memory: twice the heap this JVM may use now (at
 * least 4 GB), so that the advice never names a heap no larger than the one that just failed (a
 * fixed "-Xmx4g" told a user already running with 6 GB to use less).
 */
public final class HeapAdvice {

  private HeapAdvice() {}

  /**
   * E.g. {@code java -Xmx8g -jar attnviz.jar} for a JVM whose heap may grow to 4 GB.
   *
   * @return the command, without a full stop
   */
  public static String command() {
    return "java -Xmx"
        + largerHeapGigabytes(Runtime.getRuntime().maxMemory())
        + "g -jar attnviz.jar";
  }

  /** Twice {@code maxHeapBytes} in whole gigabytes, rounded up, and at least 4. */
  static long largerHeapGigabytes(long maxHeapBytes) {
    return Math.max(4, 2 * ((maxHeapBytes + (1L << 30) - 1) >> 30));
  }
}
