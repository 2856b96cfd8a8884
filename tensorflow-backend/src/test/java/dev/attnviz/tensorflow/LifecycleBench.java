package dev.attnviz.tensorflow;

import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.testing.ResourceTable;

/**
 * Opens the embedded BERT-base, computes once (with queries and keys) and closes it, over and over,
 * printing resident memory, heap and threads every 10 cycles; see docs/RELIABILITY.md for the
 * command and the numbers. Run with a fixed, pre-touched heap so that resident memory shows native
 * memory.
 *
 * <p>Argument: the number of cycles (default 100).
 */
public final class LifecycleBench {

  private LifecycleBench() {}

  /** Runs the cycles and prints the table. */
  public static void main(String[] args) throws Exception {
    int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    AttentionRequest request = BenchInputs.request(20, true);
    ResourceTable.run(
        cycles,
        10,
        i -> {
          try (AttentionProvider provider =
              new TensorFlowProviderFactory().open(ModelSource.embeddedDefault())) {
            provider.compute(request);
          }
        },
        System.out);
  }
}
