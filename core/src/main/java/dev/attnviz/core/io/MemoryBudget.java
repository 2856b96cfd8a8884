package dev.attnviz.core.io;

import dev.attnviz.core.Tensor4D;
import java.util.Locale;

/**
 * Decides, before anything is allocated, whether the numbers a file declares fit in memory, so that
 * a bad or oversized file ends in a clear message instead of an {@link OutOfMemoryError}.
 */
@FunctionalInterface
interface MemoryBudget {

  /** The free heap of this JVM: what it may still grow to, less what is in use. */
  MemoryBudget RUNTIME =
      () -> {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
      };

  /** Bytes that may still be allocated. */
  long availableBytes();

  /**
   * Fails unless {@code bytes} fit.
   *
   * @param what what needs the memory, e.g. "the attention in this file"
   */
  default void require(long bytes, String what) throws InvalidFileException {
    long available = availableBytes();
    if (bytes > available) {
      throw new InvalidFileException(
          what
              + " needs "
              + size(bytes)
              + " of memory but only "
              + size(Math.max(0, available))
              + " of the Java heap is free",
          moreMemory(bytes - Math.max(0, available)) + " or save fewer layers or tokens");
    }
  }

  /** The most heap this JVM may grow to ({@code -Xmx}). */
  default long maxHeapBytes() {
    return Runtime.getRuntime().maxMemory();
  }

  /**
   * Advice to raise {@code -Xmx} by at least {@code missing} bytes above the heap in use, in whole
   * gigabytes and at least one more than now: advice below the current heap would not help.
   */
  default String moreMemory(long missing) {
    long max = maxHeapBytes();
    long gigabyte = 1L << 30;
    long needed = max + Math.max(missing, 0) + max / 4;
    long suggested = Math.max(max / gigabyte + 1, (needed + gigabyte - 1) / gigabyte);
    return "Give Java more memory than its "
        + size(max)
        + " now (e.g. java -Xmx"
        + suggested
        + "g -jar attnviz.jar)";
  }

  /**
   * Allocates a zero-filled tensor after checking that one Java array can hold it; turns an {@link
   * OutOfMemoryError} of this one large allocation into a message (the heap stays usable, since
   * nothing was allocated).
   */
  default Tensor4D.Builder allocate(long[] shape, String what) throws InvalidFileException {
    return allocate(shape, what, "Save fewer layers or tokens");
  }

  /**
   * As {@link #allocate(long[], String)}, with what to do when the shape is larger than one array.
   */
  default Tensor4D.Builder allocate(long[] shape, String what, String tooLargeAdvice)
      throws InvalidFileException {
    try {
      Tensor4D.checkedSize(shape[0], shape[1], shape[2], shape[3]);
    } catch (IllegalArgumentException e) {
      throw InvalidFileException.wrap(what, e, tooLargeAdvice);
    }
    for (long dim : shape) {
      // An empty tensor passes the size check even with one absurd dimension.
      if (dim > Integer.MAX_VALUE) {
        throw new InvalidFileException(
            what + " has a dimension of " + dim + ", more than a Java array can hold",
            "Save fewer layers or tokens");
      }
    }
    try {
      return Tensor4D.builder((int) shape[0], (int) shape[1], (int) shape[2], (int) shape[3]);
    } catch (OutOfMemoryError e) {
      throw new InvalidFileException(
          what + " does not fit in the free memory",
          moreMemory(4 * shape[0] * shape[1] * shape[2] * shape[3])
              + " or save fewer layers or tokens",
          e);
    }
  }

  /** A size for messages: "256 bytes" below a megabyte, else e.g. "189 MB" (rounded up). */
  static String size(long bytes) {
    return bytes < 1_000_000
        ? bytes + " bytes"
        : String.format(Locale.ROOT, "%,d MB", bytes / 1_000_000 + (bytes % 1_000_000 > 0 ? 1 : 0));
  }
}
