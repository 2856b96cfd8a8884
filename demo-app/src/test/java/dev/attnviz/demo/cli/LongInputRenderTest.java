package dev.attnviz.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.io.NpyWriter;
import dev.attnviz.core.io.SparseNpz;
import dev.attnviz.swing.export.ViewExporter;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The head view of 1,024 tokens is too tall for one PNG at the default scale: it is refused with a
 * token range and a scale that fit, and {@code --token-range} draws such a range.
 */
class LongInputRenderTest {

  private static final int TOKENS = 1024;

  @TempDir static Path dir;

  private static Path dump;

  @BeforeAll
  static void writeA1024TokenDump() throws Exception {
    List<String> tokens = new ArrayList<>();
    for (int t = 0; t < TOKENS; t++) {
      tokens.add("tok" + t);
    }
    // Each token attends to itself; a sparse file, zero elsewhere.
    Map<Long, Float> diagonal = new java.util.HashMap<>();
    for (long t = 0; t < TOKENS; t++) {
      diagonal.put(t * TOKENS + t, 1f);
    }
    dump = dir.resolve("long.npz");
    SparseNpz.write(
        dump,
        List.of(
            SparseNpz.float32("attention", diagonal, 1, 1, TOKENS, TOKENS),
            SparseNpz.bytes("tokens", NpyWriter.unicode(tokens))));
  }

  private static CliRun render(Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "render", "--view", "head", "--input", dump.toString(), "--out", out.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void tooTallIsRefusedWithARangeThatFitsAndThatRangeIsDrawn() throws Exception {
    Path all = dir.resolve("all.png");
    CliRun refused = render(all);
    refused.assertFailure("is larger than 32,000 pixels a side; draw the tokens in ranges");
    assertFalse(Files.exists(all));
    Matcher advice = Pattern.compile("--token-range 0:(\\d+)").matcher(refused.err());
    assertTrue(advice.find(), refused::toString);
    int last = Integer.parseInt(advice.group(1));
    assertTrue(last > 255 && last < TOKENS - 1, refused::toString);

    Path range = dir.resolve("range.png");
    CliRun drawn = render(range, "--token-range", "0:" + last);
    assertEquals(Cli.OK, drawn.code(), drawn::toString);
    BufferedImage image = ImageIO.read(range.toFile());
    assertTrue(image.getHeight() <= ViewExporter.MAX_PNG_SIDE);
    assertTrue(image.getHeight() > ViewExporter.MAX_PNG_SIDE * 0.9, "the advice is not wasteful");

    // One more token than advised no longer fits.
    render(dir.resolve("over.png"), "--token-range", "0:" + (last + 1))
        .assertFailure("is larger than 32,000 pixels a side");
  }

  @Test
  void aRangeIsDrawnFromItsFirstToken() throws Exception {
    Path out = dir.resolve("middle.png");
    CliRun run = render(out, "--token-range", "512:767", "--scale", "1");
    assertEquals(Cli.OK, run.code(), run::toString);
    BufferedImage middle = ImageIO.read(out.toFile());
    Path start = dir.resolve("start.png");
    assertEquals(Cli.OK, render(start, "--token-range", "0:255", "--scale", "1").code());
    // 256 rows either way: the same height, drawn from different labels.
    assertEquals(ImageIO.read(start.toFile()).getHeight(), middle.getHeight());
    assertTrue(middle.getHeight() < 256 * 40, "256 rows, not 1,024");
  }

  @Test
  void aBadRangeIsAUsageError() {
    Path out = dir.resolve("bad.png");
    render(out, "--token-range", "10").assertUsage("--token-range must be FIRST:LAST");
    render(out, "--token-range", "9:3").assertUsage("FIRST must be at least 0 and at most LAST");
    render(out, "--token-range", "1024:2000")
        .assertUsage("starts past the end: there are 1024 tokens");
  }
}
