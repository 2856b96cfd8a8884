package dev.attnviz.djl;

import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.testing.ResourceTable;

/**
 * Records the resident set size, the heap in use and the thread counts over many computes on the
 * embedded default model (about 120 tokens, with query and key vectors), every 100 computes. Run
 * with a fixed, pre-touched heap so that the numbers show native memory; see
 * docs/performance/djl.md.
 *
 * <p>Argument: the number of computes (default 1,000).
 */
public final class NativeMemoryBench {

  private NativeMemoryBench() {}

  /** Runs the measurement and prints a table. */
  public static void main(String[] args) throws Exception {
    int computes = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    AttentionRequest request =
        AttentionRequest.builder().setTextA(BenchmarkTexts.LONG).optQueriesAndKeys(true).build();
    System.out.printf("VmRSS before opening: %d MB%n", NativeMemoryTest.residentBytes() >> 20);
    try (AttentionProvider provider =
        new DjlProviderFactory().open(ModelSource.embeddedDefault())) {
      System.out.printf("VmRSS after opening:  %d MB%n", NativeMemoryTest.residentBytes() >> 20);
      ResourceTable.run(computes, 100, i -> provider.compute(request), System.out);
    }
    System.out.printf("VmRSS after closing:  %d MB%n", NativeMemoryTest.residentBytes() >> 20);
  }
}
