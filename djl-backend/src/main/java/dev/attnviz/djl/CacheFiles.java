package dev.attnviz.djl;

import dev.attnviz.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes cache files so that a reader, in this process or another, sees either no file or the
 * complete file. The writing is core's {@link AtomicFiles} (a temporary sibling renamed over the
 * target, so two processes writing the same entry both succeed and the last rename wins); a cache
 * entry's folder, unlike a user's output folder, is created when missing.
 */
final class CacheFiles {

  private CacheFiles() {}

  /** Writes {@code target} through a temporary sibling, creating parent folders as needed. */
  static void write(Path target, AtomicFiles.Content content) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    AtomicFiles.write(target, content);
  }
}
