package dev.attnviz.djl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes cache files so that a reader, in this process or another, sees either no file or the
 * complete file: the content goes to a temporary file in the same folder, which is then renamed
 * over the target. Two processes writing the same entry at once both succeed; the last rename wins.
 */
final class AtomicFiles {

  /** Writes the content of one file. */
  @FunctionalInterface
  interface Writer {
    /** Writes the whole content to {@code out}. */
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code target} through a temporary sibling, creating parent folders as needed. */
  static void write(Path target, Writer writer) throws IOException {
    Path folder = target.toAbsolutePath().getParent();
    Files.createDirectories(folder);
    Path temp = Files.createTempFile(folder, target.getFileName() + ".", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        writer.writeTo(out);
      }
      moveOver(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void moveOver(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Same folder, so this only happens on unusual file systems; a plain replace is the best
      // left.
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
