package dev.attnviz.tensorflow;

import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Checks that every file and folder of a model folder can be read, before TensorFlow reads them:
 * TensorFlow reports a file it may not read only as a load failure, whose message gives no hint
 * that permissions are the problem. Opens each file (permission bits alone do not tell, e.g. for
 * root or with access control lists), without reading it.
 */
final class ReadableTree {

  /** Far more entries than a SavedModel has; stops the walk in a folder chosen by mistake. */
  private static final int MAX_ENTRIES = 10_000;

  private ReadableTree() {}

  /**
   * Checks {@code folder} and everything below it.
   *
   * @throws AttentionException with {@link Reason#MODEL_NOT_FOUND} naming the first file or folder
   *     that cannot be read
   */
  static void check(Path folder) throws AttentionException {
    int[] entries = {0};
    checkFolder(folder, entries);
  }

  private static void checkFolder(Path folder, int[] entries) throws AttentionException {
    List<Path> children;
    try (Stream<Path> listing = Files.list(folder)) {
      children = listing.limit(MAX_ENTRIES).toList();
    } catch (IOException e) {
      throw unreadable(folder, e);
    }
    for (Path child : children) {
      if (++entries[0] > MAX_ENTRIES) {
        return;
      }
      if (Files.isDirectory(child)) {
        checkFolder(child, entries);
      } else if (Files.isRegularFile(child)) {
        try {
          // Opening is what permissions govern; nothing needs to be read.
          Files.newInputStream(child).close();
        } catch (IOException e) {
          throw unreadable(child, e);
        }
      }
    }
  }

  private static AttentionException unreadable(Path path, IOException e) {
    String why =
        e instanceof AccessDeniedException
            ? "permission denied"
            : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new AttentionException(
        Reason.MODEL_NOT_FOUND,
        "Cannot read "
            + path.toAbsolutePath()
            + " ("
            + why
            + "). Make the model's files readable for this user (e.g. chmod -R a+rX on the model"
            + " folder), or copy the model to a folder you can read.",
        e);
  }
}
