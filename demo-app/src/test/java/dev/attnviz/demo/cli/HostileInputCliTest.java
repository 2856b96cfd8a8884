package dev.attnviz.demo.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.io.AttentionJson;
import dev.attnviz.core.testing.SyntheticAttention;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against the hostile cases of issue 17 that need no model: outputs in the way or
 * failing, inputs that are not files, usage errors. Each ends in its exit code and one line.
 */
class HostileInputCliTest {

  @TempDir static Path dir;

  private static Path data;

  @BeforeAll
  static void saveSyntheticAttention() throws IOException {
    data = dir.resolve("pair.json");
    AttentionJson.write(SyntheticAttention.pair(false), data);
  }

  /** The case: the folder was deleted and replaced by the picture. */
  @Test
  void aFolderNamedLikeTheOutputIsRefusedAndKept() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("x.png"));
    Files.writeString(folder.resolve("keep.txt"), "mine");
    Path empty = Files.createDirectories(dir.resolve("empty.png"));

    for (Path out : List.of(folder, empty)) {
      CliRun run = render(out);

      run.assertFailure(out + ": is a folder; choose a file name (the folder was not touched)");
      assertTrue(Files.isDirectory(out), out + " still a folder");
    }
    assertEquals("mine", Files.readString(folder.resolve("keep.txt")));
  }

  /** Was a 23-line trace ending in "Can't create an ImageOutputStream!". */
  @Test
  void aMissingFolderIsOneLine() {
    Path out = dir.resolve("no-such-folder").resolve("view.png");

    render(out)
        .assertFailure(dir.resolve("no-such-folder") + ": the folder to write into does not exist");
  }

  @Test
  void aDeviceAsOutputIsRefusedNotReplaced() {
    CliRun run = CliRun.of("rollout", "--input", data.toString(), "--out", "/dev/full");

    run.assertFailure("/dev/full: is not a regular file but a pipe or device");
    assertTrue(Files.exists(Path.of("/dev/full")));
  }

  @Test
  void aSuccessfulWriteLeavesNoTemporaryFile() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("clean"));
    Path out = folder.resolve("rollout.csv");

    assertEquals(
        Cli.OK, CliRun.of("rollout", "--input", data.toString(), "--out", out.toString()).code());
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(List.of(out), files.toList());
    }
  }

  /** {@code stats > /dev/full} exited 0: PrintWriter kept the write error to itself. */
  @Test
  void aFailingStandardOutputIsAnError() {
    OutputStream full =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("No space left on device");
          }
        };
    StringWriter err = new StringWriter();
    int code =
        Cli.run(
            new String[] {"stats", "--input", data.toString()},
            new PrintWriter(new OutputStreamWriter(full, StandardCharsets.UTF_8), true),
            new PrintWriter(err, true));

    assertEquals(Cli.FAILURE, code, err::toString);
    assertTrue(err.toString().contains("could not write to standard output"), err::toString);
  }

  @Test
  void anUnknownKindIsAUsageErrorInEveryCommand() {
    CliRun.of("stats", "--input", data.toString(), "--kind", "bogus")
        .assertUsage("--kind: unknown attention kind 'bogus'");
    CliRun.of("rollout", "--input", data.toString(), "--kind", "bogus", "--out", out("k.csv"))
        .assertUsage("--kind: unknown attention kind 'bogus'");
  }

  @Test
  void anEmptyInputIsNotAFolder() {
    CliRun.of("stats", "--input", "").assertUsage("--input is empty; name a file");
  }

  @Test
  void anEndlessDeviceAsTokensIsNamedForWhatItIs() throws Exception {
    Path npz = dir.resolve("no-tokens.npz");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(npz))) {
      zip.putNextEntry(new ZipEntry("attention.npy"));
      String header = "{'descr': '<f4', 'fortran_order': False, 'shape': (1, 1, 2, 2), }";
      header += " ".repeat(128 - 10 - header.length() - 1) + "\n";
      ByteBuffer npy = ByteBuffer.allocate(128 + 16).order(ByteOrder.LITTLE_ENDIAN);
      npy.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1);
      npy.put((byte) 0).putShort((short) header.length());
      npy.put(header.getBytes(StandardCharsets.US_ASCII));
      npy.putFloat(0.5f).putFloat(0.5f).putFloat(0.5f).putFloat(0.5f);
      zip.write(npy.array());
    }

    CliRun run = CliRun.of("stats", "--input", npz.toString(), "--tokens", "/dev/zero");

    assertEquals(Cli.FAILURE, run.code(), run::toString);
    run.assertOneLine("/dev/zero is not a regular file");
  }

  /** A FIFO nothing writes to hung the command forever. */
  @Test
  void aNamedPipeIsRefusedAtOnce() throws Exception {
    Path fifo = dir.resolve("fifo.json");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());

    CliRun run =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> CliRun.of("stats", "--input", fifo.toString()));

    run.assertFailure("it is not a regular file but a pipe, FIFO or device");
  }

  @Test
  void controlCharactersInAPathOrFileAreEscaped() throws Exception {
    Path hostile = dir.resolve("title\u001b]0;owned\u0007.json");
    Files.writeString(hostile, "{\"\u001b[2J\": 1}");

    CliRun run = CliRun.of("stats", "--input", hostile.toString());

    assertEquals(Cli.FAILURE, run.code(), run::toString);
    assertTrue(run.err().contains("title\\x1b]0;owned\\x07.json"), run::toString);
    assertFalse(run.err().chars().anyMatch(c -> c == 0x1b || c == 0x07), run::toString);
  }

  private static CliRun render(Path out) {
    return CliRun.of(
        "render",
        "--view",
        "head",
        "--input",
        data.toString(),
        "--scale",
        "1",
        "--out",
        out.toString());
  }

  private static String out(String name) {
    return dir.resolve(name).toString();
  }
}
