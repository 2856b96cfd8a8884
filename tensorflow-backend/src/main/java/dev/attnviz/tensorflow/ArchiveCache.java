package dev.attnviz.tensorflow;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Unpacks a zip archive once into a cache folder and hands out the folder afterwards.
 *
 * <p>Safe when several threads or processes start at once: the work happens under a lock file next
 * to the folder, into a temporary folder that is renamed into place only when complete, so a reader
 * never sees a half-written model and a crash leaves no damaged folder behind. A marker file inside
 * the folder records every file's size; a folder whose files are missing or have other sizes is
 * unpacked again.
 */
final class ArchiveCache {

  /** Name of the marker file written last into a complete folder. */
  static final String MARKER = ".attnviz-unpacked.properties";

  /** Opens the archive to unpack; called only when the cache folder is missing or damaged. */
  @FunctionalInterface
  interface ArchiveSource {
    /** Returns a fresh stream of the zip archive. */
    InputStream open() throws IOException;
  }

  /** Changes the freshly unpacked files once, before the folder is marked complete. */
  @FunctionalInterface
  interface Preparation {
    /** Does nothing. */
    Preparation NONE = folder -> {};

    /** Prepares the files in {@code folder} (not yet in its final place). */
    void prepare(Path folder) throws IOException;
  }

  // FileLock is per process: threads of one JVM must also be kept apart, or the second one to
  // ask for the file lock gets an OverlappingFileLockException instead of waiting.
  private static final Map<Path, ReentrantLock> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();

  private ArchiveCache() {}

  /**
   * Returns {@code target}, unpacking {@code source} into it first unless it already holds a
   * complete copy.
   *
   * @param target the folder to fill; its parent is created if needed
   * @param source the archive
   * @param preparation applied to the unpacked files before they are marked complete
   * @param onUnpack called (before the work) only if the archive must be unpacked
   * @throws IOException if the archive cannot be read, the preparation fails or the folder cannot
   *     be written
   */
  static Path ensureUnpacked(
      Path target, ArchiveSource source, Preparation preparation, Runnable onUnpack)
      throws IOException {
    Path folder = target.toAbsolutePath().normalize();
    if (isComplete(folder)) {
      return folder;
    }
    Path parent = folder.getParent();
    Files.createDirectories(parent);
    ReentrantLock threadLock = IN_PROCESS_LOCKS.computeIfAbsent(folder, f -> new ReentrantLock());
    threadLock.lock();
    try (FileChannel lockFile =
        FileChannel.open(
            parent.resolve(folder.getFileName() + ".lock"),
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE)) {
      // Closing the channel releases the lock.
      lockFile.lock();
      // Another thread or process may have finished while this one waited for the lock.
      if (isComplete(folder)) {
        return folder;
      }
      onUnpack.run();
      removeLeftovers(folder);
      Path temporary = Files.createTempDirectory(parent, temporaryPrefix(folder));
      try {
        try (InputStream archive = source.open()) {
          ZipUnpacker.unpack(archive, temporary);
        }
        preparation.prepare(temporary);
        writeMarker(temporary, sizesOf(temporary));
        Files.move(temporary, folder, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException | RuntimeException e) {
        deleteRecursively(temporary);
        throw e;
      }
      return folder;
    } finally {
      threadLock.unlock();
    }
  }

  /**
   * Whether {@code folder} holds a marker and every file it lists, with the listed size.
   *
   * @throws IOException only for unexpected failures reading the marker
   */
  static boolean isComplete(Path folder) throws IOException {
    Path marker = folder.resolve(MARKER);
    if (!Files.isRegularFile(marker)) {
      return false;
    }
    Properties sizes = new Properties();
    try (Reader reader = Files.newBufferedReader(marker, StandardCharsets.UTF_8)) {
      sizes.load(reader);
    }
    if (sizes.isEmpty()) {
      return false;
    }
    for (String name : sizes.stringPropertyNames()) {
      Path file = folder.resolve(name);
      try {
        if (Files.size(file) != Long.parseLong(sizes.getProperty(name))) {
          return false;
        }
      } catch (NoSuchFileException | NumberFormatException e) {
        return false;
      }
    }
    return true;
  }

  /** The size of every file under {@code folder}, by relative path with {@code /} separators. */
  private static Map<String, Long> sizesOf(Path folder) throws IOException {
    Map<String, Long> sizes = new TreeMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        sizes.put(folder.relativize(file).toString().replace('\\', '/'), Files.size(file));
      }
    }
    return sizes;
  }

  private static String temporaryPrefix(Path folder) {
    return "." + folder.getFileName() + ".unpacking-";
  }

  private static void writeMarker(Path folder, Map<String, Long> sizes) throws IOException {
    Properties properties = new Properties();
    sizes.forEach((name, size) -> properties.setProperty(name, Long.toString(size)));
    try (Writer writer = Files.newBufferedWriter(folder.resolve(MARKER), StandardCharsets.UTF_8)) {
      properties.store(writer, "files unpacked by attnviz and their sizes in bytes");
    }
  }

  /** Deletes a damaged folder and temporary folders of interrupted runs; call under the lock. */
  private static void removeLeftovers(Path folder) throws IOException {
    deleteRecursively(folder);
    try (DirectoryStream<Path> stale =
        Files.newDirectoryStream(folder.getParent(), temporaryPrefix(folder) + "*")) {
      for (Path path : stale) {
        deleteRecursively(path);
      }
    }
  }

  static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    Files.walkFileTree(
        path,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
