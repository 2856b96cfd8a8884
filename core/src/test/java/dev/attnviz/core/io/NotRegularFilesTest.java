package dev.attnviz.core.io;

import static dev.attnviz.core.io.FileErrors.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.io.ContentReference;
import dev.attnviz.core.testing.SyntheticAttention;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Paths that are not a regular file (FIFOs, devices, an empty path) and JSON that hides bad text or
 * is too long for Jackson's counters: each refused at once with one line, never a hang.
 */
class NotRegularFilesTest {

  /** Refusing takes one stat; this only tells a refusal from a hang on a loaded machine. */
  private static final Duration AT_ONCE = Duration.ofSeconds(5);

  @TempDir Path dir;

  /** A FIFO nothing writes to: opening it would block forever, so it is never opened. */
  @Test
  void aNamedPipeIsRefusedWithoutWaitingForAWriter() throws Exception {
    Path fifo = dir.resolve("attention.npz");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertEquals(0, mkfifo.waitFor());

    String message =
        assertTimeoutPreemptively(
            AT_ONCE, () -> FileErrors.messageOf(fifo, () -> AttentionFiles.read(fifo)));

    assertMentions(message, "it is not a regular file but a pipe, FIFO or device");
  }

  /** A device that never ends, given as the tokens file. */
  @Test
  void anEndlessDeviceAsTheTokensFileIsRefusedByWhatItIs() throws Exception {
    Path npz =
        Files.write(
            dir.resolve("no-tokens.npz"),
            new NpzWriter()
                .put(
                    "attention",
                    NpyWriter.float32(
                        NumpyCompatibilityTest.floats(1, 1, 2, 2, 0),
                        java.nio.ByteOrder.LITTLE_ENDIAN,
                        false,
                        1,
                        1,
                        2,
                        2))
                .stored());
    Path zero = Path.of("/dev/zero");

    String message =
        assertTimeoutPreemptively(
            AT_ONCE, () -> FileErrors.messageOf(npz, () -> AttentionFiles.read(npz, zero)));

    assertMentions(message, "the tokens file /dev/zero is not a regular file");
  }

  @Test
  void anEmptyPathIsNotTheWorkingFolder() {
    Path empty = Path.of("");

    assertMentions(
        FileErrors.messageOf(empty, () -> AttentionFiles.read(empty)), "the path is empty");
  }

  /**
   * {@code C0 AF} is an overlong encoding of {@code /}: not UTF-8, and a way to smuggle characters
   * past filters that look for the real ones.
   */
  @Test
  void overlongUtf8InATokenIsRefused() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AttentionJson.write(SyntheticAttention.single(false), bytes);
    String json = bytes.toString(StandardCharsets.UTF_8);
    // Every occurrence, so that query and key tokens still agree and only the encoding is wrong.
    String token = "\"" + SyntheticAttention.CAT_SAT.get(1) + "\"";
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    String[] parts = json.split(java.util.regex.Pattern.quote(token), -1);
    for (int i = 0; i < parts.length; i++) {
      file.write(parts[i].getBytes(StandardCharsets.UTF_8));
      if (i < parts.length - 1) {
        file.write('"');
        file.write(new byte[] {(byte) 0xc0, (byte) 0xaf});
        file.write(token.substring(1).getBytes(StandardCharsets.UTF_8));
      }
    }
    Path path = Files.write(dir.resolve("overlong.json"), file.toByteArray());

    assertMentions(FileErrors.messageOf(path, () -> AttentionFiles.read(path)), "not valid UTF-8");
  }

  /** Jackson counts columns in an int: past 2 GB on one line they wrap below zero. */
  @Test
  void aColumnPastTwoGigabytesIsReportedAsAByteOffset() {
    JsonLocation wrapped =
        new JsonLocation(ContentReference.unknown(), 3_000_000_000L, -1, 1, -1_294_967_296);

    assertEquals(" at byte 3,000,000,000", JsonAttentionReader.where(wrapped));
    assertEquals(
        " at line 3, column 7",
        JsonAttentionReader.where(new JsonLocation(ContentReference.unknown(), 70, -1, 3, 7)));
  }
}
