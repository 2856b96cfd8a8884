package dev.attnviz.core.io;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.FootprintTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes and reads a BERT-base sized result (12 x 12 x 512 tokens, vectors of size 64) as JSON and
 * prints file size, times and heap. Not a test: run it by hand with a small heap to see that a file
 * loads with one copy of its numbers (see docs/FORMAT.md, "Memory footprint"):
 *
 * <pre>
 * mvn -B -q -pl core test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx320m -cp core/target/classes:core/target/test-classes:$(cat core/target/cp.txt) \
 *     dev.attnviz.core.io.FileBench
 * </pre>
 */
public final class FileBench {

  private FileBench() {}

  /** Runs the bench; the optional argument is the folder for the temporary file. */
  public static void main(String[] args) throws Exception {
    Path dir = args.length > 0 ? Path.of(args[0]) : Path.of(System.getProperty("java.io.tmpdir"));
    Path file = Files.createTempFile(dir, "attnviz-bench", ".json");
    try {
      long start = System.nanoTime();
      AttentionData data = FootprintTest.build();
      long floats = data.byteSize();
      AttentionJson.write(data, file);
      double writeSeconds = (System.nanoTime() - start) / 1e9;
      data = null;
      System.gc();
      start = System.nanoTime();
      AttentionData read = AttentionFiles.read(file);
      double readSeconds = (System.nanoTime() - start) / 1e9;
      Runtime runtime = Runtime.getRuntime();
      System.out.printf(
          Locale.ROOT,
          "floats %,d bytes; JSON %,d bytes; build+write %.1f s; read %.1f s; max heap %,d MB;"
              + " result %s%n",
          floats,
          Files.size(file),
          writeSeconds,
          readSeconds,
          runtime.maxMemory() >> 20,
          read);
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
