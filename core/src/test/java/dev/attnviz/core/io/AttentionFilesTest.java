package dev.attnviz.core.io;

import static dev.attnviz.core.io.FileErrors.assertMentions;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attnviz.core.testing.SyntheticAttention;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AttentionFiles} picks the format by content and names what it cannot open. */
class AttentionFilesTest {

  @TempDir Path dir;

  @Test
  void opensJsonWhateverItsName() throws Exception {
    Path file = dir.resolve("attention.npz");
    AttentionJson.write(SyntheticAttention.pair(false), file);

    assertEquals(SyntheticAttention.pair(false), AttentionFiles.read(file));
  }

  @Test
  void opensNpzWhateverItsName() throws Exception {
    Path file = dir.resolve("attention.json");
    Files.write(
        file,
        new NpzWriter()
            .put(
                "attention",
                NpyWriter.float32(
                    new float[] {1f}, java.nio.ByteOrder.LITTLE_ENDIAN, false, 1, 1, 1, 1))
            .put("tokens", NpyWriter.unicode(java.util.List.of("hi")))
            .stored());

    assertEquals("hi", AttentionFiles.read(file).primary().queryTokens().get(0));
  }

  @Test
  void missingFile() {
    Path file = dir.resolve("nope.json");

    assertMentions(error(file), "it does not exist. Check the path");
  }

  @Test
  void folder() {
    assertMentions(error(dir), "it is a folder");
  }

  @Test
  void emptyFile() throws Exception {
    assertMentions(error(write(new byte[0])), "the file is empty");
  }

  @Test
  void neitherJsonNorNpz() throws Exception {
    assertMentions(
        error(write(new byte[] {'G', 'I', 'F', '8', '9', 'a', 0, 1, 2})),
        "it is neither attnviz JSON nor a NumPy .npz archive (it starts with bytes 47 49 46 38 39 61 00 01)",
        "numpy.savez");
  }

  @Test
  void singleNpyArray() throws Exception {
    assertMentions(
        error(write(NpyWriter.int64(3))),
        "it is a single NumPy array (.npy), which has no room for the tokens",
        "np.savez");
  }

  @Test
  void gzippedFile() throws Exception {
    assertMentions(
        error(write(new byte[] {0x1f, (byte) 0x8b, 8, 0})), "it is compressed with gzip");
  }

  @Test
  void tokensFileForJson() throws Exception {
    Path file = dir.resolve("a.json");
    AttentionJson.write(SyntheticAttention.single(false), file);
    Path tokens = dir.resolve("tokens.txt");
    Files.writeString(tokens, "a\n");

    assertMentions(
        FileErrors.messageOf(file, () -> AttentionFiles.read(file, tokens)),
        "a tokens file was given, but JSON files carry their own tokens");
  }

  private String error(Path file) {
    return FileErrors.messageOf(file, () -> AttentionFiles.read(file));
  }

  private Path write(byte[] bytes) throws Exception {
    Path file = Files.createTempFile(dir, "file", ".bin");
    Files.write(file, bytes);
    return file;
  }
}
