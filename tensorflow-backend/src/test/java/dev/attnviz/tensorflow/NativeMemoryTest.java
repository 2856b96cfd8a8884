package dev.attnviz.tensorflow;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Native memory does not grow with computes: every tensor and result is closed. A leaked result of
 * this request (attention, queries and keys of 12 layers at the padded length 128) would hold about
 * 19 MB, so {@value #COMPUTES} computes that leaked would add gigabytes; the bound leaves room only
 * for allocator and heap noise.
 */
@ExtendWith(DefaultModelExtension.class)
class NativeMemoryTest {

  private static final int WARM_UP = 30;
  private static final int COMPUTES = 300;
  private static final long BOUND_KB = 150 * 1024;

  private static final AttentionRequest REQUEST =
      AttentionRequest.builder()
          .setTextA("The quick brown fox jumps over the lazy dog near the river bank.")
          .optQueriesAndKeys(true)
          .build();

  static long residentKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D+", ""));
      }
    }
    throw new IllegalStateException("no VmRSS line in /proc/self/status");
  }

  @Test
  void residentMemoryStaysFlatOverManyComputes(AttentionProvider provider)
      throws AttentionException, IOException {
    for (int i = 0; i < WARM_UP; i++) {
      provider.compute(REQUEST);
    }
    System.gc();
    long before = residentKb();
    for (int i = 0; i < COMPUTES; i++) {
      provider.compute(REQUEST);
    }
    System.gc();
    long after = residentKb();

    System.out.printf(
        "VmRSS after %d warm-up computes: %d kB; after %d more: %d kB (%+d kB)%n",
        WARM_UP, before, COMPUTES, after, after - before);
    assertTrue(
        after - before < BOUND_KB,
        "resident memory grew by " + (after - before) + " kB over " + COMPUTES + " computes");
  }
}
