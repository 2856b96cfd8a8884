package dev.attnviz.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every wrong input gets its exit code and one plain line on stderr, without a stack trace. */
class CommandLineErrorsTest {

  @TempDir static Path dir;

  private static Path single;

  @BeforeAll
  static void exportOneSentence() {
    single = dir.resolve("single.json");
    CliRun run =
        CliRun.of(
            "export",
            "--backend",
            "djl",
            "--text",
            "The cat sat on the mat",
            "--out",
            single.toString());
    assertEquals(Cli.OK, run.code(), run::toString);
  }

  @Test
  void helpOnEveryCommandSucceeds() {
    for (String command : new String[] {"export", "render", "stats", "rollout", "providers"}) {
      CliRun run = CliRun.of(command, "--help");
      assertEquals(Cli.OK, run.code(), run::toString);
      assertTrue(run.out().contains("Usage: attnviz " + command), run::toString);
    }
  }

  @Test
  void providersListsBothBackends() {
    CliRun run = CliRun.of("providers");
    assertEquals(Cli.OK, run.code());
    assertTrue(run.out().contains("djl"), run.out());
    assertTrue(run.out().contains("tensorflow"), run.out());
  }

  @Test
  void missingRequiredOptionIsAUsageError() {
    CliRun run = CliRun.of("export", "--backend", "djl", "--text", "hello");
    assertUsage(run, "Missing required option: '--out=FILE.json'");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertUsage(CliRun.of("stats", "--input", single.toString(), "--colour"), "Unknown option");
  }

  @Test
  void anUnknownDisplayNamesTheHeatmap() {
    CliRun run =
        CliRun.of(
            "render",
            "--view",
            "head",
            "--input",
            single.toString(),
            "--display",
            "grid",
            "--out",
            out("x.png"));
    assertUsage(run, "--display must be lines or heatmap, got grid");
  }

  @Test
  void noCommandIsAUsageError() {
    assertUsage(CliRun.of("--verbose"), "name a command");
  }

  @Test
  void unknownBackendListsTheAvailableOnes() {
    CliRun run =
        CliRun.of("export", "--backend", "pytorch", "--text", "hi", "--out", out("x.json"));
    // A usage error since issue 17: the user chose an option value that does not exist.
    assertUsage(run, "No attention provider named 'pytorch' (available: djl, tensorflow).");
  }

  @Test
  void emptyTextIsRefusedPlainly() {
    CliRun run = CliRun.of("export", "--backend", "djl", "--text", "  ", "--out", out("x.json"));
    assertFailure(run, "The text is empty. Type a sentence to see its attention.");
  }

  @Test
  void tooLongTextIsRefusedWithTheLimitAndTheWayOut() {
    String text = "word ".repeat(700);
    CliRun run = CliRun.of("export", "--backend", "djl", "--text", text, "--out", out("x.json"));
    assertFailure(run, "takes at most");
    assertTrue(run.errorLines().contains("allow truncation"), run::toString);
  }

  @Test
  void truncateKeepsWhatFitsAndSaysSo() throws Exception {
    String text = "word ".repeat(700);
    CliRun run =
        CliRun.of(
            "export", "--backend", "djl", "--text", text, "--truncate", "--out", out("t.json"));
    assertEquals(Cli.OK, run.code(), run::toString);
    assertTrue(run.err().contains("Input truncated:"), run::toString);
  }

  @Test
  void missingModelFolderSaysWhatWasLookedFor() {
    CliRun run =
        CliRun.of(
            "export",
            "--backend",
            "tensorflow",
            "--model",
            dir.resolve("nope").toString(),
            "--text",
            "hi",
            "--out",
            out("x.json"));
    assertFailure(run, "nope");
  }

  @Test
  void malformedDataFileIsRefusedPlainly() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(
        bad, "{\"format\": \"attnviz\", \"version\": 1, \"attention\": [", StandardCharsets.UTF_8);
    CliRun run = CliRun.of("stats", "--input", bad.toString());
    assertFailure(run, "Cannot open " + bad);
  }

  @Test
  void missingDataFileIsRefusedPlainly() {
    CliRun run = CliRun.of("stats", "--input", dir.resolve("missing.json").toString());
    assertFailure(run, "missing.json");
  }

  @Test
  void outOfRangeLayerIsAUsageErrorNamingTheRange() {
    CliRun run = renderHeadOfSingle("--layer", "6", "--out", out("x.png"));
    assertUsage(run, "--layer 6 is out of range: the data has 6 layers (0 to 5)");
  }

  @Test
  void pairFilterOnOneSentenceIsAUsageError() {
    CliRun run = renderHeadOfSingle("--filter", "ab", "--out", out("x.png"));
    assertUsage(run, "--filter ab needs a sentence pair");
  }

  @Test
  void unsupportedOutputFormatIsAUsageError() {
    CliRun run = renderHeadOfSingle("--out", out("x.gif"));
    assertUsage(run, "--out must end in .png or .svg");
  }

  @Test
  void inputAndTextTogetherIsAUsageError() {
    CliRun run = renderHeadOfSingle("--text", "hi", "--out", out("x.png"));
    assertUsage(run, "give either --input FILE or --text TEXT");
  }

  @Test
  void wrongKindIsAUsageError() {
    CliRun run = renderHeadOfSingle("--kind", "cross", "--out", out("x.png"));
    assertUsage(run, "no 'cross' attention");
  }

  @Test
  void statsPrintsOneCsvRowPerHead() {
    CliRun run = CliRun.of("stats", "--input", single.toString());
    assertEquals(Cli.OK, run.code(), run::toString);
    String[] lines = run.out().split("\n");
    assertEquals(
        "kind,layer,head,entropy,first,special,self,prev,next,distance,confidence", lines[0]);
    assertEquals(1 + 6 * 12, lines.length, "a header and one row per head of MiniLM");
    assertTrue(lines[1].startsWith("self,0,0,"), lines[1]);
    assertEquals(11, lines[1].split(",", -1).length);
  }

  @Test
  void rolloutWritesOneRowPerQueryToken() throws Exception {
    Path out = dir.resolve("rollout.csv");
    CliRun run = CliRun.of("rollout", "--input", single.toString(), "--out", out.toString());
    assertEquals(Cli.OK, run.code(), run::toString);
    var all = Files.readAllLines(out, StandardCharsets.UTF_8);
    assertTrue(
        all.get(0).startsWith("# rollout after layer "), "says what it holds: " + all.get(0));
    var lines = all.stream().filter(line -> !line.startsWith("#")).toList();
    assertEquals(1 + 8, lines.size(), "header plus 8 tokens");
    assertTrue(lines.get(0).endsWith(",7:[SEP]"), "labels unique by position: " + lines.get(0));
    double sum = 0;
    String[] cells = lines.get(1).split(",");
    for (int i = 1; i < cells.length; i++) {
      sum += Double.parseDouble(cells[i]);
    }
    assertEquals(1.0, sum, 1e-4, "rollout rows sum to 1");
  }

  @Test
  void verbosePrintsTheStackTraceOthersDoNot() {
    Path bad = dir.resolve("missing.json");
    CliRun quiet = CliRun.of("stats", "--input", bad.toString());
    CliRun verbose = CliRun.of("stats", "--verbose", "--input", bad.toString());
    assertFalse(quiet.err().contains("\tat "), quiet::toString);
    assertTrue(verbose.err().contains("\tat "), verbose::toString);
  }

  /** {@code render --view head --input <the one-sentence file>} with {@code options}. */
  private static CliRun renderHeadOfSingle(String... options) {
    List<String> args = new ArrayList<>(List.of("render", "--view", "head", "--input"));
    args.add(single.toString());
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static String out(String name) {
    return dir.resolve(name).toString();
  }

  private static void assertUsage(CliRun run, String message) {
    run.assertUsage(message);
  }

  private static void assertFailure(CliRun run, String message) {
    run.assertFailure(message);
  }

  private static void assertOneLine(CliRun run, String message) {
    run.assertOneLine(message);
  }
}
