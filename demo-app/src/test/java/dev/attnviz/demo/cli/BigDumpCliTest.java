package dev.attnviz.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.io.NpyWriter;
import dev.attnviz.core.io.SparseNpz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dump large enough that its weights are checked per head when looked at (5 layers × 16 heads ×
 * 1,024 tokens, 335 MB, a sparse file of zeros) with one NaN in layer 3, head 5: whatever reads
 * that head says so in one line and writes nothing; pictures of other layers are drawn.
 */
class BigDumpCliTest {

  private static final int LAYERS = 5;
  private static final int HEADS = 16;
  private static final int TOKENS = 1024;
  private static final String PROBLEM =
      "self attention: weight at [layer 3][head 5][7][9] is NaN; weights must be finite numbers";

  @TempDir static Path dir;

  private static Path dump;

  @BeforeAll
  static void writeASparseDumpWithOneNaN() throws Exception {
    long nan = ((3L * HEADS + 5) * TOKENS + 7) * TOKENS + 9;
    List<String> tokens = new ArrayList<>();
    for (int t = 0; t < TOKENS; t++) {
      tokens.add("t" + t);
    }
    dump = dir.resolve("big.npz");
    SparseNpz.write(
        dump,
        List.of(
            SparseNpz.float32("attention", Map.of(nan, Float.NaN), LAYERS, HEADS, TOKENS, TOKENS),
            SparseNpz.bytes("tokens", NpyWriter.unicode(tokens))));
  }

  @Test
  void statsNamesTheBadWeightAndPrintsNoTable() {
    CliRun run = CliRun.of("stats", "--input", dump.toString());

    run.assertFailure(PROBLEM);
    assertEquals("", run.out());
  }

  @Test
  void aPictureOfTheBadLayerIsRefusedAndOfAnotherLayerDrawn() throws Exception {
    Path bad = dir.resolve("layer3.png");
    CliRun refused =
        CliRun.of(
            "render",
            "--view",
            "head",
            "--layer",
            "3",
            "--input",
            dump.toString(),
            "--out",
            bad.toString(),
            "--scale",
            "0.5");
    refused.assertFailure(PROBLEM + "; nothing was drawn");
    assertFalse(Files.exists(bad));

    CliRun model =
        CliRun.of("render", "--view", "model", "--input", dump.toString(), "--out", bad.toString());
    model.assertFailure(PROBLEM);
    assertFalse(Files.exists(bad));

    // The values are checked while the view is set up; a usage error still comes first.
    CliRun usage =
        CliRun.of(
            "render",
            "--view",
            "model",
            "--layer",
            "9",
            "--input",
            dump.toString(),
            "--out",
            bad.toString());
    usage.assertUsage("--layer 9 is out of range");
    assertFalse(Files.exists(bad));

    Path good = dir.resolve("layer1.png");
    CliRun drawn =
        CliRun.of(
            "render",
            "--view",
            "neuron",
            "--layer",
            "1",
            "--input",
            dump.toString(),
            "--out",
            good.toString(),
            "--scale",
            "0.25");
    assertEquals(Cli.OK, drawn.code(), drawn::toString);
    assertTrue(Files.size(good) > 0);
  }
}
