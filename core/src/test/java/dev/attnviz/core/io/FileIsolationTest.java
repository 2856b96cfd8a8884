package dev.attnviz.core.io;

import static dev.attnviz.core.io.FileErrors.assertMentions;
import static dev.attnviz.core.io.NumpyCompatibilityTest.floats;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.ModelInfo;
import dev.attnviz.core.testing.SyntheticAttention;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a data file reads that file and nothing else: not files that its JSON fields or its zip
 * entry names point to ({@code ../x}, absolute names, entries marked as symbolic links), and not a
 * tokens file beside it unless one is given. Each read is watched through the JDK's record of file
 * reads ({@link FilesReadRecorder}).
 *
 * <p>By reading the code, the readers open only their argument: {@code AttentionFiles} sniffs it
 * with {@code Files.newInputStream(file)}, {@code JsonAttentionReader} parses {@code file} (twice),
 * {@code NpzArchive} opens it as a {@code ZipFile} and reads entries from it by name, and {@code
 * TokensFile} reads the tokens file the caller named. No reader resolves a path from file content.
 */
class FileIsolationTest {

  private static final ByteOrder LE = ByteOrder.LITTLE_ENDIAN;
  private static final List<String> TOKENS = List.of("[CLS]", "a", "b", "[SEP]");

  @TempDir Path dir;

  private Path decoys;
  private Path data;

  /** Decoy files where path-like names would lead, each different from what the archive holds. */
  @BeforeEach
  void decoys() throws Exception {
    Path root = FilesReadRecorder.folder(dir);
    decoys = Files.createDirectories(root.resolve("decoys"));
    data = Files.createDirectories(root.resolve("data"));
    Files.write(decoys.resolve("attention.npy"), attention(1));
    Files.write(decoys.resolve("tokens.npy"), NpyWriter.unicode(List.of("x", "y", "z", "w")));
    Files.writeString(decoys.resolve("tokens.txt"), "x\ny\nz\nw\n");
  }

  private static byte[] attention(int offset) {
    return NpyWriter.float32(floats(1, 1, 4, 4, offset), LE, false, 1, 1, 4, 4);
  }

  @Test
  void jsonFieldsThatLookLikePathsAreOnlyText() throws Exception {
    List<String> tokens =
        List.of("../decoys/tokens.txt", "/etc/passwd", "file:///etc/hosts", "C:\\boot.ini");
    AttentionData written =
        AttentionData.builder()
            .setModel(new ModelInfo("/etc/passwd", "../decoys/attention.npy", false))
            .addAttention(SyntheticAttention.self(tokens, 1, 2, true))
            .build();
    Path file = data.resolve("paths.json");
    AttentionJson.write(written, file);

    FilesReadRecorder.Reads<AttentionData> reads = recordTwice(() -> AttentionFiles.read(file));

    assertNull(reads.failure());
    assertEquals(written, reads.result());
    assertEquals(Set.of(file.toString()), reads.paths());
  }

  @Test
  void zipEntriesNamedLikePathsAreReadFromTheArchiveOnly() throws Exception {
    Path file =
        Files.write(
            data.resolve("escape.npz"),
            RawZip.write(
                List.of(
                    RawZip.Entry.of("../decoys/attention.npy", attention(1), false),
                    RawZip.Entry.of(decoys.resolve("tokens.npy").toString(), attention(1), true),
                    RawZip.Entry.of("attention.npy", attention(0), true),
                    RawZip.Entry.of("tokens.npy", NpyWriter.unicode(TOKENS), false))));

    FilesReadRecorder.Reads<AttentionData> reads = recordTwice(() -> AttentionFiles.read(file));

    assertNull(reads.failure());
    assertEquals(TOKENS, reads.result().primary().queryTokens().strings());
    assertEquals(
        SyntheticAttention.weights(1, 1, 4, 4, 0), reads.result().primary().weights(), "archive's");
    assertEquals(Set.of(file.toString()), reads.paths());
  }

  @Test
  void anEntryMarkedAsASymbolicLinkIsNotFollowed() throws Exception {
    // As zip tools store a link: its target as content, and Unix mode 0120777 in the attributes.
    byte[] target = decoys.resolve("tokens.npy").toString().getBytes(StandardCharsets.UTF_8);
    Path file =
        Files.write(
            data.resolve("link.npz"),
            RawZip.write(
                List.of(
                    RawZip.Entry.of("attention.npy", attention(0), false),
                    RawZip.Entry.of("tokens.npy", target, false).asSymlink())));

    FilesReadRecorder.Reads<AttentionData> reads = recordTwice(() -> AttentionFiles.read(file));

    AttentionException e = assertInstanceOf(AttentionException.class, reads.failure());
    assertMentions(e.getMessage(), "tokens.npy is not a NumPy array");
    assertEquals(Set.of(file.toString()), reads.paths());
  }

  @Test
  void aTokensFileIsReadOnlyWhenGiven() throws Exception {
    Path file =
        Files.write(
            data.resolve("tokens.npz"), new NpzWriter().put("attention", attention(0)).stored());
    Path beside = Files.writeString(data.resolve("tokens.txt"), String.join("\n", TOKENS));

    FilesReadRecorder.Reads<AttentionData> alone = recordTwice(() -> AttentionFiles.read(file));
    FilesReadRecorder.Reads<AttentionData> given =
        recordTwice(() -> AttentionFiles.read(file, beside));

    assertMentions(
        assertInstanceOf(AttentionException.class, alone.failure()).getMessage(),
        "needs the array 'tokens'");
    assertEquals(Set.of(file.toString()), alone.paths());
    assertNull(given.failure());
    assertEquals(TOKENS, given.result().primary().queryTokens().strings());
    assertEquals(Set.of(file.toString(), beside.toString()), given.paths());
  }

  /** Runs {@code read} once to load its classes, then again while recording. */
  private <T> FilesReadRecorder.Reads<T> recordTwice(Callable<T> read) throws Exception {
    FilesReadRecorder.record(read, dir);
    return FilesReadRecorder.record(read, dir);
  }
}
