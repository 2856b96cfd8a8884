package dev.attnviz.core.io;

import dev.attnviz.core.AttentionData;
import dev.attnviz.core.AttentionException;
import dev.attnviz.core.AttentionException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Opens an attention data file of any supported format, chosen by its content (not its name):
 *
 * <ul>
 *   <li>attnviz JSON ({@link AttentionJson});
 *   <li>a NumPy {@code .npz} archive as written by {@code numpy.savez} or {@code
 *       numpy.savez_compressed}, with the arrays described in {@code docs/FORMAT.md}; its tokens
 *       may come from a separate text file.
 * </ul>
 *
 * <p>Every failure is an {@link AttentionException} with {@link Reason#FILE_INVALID} whose message
 * names the file, says what is wrong and what to do. Bad files never exhaust memory: declared sizes
 * are checked against the free heap before anything large is allocated. Thread-safe.
 */
public final class AttentionFiles {

  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
  private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};
  private static final byte[] NPY_MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b};
  private static final byte[] UTF8_BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
  private static final int SNIFF_BYTES = 4096;

  /** The characters a JSON text can start with. */
  private static final String JSON_STARTS = "{[\"-0123456789tfn";

  private AttentionFiles() {}

  /**
   * Reads an attnviz JSON file or a NumPy {@code .npz} archive that carries its own tokens.
   *
   * @param file a {@code .json} or {@code .npz} file; the extension does not matter, the content is
   *     recognised
   * @return the attention the file holds
   * @throws AttentionException with {@link Reason#FILE_INVALID} if the file cannot be read
   */
  public static AttentionData read(Path file) throws AttentionException {
    return read(file, null, MemoryBudget.RUNTIME);
  }

  /**
   * Reads a NumPy {@code .npz} archive whose tokens are in a separate UTF-8 text file, one token
   * per line (empty lines at the end are ignored).
   *
   * @param file a {@code .npz} archive without tokens
   * @param tokensFile the tokens of the archive's axes, one per line
   * @return the attention the files hold
   * @throws AttentionException with {@link Reason#FILE_INVALID} if either file cannot be read, if
   *     {@code file} is JSON (which carries its own tokens), or if the archive has tokens too
   */
  public static AttentionData read(Path file, Path tokensFile) throws AttentionException {
    return read(file, Objects.requireNonNull(tokensFile, "tokensFile"), MemoryBudget.RUNTIME);
  }

  static AttentionData read(Path file, Path tokensFile, MemoryBudget budget)
      throws AttentionException {
    return guarded(
        file,
        () -> {
          if (isNpz(file)) {
            return new NpzReader(budget).read(file, tokensFile);
          }
          if (tokensFile != null) {
            throw new InvalidFileException(
                "a tokens file was given, but JSON files carry their own tokens",
                "Open the JSON file without a tokens file");
          }
          return new JsonAttentionReader(budget).read(file);
        });
  }

  /** A read that reports problems as {@link InvalidFileException}. */
  @FunctionalInterface
  interface FileRead {
    AttentionData read() throws InvalidFileException, IOException;
  }

  /**
   * Runs {@code read} on {@code file}, turning every failure into an {@link AttentionException}.
   */
  static AttentionData guarded(Path file, FileRead read) throws AttentionException {
    Objects.requireNonNull(file, "file");
    try {
      // An empty path resolves to the working folder; it names no file at all.
      if (file.toString().isEmpty()) {
        throw new InvalidFileException("the path is empty", "Name an attention file");
      }
      if (Files.isDirectory(file)) {
        throw new InvalidFileException("it is a folder", "Choose a file");
      }
      if (!Files.exists(file)) {
        throw new InvalidFileException("it does not exist", "Check the path");
      }
      requireRegularFile(file, "Save it to a file first and open that file");
      return read.read();
    } catch (InvalidFileException e) {
      throw e.toAttentionException(file);
    } catch (NoSuchFileException e) {
      throw new InvalidFileException("it does not exist", "Check the path", e)
          .toAttentionException(file);
    } catch (IOException e) {
      throw new InvalidFileException(
              "it cannot be read (" + InvalidFileException.detail(e) + ")",
              "Check that the file exists and is readable",
              e)
          .toAttentionException(file);
    }
  }

  /**
   * Fails for a pipe, FIFO, socket or device, before it is opened: opening a FIFO that nothing
   * writes to blocks forever, a pipe can be read only once (and format detection reads first), and
   * a device such as {@code /dev/zero} never ends. Looking costs one {@code stat}.
   */
  static void requireRegularFile(Path file, String advice)
      throws InvalidFileException, IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    if (!attributes.isRegularFile()) {
      throw new InvalidFileException(
          "it is not a regular file but a pipe, FIFO or device, which attnviz does not read"
              + " (it could wait forever or be read only once)",
          advice);
    }
  }

  /** Whether the content is a zip archive; fails for content that is neither zip nor JSON. */
  private static boolean isNpz(Path file) throws InvalidFileException, IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF_BYTES);
    }
    if (head.length == 0) {
      throw new InvalidFileException(
          "the file is empty", "Choose a file saved by attnviz or numpy");
    }
    if (startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC)) {
      return true;
    }
    if (startsWith(head, NPY_MAGIC)) {
      throw new InvalidFileException(
          "it is a single NumPy array (.npy), which has no room for the tokens",
          "Save the attention and the tokens together with np.savez (see docs/FORMAT.md)");
    }
    if (startsWith(head, GZIP_MAGIC)) {
      throw new InvalidFileException(
          "it is compressed with gzip", "Unpack it first (gunzip), then open the result");
    }
    int start = startsWith(head, UTF8_BOM) ? UTF8_BOM.length : 0;
    while (start < head.length && Character.isWhitespace(head[start])) {
      start++;
    }
    if (start == head.length || JSON_STARTS.indexOf(head[start]) < 0) {
      throw new InvalidFileException(
          "it is neither attnviz JSON nor a NumPy .npz archive (it starts with bytes "
              + HexFormat.ofDelimiter(" ").formatHex(head, 0, Math.min(8, head.length))
              + ")",
          "Choose a .json file saved by attnviz or an .npz file saved by numpy.savez");
    }
    return false;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
