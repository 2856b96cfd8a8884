package dev.attnviz.tensorflow;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Resident memory over 1,000 computes of the embedded model (~20 tokens, with queries and keys),
 * read from {@code /proc/self/status} every 100 computes. Writes a TSV to the path in {@code
 * args[0]} and prints it.
 */
public final class MemoryBench {

  private static final int COMPUTES = 1000;
  private static final int EVERY = 100;

  private MemoryBench() {}

  public static void main(String[] args) throws AttentionException, IOException {
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    AttentionRequest request = BenchInputs.request(20, true);
    try (AttentionProvider provider =
            new TensorFlowProviderFactory().open(ModelSource.embeddedDefault());
        PrintWriter tsv = new PrintWriter(Files.newBufferedWriter(out))) {
      tsv.println("computes\tvmrss_kb\theap_used_kb\tseconds");
      long start = System.nanoTime();
      for (int i = 0; i <= COMPUTES; i++) {
        if (i % EVERY == 0) {
          System.gc();
          Runtime runtime = Runtime.getRuntime();
          String line =
              i
                  + "\t"
                  + NativeMemoryTest.residentKb()
                  + "\t"
                  + (runtime.totalMemory() - runtime.freeMemory()) / 1024
                  + "\t"
                  + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9);
          tsv.println(line);
          System.out.println(line);
        }
        if (i < COMPUTES) {
          provider.compute(request);
        }
      }
    }
  }
}
