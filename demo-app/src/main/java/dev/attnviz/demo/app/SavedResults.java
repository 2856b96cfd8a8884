package dev.attnviz.demo.app;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.io.AtomicFiles;
import dev.attnviz.core.io.AttentionFiles;
import dev.attnviz.core.io.AttentionJson;
import dev.attnviz.core.spi.CacheRoot;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The last computed result, kept on disk for the next start: one attnviz JSON file in the cache
 * folder, named by its {@link SavedResultKey}, so that a start whose remembered request has the
 * same key can show it before the model is open. Written atomically ({@link AtomicFiles}), at most
 * {@link #capBytes()} long (a larger result is not saved), and only one is kept. A missing file is
 * a plain miss; an unreadable one is reported by {@link #read} and never shown.
 *
 * <p>{@value #PROPERTY}{@code =false} turns it off. Thread-safe (the file system is the only
 * state).
 */
final class SavedResults {

  /** System property: {@code false} neither saves nor shows results across starts. */
  static final String PROPERTY = "attnviz.savedResult";

  /** The folder under the cache root. */
  static final String FOLDER = "saved-results";

  /** The largest file kept by default: a few hundred tokens with queries and keys. */
  static final long DEFAULT_CAP_BYTES = 64L << 20;

  private static final String PREFIX = "result-";
  private static final String SUFFIX = ".json";
  private static final System.Logger LOG = System.getLogger(SavedResults.class.getName());

  private final Path folder;
  private final long capBytes;

  /**
   * Results kept in {@code folder} (created when the first is saved), each at most {@code capBytes}
   * long; a null folder keeps nothing.
   */
  SavedResults(Path folder, long capBytes) {
    if (capBytes <= 0) {
      throw new IllegalArgumentException("capBytes must be positive, was " + capBytes);
    }
    this.folder = folder;
    this.capBytes = capBytes;
  }

  /** The app's store: {@code <cache root>/saved-results}, unless {@value #PROPERTY} is false. */
  static SavedResults standard() {
    boolean off = "false".equalsIgnoreCase(System.getProperty(PROPERTY, "").strip());
    return new SavedResults(off ? null : CacheRoot.root().resolve(FOLDER), DEFAULT_CAP_BYTES);
  }

  /** A store that keeps nothing. */
  static SavedResults off() {
    return new SavedResults(null, DEFAULT_CAP_BYTES);
  }

  /** {@return whether results are saved and shown at all} */
  boolean enabled() {
    return folder != null;
  }

  /** {@return the largest file saved, in bytes} */
  long capBytes() {
    return capBytes;
  }

  /** The saved file for {@code key}, if there is one: costs one {@code stat}, no reading. */
  Optional<Path> find(String key) {
    if (folder == null) {
      return Optional.empty();
    }
    Path file = fileOf(key);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  /**
   * Reads a file {@link #find} returned and checks that it holds a result of {@code backend}.
   *
   * @throws AttentionException with a message fit for one status line if it is damaged; the file is
   *     deleted then, so the next start does not try it again
   */
  AttentionData read(Path file, String backend) throws AttentionException {
    try {
      AttentionData data = AttentionFiles.read(file);
      if (!data.model().backend().equals(backend)) {
        throw new AttentionException(
            AttentionException.Reason.FILE_INVALID,
            "The saved result " + file + " was computed by another backend");
      }
      return data;
    } catch (AttentionException e) {
      deleteQuietly(file);
      throw e;
    }
  }

  /**
   * Saves {@code data} as the result of {@code key}, replacing the earlier saved result, unless it
   * would be longer than the cap: then nothing is written and the earlier file stays.
   *
   * @return whether it was saved
   * @throws IOException if the folder or file cannot be written (nothing half-written is left)
   */
  boolean save(String key, AttentionData data) throws IOException {
    Objects.requireNonNull(data, "data");
    if (folder == null) {
      return false;
    }
    Files.createDirectories(folder);
    Path file = fileOf(key);
    try {
      AtomicFiles.write(file, out -> AttentionJson.write(data, new Capped(out, capBytes)));
    } catch (OverCapException e) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "not saving the result for the next start: over {0} bytes",
          capBytes);
      return false;
    }
    removeAllBut(file);
    return true;
  }

  private Path fileOf(String key) {
    if (!key.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("not a SavedResultKey: " + key);
    }
    return folder.resolve(PREFIX + key + SUFFIX);
  }

  /** Keeps one result: the others (and temporary files of interrupted writes) go. */
  private void removeAllBut(Path keep) throws IOException {
    try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
      for (Path file : files) {
        if (!file.getFileName().equals(keep.getFileName()) && Files.isRegularFile(file)) {
          deleteQuietly(file);
        }
      }
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, "cannot delete " + file, e);
    }
  }

  /**
   * Thrown through the JSON writer when the cap is passed; the atomic write then leaves nothing. A
   * {@link FileSystemException}, which the atomic write passes on unwrapped.
   */
  private static final class OverCapException extends FileSystemException {
    private static final long serialVersionUID = 1L;

    OverCapException() {
      super("over the cap");
    }
  }

  /** Counts what passes and fails once more than the cap has been written. */
  private static final class Capped extends FilterOutputStream {
    private long left;

    Capped(OutputStream out, long cap) {
      super(out);
      this.left = cap;
    }

    @Override
    public void write(int b) throws IOException {
      take(1);
      out.write(b);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      take(length);
      out.write(bytes, offset, length);
    }

    private void take(long bytes) throws OverCapException {
      left -= bytes;
      if (left < 0) {
        throw new OverCapException();
      }
    }
  }
}
