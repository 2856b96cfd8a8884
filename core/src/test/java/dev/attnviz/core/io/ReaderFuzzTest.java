package dev.attnviz.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutation fuzzing of both readers: thousands of mutants of valid files (see {@link JsonMutations}
 * and {@link NpzMutations}) must each end in loaded data or an {@link
 * dev.attnviz.core.AttentionException} whose message names the file and the problem, within {@link
 * #TIME_LIMIT} per file, and without running out of memory in a small heap.
 *
 * <p>The build runs this class alone in its own JVM with {@code -Xmx128m} (the surefire execution
 * {@code fuzz} in {@code core/pom.xml}), so that a file that makes the reader allocate what it does
 * not have fails here as an {@link OutOfMemoryError}; {@link #theHeapIsSmall()} checks that. A
 * longer campaign, e.g. 200,000 mutants from a new seed:
 *
 * <pre>
 * mvn -B -pl core verify -Dattnviz.fuzz.mutants=200000 -Dattnviz.fuzz.seed=7
 * </pre>
 *
 * A failure names the mutant and saves it under {@code core/target/fuzz-failures/}; {@code
 * -Dattnviz.fuzz.only=<index>} replays just that one.
 */
class ReaderFuzzTest {

  /** Mutants per format in a normal build. */
  private static final int DEFAULT_MUTANTS = 2500;

  private static final long SEED = Long.getLong("attnviz.fuzz.seed", 20_250_917L);
  private static final int MUTANTS = Integer.getInteger("attnviz.fuzz.mutants", DEFAULT_MUTANTS);
  private static final Integer ONLY = Integer.getInteger("attnviz.fuzz.only");

  /**
   * Per file. The files are a few kilobytes and parse in about a millisecond; the limit only has to
   * tell a hang from a slow, shared CI machine.
   */
  private static final Duration TIME_LIMIT = Duration.ofSeconds(10);

  /**
   * The fuzz execution's heap; well below what a reader that trusts a declared shape would take.
   */
  private static final long MAX_HEAP_BYTES = 160L << 20;

  private static final Path FAILURES = Path.of("target", "fuzz-failures");

  @TempDir Path work;

  @BeforeAll
  static void theHeapIsSmall() {
    long max = Runtime.getRuntime().maxMemory();
    assertTrue(
        max <= MAX_HEAP_BYTES,
        "the fuzz tests must run in a small heap to catch allocations a file only declares; this"
            + " JVM has "
            + (max >> 20)
            + " MB. Run them through Maven (execution 'fuzz' of core/pom.xml sets -Xmx128m)");
  }

  @Test
  void jsonMutantsLoadOrAreRefusedWithAMessage() throws Exception {
    fuzz("json", FuzzSeeds.json(), JsonMutations::mutate);
  }

  @Test
  void npzMutantsLoadOrAreRefusedWithAMessage() throws Exception {
    fuzz("npz", FuzzSeeds.npz(), NpzMutations::mutate);
  }

  @Test
  void everySeedLoads() throws Exception {
    for (byte[] seed : FuzzSeeds.json()) {
      assertEquals(seed.length, Files.write(work.resolve("seed.json"), seed).toFile().length());
      AttentionFiles.read(work.resolve("seed.json"));
    }
    for (byte[] seed : FuzzSeeds.npz()) {
      Files.write(work.resolve("seed.npz"), seed);
      AttentionFiles.read(work.resolve("seed.npz"));
    }
  }

  @Test
  void theSameSeedMakesTheSameMutants() {
    FuzzCampaign campaign = campaign("npz", FuzzSeeds.npz(), NpzMutations::mutate);
    FuzzCampaign again = campaign("npz", FuzzSeeds.npz(), NpzMutations::mutate);

    for (int i : new int[] {0, 1, 777}) {
      assertEquals(
          new String(campaign.mutant(SEED, i), StandardCharsets.ISO_8859_1),
          new String(again.mutant(SEED, i), StandardCharsets.ISO_8859_1),
          "mutant " + i);
    }
  }

  private void fuzz(String format, List<byte[]> seeds, BiFunction<byte[], Random, byte[]> mutator)
      throws IOException, InterruptedException {
    FuzzCampaign campaign = campaign(format, seeds, mutator);
    int from = ONLY == null ? 0 : ONLY;
    int to = ONLY == null ? MUTANTS : ONLY + 1;
    FuzzCampaign.Result result = campaign.run(SEED, from, to);

    String summary = result.summary(format, SEED);
    System.out.println(summary);
    Files.createDirectories(Path.of("target"));
    // Messages quote the damaged text; lone surrogates in it are written as '?'.
    Files.write(
        Path.of("target", "fuzz-" + format + ".txt"), summary.getBytes(StandardCharsets.UTF_8));
    assertEquals(List.of(), result.failures(), () -> String.join("\n\n", result.failures()));
    assertEquals(to - from, result.loaded() + result.refused());
    if (ONLY == null) {
      // A mutator that only ever breaks files, or never does, would test little.
      assertTrue(result.loaded() > 0 && result.refused() > result.mutants() / 2, summary);
    }
  }

  private FuzzCampaign campaign(
      String format, List<byte[]> seeds, BiFunction<byte[], Random, byte[]> mutator) {
    return new FuzzCampaign(format, seeds, mutator, work, FAILURES, TIME_LIMIT);
  }
}
