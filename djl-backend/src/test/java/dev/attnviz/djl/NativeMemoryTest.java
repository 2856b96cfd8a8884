package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Native memory does not grow with the number of computes: every compute's arrays and predictor are
 * closed. Measured as the resident set size from {@code /proc/self/status}; the build runs the
 * tests with a fixed, pre-touched heap, so the Java heap does not move the number.
 */
class NativeMemoryTest {

  private static final int WARM_UP = 30;
  private static final int COMPUTES = 300;

  /** A leak of one compute's outputs at ~120 tokens would be about 6 MB a compute, 1.8 GB here. */
  private static final long ALLOWED_GROWTH_BYTES = 64L << 20;

  /** The resident set size of this process, in bytes. */
  static long residentBytes() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS line in /proc/self/status");
  }

  @Test
  void residentMemoryStaysFlatOverHundredsOfComputes() throws Exception {
    AttentionProvider provider = DefaultModel.provider();
    AttentionRequest request =
        AttentionRequest.builder().setTextA(BenchmarkTexts.LONG).optQueriesAndKeys(true).build();
    AttentionData last = null;
    for (int i = 0; i < WARM_UP; i++) {
      last = provider.compute(request);
    }
    System.gc();
    long before = residentBytes();

    for (int i = 0; i < COMPUTES; i++) {
      last = provider.compute(request);
    }
    System.gc();
    long after = residentBytes();

    int tokens = last.primary().queryTokens().size();
    assertTrue(tokens >= 110 && tokens <= 130, "about 120 tokens: " + tokens);
    long growth = after - before;
    System.out.printf(
        "VmRSS %d MB before, %d MB after %d computes of %d tokens (growth %d KB)%n",
        before >> 20, after >> 20, COMPUTES, tokens, growth >> 10);
    assertTrue(
        growth < ALLOWED_GROWTH_BYTES,
        "resident memory grew by " + (growth >> 20) + " MB over " + COMPUTES + " computes");
  }
}
