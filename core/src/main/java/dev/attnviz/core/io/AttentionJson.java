package dev.attnviz.core.io;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Saves and loads attention data as JSON, in the versioned format of {@code docs/FORMAT.md}:
 *
 * <pre>{@code
 * {"format": "attnviz", "version": 1,
 *  "model": {"name": "bert-base-uncased", "backend": "tensorflow", "causal": false},
 *  "sentenceBStart": null,
 *  "attention": [{"kind": "self", "queryTokens": [...], "keyTokens": [...],
 *                 "weights": [[[[...]]]], "queries": [[[[...]]]], "keys": [[[[...]]]]}]}
 * }</pre>
 *
 * <p>Both directions stream: writing emits one number at a time; reading walks the file twice
 * (structure first, then numbers straight into the result), so a file is never held in memory and
 * the numbers are held once. Floats round-trip exactly. All methods are thread-safe.
 */
public final class AttentionJson {

  /** The value of the top-level {@code "format"} field. */
  public static final String FORMAT_NAME = JsonFormat.FORMAT_NAME;

  /** The format version this class writes and the newest it reads. */
  public static final int VERSION = JsonFormat.VERSION;

  private AttentionJson() {}

  /**
   * Reads a JSON attention file.
   *
   * @throws AttentionException with {@link AttentionException.Reason#FILE_INVALID} and a message
   *     naming the file, what is wrong (with the JSON path, e.g. {@code
   *     attention[0].weights[3][1]}) and what to do, if the file is missing, malformed, of another
   *     version, inconsistent or too large for the free memory
   */
  public static AttentionData read(Path file) throws AttentionException {
    return read(file, MemoryBudget.RUNTIME);
  }

  static AttentionData read(Path file, MemoryBudget budget) throws AttentionException {
    return AttentionFiles.guarded(file, () -> new JsonAttentionReader(budget).read(file));
  }

  /**
   * Writes {@code data} to {@code file} as UTF-8 JSON. The file is written under a temporary name
   * and then moved into place, so a failed write never leaves a half-written file behind.
   *
   * @throws IOException if the file cannot be written
   */
  public static void write(AttentionData data, Path file) throws IOException {
    Objects.requireNonNull(data, "data");
    Path target = file.toAbsolutePath();
    Path temp = null;
    try {
      OutputStream created = null;
      while (created == null) {
        temp =
            target.resolveSibling(
                target.getFileName()
                    + "."
                    + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36)
                    + ".part");
        try {
          // Not Files.createTempFile: its files are private to the owner (0600), and this one
          // becomes the user's document, which should get the permissions of any new file.
          created = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
          temp = null;
        }
      }
      try (OutputStream out = new BufferedOutputStream(created, 1 << 16)) {
        write(data, out);
      }
      try {
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      if (temp != null) {
        Files.deleteIfExists(temp);
      }
    }
  }

  /**
   * Writes {@code data} to {@code out} as UTF-8 JSON. Flushes but does not close {@code out}.
   *
   * @throws IOException if {@code out} fails
   */
  public static void write(AttentionData data, OutputStream out) throws IOException {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(out, "out");
    JsonAttentionWriter.write(data, out);
  }
}
