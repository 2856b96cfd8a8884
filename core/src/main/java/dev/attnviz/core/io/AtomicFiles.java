package dev.attnviz.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that its path holds either the earlier file or the complete new one, never a
 * half-written one: the content goes to a temporary file in the same folder, is forced to the disk,
 * and is then renamed over the target. A failure (a full disk, an error while producing the
 * content) leaves the earlier file untouched and no temporary file behind.
 *
 * <p>Only regular files are replaced: a folder, pipe or device at the path is refused, never
 * deleted. Missing folders are not created. Every failure is an {@link IOException} whose message
 * names the path and says what went wrong, fit for one line to a user. Thread-safe.
 */
public final class AtomicFiles {

  /** Produces the content of a file. */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the whole content to {@code out}; need not flush or close it.
     *
     * @param out the stream to write to, buffered by the caller
     * @throws IOException if the content cannot be produced or written
     */
    void writeTo(OutputStream out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code content} to {@code file}, replacing an earlier regular file there.
   *
   * @param file the file to write; its folder must exist
   * @param content writes the bytes; called once
   * @throws FileSystemException naming the path if something is in the way, the folder is missing
   *     or not writable, or writing fails (e.g. the disk is full)
   * @throws IOException if {@code content} fails; the earlier file is untouched either way
   */
  public static void write(Path file, Content content) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(content, "content");
    Path target = file.toAbsolutePath();
    requireReplaceable(target);
    Path temp = createSibling(target);
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
        content.writeTo(out);
        out.flush();
        // On the disk before the rename, so that a crash cannot leave an empty file in place.
        channel.force(false);
      } catch (FileSystemException e) {
        throw e;
      } catch (IOException e) {
        throw new FileSystemException(
            target.toString(),
            null,
            "could not be written ("
                + InvalidFileException.detail(innermost(e))
                + "); an earlier file there is unchanged");
      }
      moveOver(temp, target);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void requireReplaceable(Path target) throws IOException {
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      throw new FileSystemException(
          target.toString(), null, "is a folder; choose a file name (the folder was not touched)");
    }
    if (Files.exists(target) && !Files.isRegularFile(target)) {
      throw new FileSystemException(
          target.toString(),
          null,
          "is not a regular file but a pipe or device; choose a file name");
    }
    Path folder = target.getParent();
    if (folder == null || !Files.isDirectory(folder)) {
      throw new NoSuchFileException(
          String.valueOf(folder), null, "the folder to write into does not exist");
    }
  }

  /**
   * A new empty file beside {@code target}. Not {@link Files#createTempFile}: its files are private
   * to the owner (0600), and this one becomes the user's document, which should get the permissions
   * of any new file.
   */
  private static Path createSibling(Path target) throws IOException {
    while (true) {
      Path temp =
          target.resolveSibling(
              "."
                  + target.getFileName()
                  + "."
                  + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                  + ".part");
      try {
        Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return temp;
      } catch (FileAlreadyExistsException e) {
        // Another writer's name; draw again.
      } catch (AccessDeniedException e) {
        throw new AccessDeniedException(
            target.getParent().toString(), null, "cannot create files in this folder");
      } catch (FileSystemException e) {
        // E.g. a read-only file system: name the folder, not the temporary file.
        throw new FileSystemException(
            target.getParent().toString(),
            null,
            "cannot create files in this folder (" + e.getReason() + ")");
      }
    }
  }

  /**
   * The deepest I/O failure behind {@code e}: encoders such as the PNG writer wrap the system's
   * reason ("No space left on device") in their own ("I/O error writing PNG file!").
   */
  private static IOException innermost(IOException e) {
    IOException deepest = e;
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException io) {
        deepest = io;
      }
    }
    return deepest;
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
