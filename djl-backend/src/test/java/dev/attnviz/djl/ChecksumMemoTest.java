package dev.attnviz.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checksums of model files, remembered while the files are unchanged. */
class ChecksumMemoTest {

  @TempDir Path temp;

  @Test
  void knownChecksum() throws Exception {
    Path file = Files.writeString(temp.resolve("model.onnx"), "abc");

    assertEquals(
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        new ChecksumMemo(temp.resolve("cache")).sha256(file));
  }

  @Test
  void unchangedStampReusesTheRecordedChecksum() throws Exception {
    Path file = Files.writeString(temp.resolve("model.onnx"), "abc");
    FileTime stamp = Files.getLastModifiedTime(file);
    ChecksumMemo memo = new ChecksumMemo(temp.resolve("cache"));
    String recorded = memo.sha256(file);

    // Same size, same time: indistinguishable by its stamp, so the memo answers without reading.
    Files.writeString(file, "xyz");
    Files.setLastModifiedTime(file, stamp);

    assertEquals(recorded, memo.sha256(file));
  }

  @Test
  void changedFileIsReadAgain() throws Exception {
    Path file = Files.writeString(temp.resolve("model.onnx"), "abc");
    ChecksumMemo memo = new ChecksumMemo(temp.resolve("cache"));
    memo.sha256(file);

    Files.writeString(file, "abcd");
    Files.setLastModifiedTime(
        file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 2000));

    assertEquals(Checksums.sha256(file), memo.sha256(file));
  }
}
