package dev.attnviz.tensorflow;

import dev.attnviz.core.spi.AttentionProvider;
import dev.attnviz.core.spi.AttentionRequest;
import dev.attnviz.core.spi.ModelSource;
import dev.attnviz.core.testing.ResourceTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resident memory, heap in use and threads over 1,000 computes of the embedded model (~20 tokens,
 * with queries and keys), every 100 computes ({@link ResourceTable}). Writes the table as TSV to
 * the path in {@code args[0]} and prints it; see docs/RELIABILITY.md. Run with a fixed, pre-touched
 * heap so that resident memory shows native memory.
 */
public final class MemoryBench {

  private static final int COMPUTES = 1000;
  private static final int EVERY = 100;

  private MemoryBench() {}

  /** Runs the computes and writes the table. */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Files.createDirectories(out.toAbsolutePath().getParent());
    AttentionRequest request = BenchInputs.request(20, true);
    ByteArrayOutputStream table = new ByteArrayOutputStream();
    try (AttentionProvider provider =
            new TensorFlowProviderFactory().open(ModelSource.embeddedDefault());
        PrintStream rows = new PrintStream(table, true, StandardCharsets.UTF_8)) {
      ResourceTable.run(COMPUTES, EVERY, i -> provider.compute(request), rows);
    }
    Files.write(out, table.toByteArray());
    System.out.print(table.toString(StandardCharsets.UTF_8));
  }
}
