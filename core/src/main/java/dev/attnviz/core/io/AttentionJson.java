package dev.attnviz.core.io;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Objects;

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
   * @param file the JSON file to read
   * @return the attention the file holds
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
   * and then moved into place ({@link AtomicFiles}), so a failed write never leaves a half-written
   * file behind and leaves an earlier file at that path untouched.
   *
   * @param data the attention to write; not null
   * @param file the file to create or replace; its folder must exist
   * @throws IOException naming the path if the file cannot be written
   * @throws IllegalArgumentException if a head has invalid values ({@link
   *     dev.attnviz.core.Attention#problem}, possible for a large dump checked when looked at);
   *     nothing is written
   */
  public static void write(AttentionData data, Path file) throws IOException {
    Objects.requireNonNull(data, "data");
    data.attentions().forEach(dev.attnviz.core.Attention::requireValidValues);
    AtomicFiles.write(file, out -> write(data, out));
  }

  /**
   * Writes {@code data} to {@code out} as UTF-8 JSON. Flushes but does not close {@code out}.
   *
   * @param data the attention to write; not null
   * @param out the stream to write to; not null
   * @throws IOException if {@code out} fails
   * @throws IllegalArgumentException if a head has invalid values ({@link
   *     dev.attnviz.core.Attention#problem}); nothing is written
   */
  public static void write(AttentionData data, OutputStream out) throws IOException {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(out, "out");
    data.attentions().forEach(dev.attnviz.core.Attention::requireValidValues);
    JsonAttentionWriter.write(data, out);
  }
}
