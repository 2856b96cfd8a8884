package dev.attnviz.djl;

import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.testing.ResourceTable;

/**
 * Opens the embedded all-MiniLM-L6-v2, computes once (about 120 tokens, with queries and keys) and
 * closes it, over and over, printing resident memory, heap and threads every 10 cycles; see
 * docs/RELIABILITY.md for the command and the numbers. Run with a fixed, pre-touched heap (the
 * bench profile's default) so that resident memory shows native memory.
 *
 * <p>Argument: the number of cycles (default 100).
 */
public final class LifecycleBench {

  private LifecycleBench() {}

  /** Runs the cycles and prints the table. */
  public static void main(String[] args) throws Exception {
    int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    AttentionRequest request =
        AttentionRequest.builder().setTextA(BenchmarkTexts.LONG).optQueriesAndKeys(true).build();
    ResourceTable.run(
        cycles,
        10,
        i -> {
          try (AttentionProvider provider =
              new DjlProviderFactory().open(ModelSource.embeddedDefault())) {
            provider.compute(request);
          }
        },
        System.out);
  }
}
