package dev.attnviz.core.io;

import dev.attnviz.core.AttentionData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times opening a dump of more than 2^31 floats (4 layers × 131,073 heads × 64 × 64 tokens, an 8.6
 * GB sparse {@code .npz} that takes a few kilobytes of disk) and reading its last weight. Not a
 * test: run it by hand, next to the same class on an older build's class path to compare (see
 * docs/PERFORMANCE.md, "Big dumps"):
 *
 * <pre>
 * mvn -B -q -pl core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx128m -cp core/target/classes:core/target/test-classes:$(cat core/target/cp.txt) \
 *     dev.attnviz.core.io.BigDumpOpenBench /tmp
 * </pre>
 *
 * <p>With a second argument {@code keep}, the file is written if missing and kept, so that several
 * builds can open the same file; delete it afterwards.
 */
public final class BigDumpOpenBench {

  private static final int LAYERS = 4;
  private static final int HEADS = 131_073;
  private static final int TOKENS = 64;

  private BigDumpOpenBench() {}

  /**
   * Runs the bench.
   *
   * @param args the folder for the file, and optionally {@code keep}
   * @throws Exception if the file cannot be written or read
   */
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
    boolean keep = args.length > 1 && args[1].equals("keep");
    Path file = dir.resolve("attnviz-big-dump-bench.npz");
    if (!Files.exists(file)) {
      List<String> tokens = new ArrayList<>();
      for (int t = 0; t < TOKENS; t++) {
        tokens.add("t" + t);
      }
      long last = (((long) LAYERS * HEADS) * TOKENS * TOKENS) - 1;
      SparseNpz.write(
          file,
          List.of(
              SparseNpz.float32("attention", Map.of(last, 0.625f), LAYERS, HEADS, TOKENS, TOKENS),
              SparseNpz.bytes("tokens", NpyWriter.unicode(tokens))));
    }
    try {
      long start = System.nanoTime();
      AttentionData data = AttentionFiles.read(file);
      long opened = System.nanoTime();
      float weight = data.primary().weights().get(LAYERS - 1, HEADS - 1, TOKENS - 1, TOKENS - 1);
      long read = System.nanoTime();
      System.out.printf(
          Locale.ROOT,
          "%,d floats: opened in %.3f s, last weight %s read in %.3f ms%n",
          data.primary().weights().elementCount(),
          (opened - start) / 1e9,
          weight,
          (read - opened) / 1e6);
    } finally {
      if (!keep) {
        Files.delete(file);
      }
    }
  }
}
