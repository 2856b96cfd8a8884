package dev.attnviz.core.io;

import java.nio.ByteOrder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The element type of a NumPy array, from the {@code descr} of its header: byte order ({@code <}
 * little-endian, {@code >} big-endian, {@code |} not applicable), kind and size, e.g. {@code <f4},
 * {@code >f8}, {@code |b1}, {@code <U7} (7 UTF-32 characters), {@code |S5} (5 bytes).
 *
 * @param descr the descr string as written
 * @param kind NumPy's kind character: {@code f} float, {@code i} signed, {@code u} unsigned
 *     integer, {@code b} bool, {@code U} unicode, {@code S} bytes
 * @param itemSize bytes per element
 * @param order byte order of multi-byte elements
 */
record NpyDtype(String descr, char kind, int itemSize, ByteOrder order) {

  private static final Pattern DESCR = Pattern.compile("([<>|])([a-zA-Z])(\\d{0,9})");

  /** Longest string element read, in bytes: far beyond any token, small enough to buffer. */
  static final int MAX_STRING_BYTES = 1 << 22;

  /**
   * Parses a descr string.
   *
   * @param where the array, for messages, e.g. {@code "tokens.npy"}
   * @throws InvalidFileException for object arrays, structured and unsupported types
   */
  static NpyDtype parse(String descr, String where) throws InvalidFileException {
    Matcher m = DESCR.matcher(descr);
    if (!m.matches()) {
      throw new InvalidFileException(
          where + " has the data type '" + descr + "', which attnviz does not read",
          "Save attention as float32 or float64 and tokens as strings (see docs/FORMAT.md)");
    }
    char order = m.group(1).charAt(0);
    char kind = m.group(2).charAt(0);
    int count = m.group(3).isEmpty() ? -1 : Integer.parseInt(m.group(3));
    if (kind == 'O') {
      throw new InvalidFileException(
          where
              + " holds Python objects (data type '"
              + descr
              + "'), which attnviz never unpickles",
          "Save tokens with np.array(tokens, dtype=str) and numbers as float arrays");
    }
    int itemSize =
        switch (kind) {
          case 'f' -> count == 2 || count == 4 || count == 8 ? count : -1;
          case 'i', 'u' -> count == 1 || count == 2 || count == 4 || count == 8 ? count : -1;
          case 'b' -> count == 1 ? 1 : -1;
          case 'U' -> count >= 1 && count <= MAX_STRING_BYTES / 4 ? count * 4 : -1;
          case 'S' -> count >= 1 && count <= MAX_STRING_BYTES ? count : -1;
          default -> -1;
        };
    if (itemSize < 0 || (order == '|' && itemSize > 1 && kind != 'S')) {
      throw new InvalidFileException(
          where + " has the data type '" + descr + "', which attnviz does not read",
          "Save attention as float32 or float64 and tokens as strings (see docs/FORMAT.md)");
    }
    return new NpyDtype(
        descr, kind, itemSize, order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
  }

  /** Whether this is float16, float32 or float64. */
  boolean isFloat() {
    return kind == 'f';
  }

  /** Whether this is a signed or unsigned integer. */
  boolean isInteger() {
    return kind == 'i' || kind == 'u';
  }

  /** Whether this is NumPy's bool. */
  boolean isBool() {
    return kind == 'b';
  }

  /** Whether this is a string type: unicode ({@code U}) or bytes ({@code S}). */
  boolean isString() {
    return kind == 'U' || kind == 'S';
  }
}
