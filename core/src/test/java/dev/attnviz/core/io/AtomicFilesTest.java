package dev.attnviz.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.attnviz.core.testing.SyntheticAttention;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write keeps the earlier file, leaves nothing behind and says why in one line. */
class AtomicFilesTest {

  @TempDir Path dir;

  @Test
  void writesAndReplaces() throws Exception {
    Path file = dir.resolve("out.csv");
    AtomicFiles.write(file, out -> out.write("first".getBytes(StandardCharsets.UTF_8)));
    AtomicFiles.write(file, out -> out.write("second".getBytes(StandardCharsets.UTF_8)));

    assertEquals("second", Files.readString(file));
    assertEquals(List.of(file), files());
  }

  /** The disk fills up halfway: what a full disk does to the stream, injected. */
  @Test
  void aFullDiskLeavesTheEarlierFileAndNoTemporaryOne() throws Exception {
    Path file = Files.writeString(dir.resolve("attention.json"), "the good file");

    FileSystemException e =
        assertThrows(
            FileSystemException.class,
            () ->
                AtomicFiles.write(
                    file,
                    out -> {
                      out.write(new byte[100_000]);
                      throw new IOException("No space left on device");
                    }));

    assertEquals(
        file
            + ": could not be written (No space left on device); an earlier file there is"
            + " unchanged",
        e.getMessage());
    assertEquals("the good file", Files.readString(file));
    assertEquals(List.of(file), files());
  }

  /** The PNG encoder wraps the system's reason in its own; the reason is what the user needs. */
  @Test
  void theSystemsReasonIsNamedThroughAnEncodersWrapping() throws Exception {
    Path file = dir.resolve("view.png");

    FileSystemException e =
        assertThrows(
            FileSystemException.class,
            () ->
                AtomicFiles.write(
                    file,
                    out -> {
                      throw new IOException(
                          "I/O error writing PNG file!",
                          new IOException("No space left on device"));
                    }));

    assertTrue(e.getMessage().contains("(No space left on device)"), e.getMessage());
    assertEquals(List.of(), files());
  }

  /** A render that fails midway (here a bug) must not cost the earlier picture either. */
  @Test
  void aFailureWhileProducingTheContentKeepsTheEarlierFile() throws Exception {
    Path file = Files.writeString(dir.resolve("view.png"), "the good picture");

    assertThrows(
        IllegalStateException.class,
        () ->
            AtomicFiles.write(
                file,
                out -> {
                  out.write(1);
                  throw new IllegalStateException("render failed");
                }));

    assertEquals("the good picture", Files.readString(file));
    assertEquals(List.of(file), files());
  }

  /** The case: a folder named x.png was deleted and replaced by the picture. */
  @Test
  void aFolderInTheWayIsRefusedAndKept() throws Exception {
    Path folder = Files.createDirectory(dir.resolve("x.png"));

    FileSystemException e =
        assertThrows(FileSystemException.class, () -> AtomicFiles.write(folder, out -> {}));

    assertTrue(
        e.getMessage().endsWith("is a folder; choose a file name (the folder was not touched)"));
    assertTrue(Files.isDirectory(folder));
  }

  @Test
  void aDeviceIsNeitherWrittenNorReplaced() {
    FileSystemException e =
        assertThrows(
            FileSystemException.class,
            () -> AtomicFiles.write(Path.of("/dev/full"), out -> out.write(1)));

    assertEquals(
        "/dev/full: is not a regular file but a pipe or device; choose a file name",
        e.getMessage());
  }

  @Test
  void aMissingFolderIsNamed() {
    Path missing = dir.resolve("no-such-folder");

    FileSystemException e =
        assertThrows(
            FileSystemException.class,
            () -> AtomicFiles.write(missing.resolve("out.svg"), out -> {}));

    assertEquals(missing + ": the folder to write into does not exist", e.getMessage());
  }

  @Test
  void attentionJsonIsWrittenThroughIt() throws Exception {
    Path file = Files.writeString(dir.resolve("data.json"), "earlier");
    Files.createDirectory(dir.resolve("folder.json"));

    assertThrows(
        FileSystemException.class,
        () -> AttentionJson.write(SyntheticAttention.single(false), dir.resolve("folder.json")));
    AttentionJson.write(SyntheticAttention.single(false), file);

    assertEquals(SyntheticAttention.single(false), AttentionJson.read(file));
  }

  private List<Path> files() throws IOException {
    try (Stream<Path> all = Files.list(dir)) {
      return all.sorted().toList();
    }
  }
}
