package dev.attnviz.core.io;

import dev.attnviz.core.Tensor4D;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipException;

/**
 * One array of an {@code .npz} archive, its header read and its stream at the first data byte.
 * Reads the data straight into its destination, in C (row-major) or Fortran (column-major) order,
 * without an intermediate copy of the whole array. Not thread-safe; read once.
 */
final class NpyArray {

  /** Elements decoded per read when the order forces element-wise stores. */
  private static final int CHUNK_ELEMENTS = 8192;

  /** Per decoded string, beyond its characters: object headers, length, hash, array header. */
  private static final long STRING_OVERHEAD_BYTES = 64;

  private final String name;
  private final NpyHeader header;
  private final InputStream in;
  private final StoredSize stored;
  private long dataRead;

  /**
   * @param name the array's key, e.g. {@code "attention"}
   * @param header its header, already read from {@code in}
   * @param in the array's stream, at the first data byte
   * @param stored the array's size in the archive (header included)
   */
  NpyArray(String name, NpyHeader header, InputStream in, StoredSize stored) {
    this.name = name;
    this.header = header;
    this.in = in;
    this.stored = stored;
  }

  /** The key of the array in the archive, e.g. {@code "attention"}. */
  String name() {
    return name;
  }

  /** The array's file name in the archive, for messages, e.g. {@code "attention.npy"}. */
  String where() {
    return name + ".npy";
  }

  /** Whether the array's entry is compressed (deflated), so that it can only be copied. */
  boolean deflated() {
    return stored.deflated();
  }

  NpyHeader header() {
    return header;
  }

  /** Bytes of data the header declares, or -1 if that does not fit in a {@code long}. */
  long declaredDataBytes() {
    long count = header.elementCount();
    return count < 0 || count > Long.MAX_VALUE / header.dtype().itemSize()
        ? -1
        : count * header.dtype().itemSize();
  }

  /**
   * Fails if the archive holds less data than the header declares, so that a tiny file declaring a
   * huge shape is refused before anything is allocated for it. The entry's claimed size is only the
   * file's word; what its compressed bytes can unpack to is a bound the file cannot lie about.
   */
  void requireDeclaredData() throws InvalidFileException {
    long declared = declaredDataBytes();
    if (declared < 0) {
      throw new InvalidFileException(
          where() + " declares the shape " + header.shapeText() + ", too large to exist",
          "The file is damaged; save the array again");
    }
    if (stored.claimed() >= 0 && stored.claimed() - header.length() < declared) {
      throw truncated(Math.max(0, stored.claimed() - header.length()));
    }
    if (stored.unpackable() - header.length() < declared) {
      throw new InvalidFileException(
          where()
              + " declares shape "
              + header.shapeText()
              + " of '"
              + header.dtype().descr()
              + "' ("
              + declaredDataBytes()
              + " bytes of data), but the archive holds only "
              + stored.compressed()
              + " bytes for it, which "
              + (stored.deflated() ? "can unpack to at most " + stored.unpackable() : "is all")
              + " (its zip record claims "
              + stored.claimed()
              + ")",
          "The file is damaged or altered; save it again with numpy.savez");
    }
  }

  /**
   * The most heap that {@link #readStrings()} can take for this array, decoded strings and read
   * buffers together; -1 if the array does not hold strings or the number does not fit a long.
   */
  long stringMemoryBytes() {
    NpyDtype dtype = header.dtype();
    long count = header.elementCount();
    if (!dtype.isString() || count < 0) {
      return -1;
    }
    // A UTF-32 code point is at most two UTF-16 chars (4 bytes); a UTF-8 byte at most one char.
    long perString = (dtype.kind() == 'U' ? dtype.itemSize() : 2L * dtype.itemSize());
    perString += STRING_OVERHEAD_BYTES;
    // The read buffer, the builder and its copy into the string, for the one being decoded.
    long transientBytes = 3L * perString;
    return count > (Long.MAX_VALUE - transientBytes) / perString
        ? -1
        : count * perString + transientBytes;
  }

  /**
   * Reads float data into {@code builder}, whose shape must hold the same elements in the same
   * order once dimensions of size 1 are dropped (e.g. {@code (12, 1, 12, 8, 8)} into {@code [12,
   * 12, 8, 8]}).
   */
  void readFloats(Tensor4D.Builder builder, int d0, int d1, int d2, int d3)
      throws InvalidFileException, IOException {
    if (!header.dtype().isFloat()) {
      throw new InvalidFileException(
          where() + " holds '" + header.dtype().descr() + "' values, not floats",
          "Save it with .astype(np.float32)");
    }
    // Nothing to read. A shape such as (0, 1, 1, 500000000) must not size buffers by its rows.
    if (d0 == 0 || d1 == 0 || d2 == 0 || d3 == 0) {
      return;
    }
    if (header.fortranOrder()) {
      readColumnMajor(builder, d0, d1, d2, d3);
      return;
    }
    int itemSize = header.dtype().itemSize();
    // Rows longer than a chunk are read in pieces, so the buffers stay small whatever the row.
    int chunk = Math.min(d3, CHUNK_ELEMENTS);
    byte[] bytes = new byte[chunk * itemSize];
    float[] values = new float[chunk];
    for (int i0 = 0; i0 < d0; i0++) {
      for (int i1 = 0; i1 < d1; i1++) {
        for (int i2 = 0; i2 < d2; i2++) {
          for (int start = 0; start < d3; start += chunk) {
            int n = Math.min(chunk, d3 - start);
            ByteBuffer buffer = readData(bytes, n * itemSize);
            for (int k = 0; k < n; k++) {
              values[k] = decodeFloat(buffer, k * itemSize);
            }
            if (n == d3) {
              builder.setRow(i0, i1, i2, values, 0);
            } else {
              for (int k = 0; k < n; k++) {
                builder.set(i0, i1, i2, start + k, values[k]);
              }
            }
          }
        }
      }
    }
  }

  // Column-major: the first index runs fastest, so elements land far apart; store them one by one.
  private void readColumnMajor(Tensor4D.Builder builder, int d0, int d1, int d2, int d3)
      throws InvalidFileException, IOException {
    int itemSize = header.dtype().itemSize();
    long total = (long) d0 * d1 * d2 * d3;
    byte[] bytes = new byte[CHUNK_ELEMENTS * itemSize];
    int i0 = 0;
    int i1 = 0;
    int i2 = 0;
    int i3 = 0;
    for (long done = 0; done < total; ) {
      int n = (int) Math.min(CHUNK_ELEMENTS, total - done);
      ByteBuffer buffer = readData(bytes, n * itemSize);
      for (int k = 0; k < n; k++) {
        builder.set(i0, i1, i2, i3, decodeFloat(buffer, k * itemSize));
        if (++i0 == d0) {
          i0 = 0;
          if (++i1 == d1) {
            i1 = 0;
            if (++i2 == d2) {
              i2 = 0;
              i3++;
            }
          }
        }
      }
      done += n;
    }
  }

  private float decodeFloat(ByteBuffer buffer, int offset) {
    return switch (header.dtype().itemSize()) {
      case 2 -> halfToFloat(buffer.getShort(offset));
      case 4 -> buffer.getFloat(offset);
      default -> (float) buffer.getDouble(offset);
    };
  }

  /** Converts an IEEE 754 half-precision value (NumPy's float16) to float; exact. */
  static float halfToFloat(short bits) {
    int sign = (bits & 0x8000) << 16;
    int exponent = (bits >>> 10) & 0x1f;
    int mantissa = bits & 0x3ff;
    if (exponent == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
    }
    if (exponent == 0) {
      float subnormal = mantissa * 0x1p-24f;
      return sign == 0 ? subnormal : -subnormal;
    }
    // Rebias the exponent from 15 to 127 and widen the mantissa from 10 to 23 bits.
    return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
  }

  /** Fails unless the array holds strings. */
  void requireStrings() throws InvalidFileException {
    if (!header.dtype().isString()) {
      throw new InvalidFileException(
          where() + " holds '" + header.dtype().descr() + "' values, not strings",
          "Save tokens with np.array(tokens, dtype=str)");
    }
  }

  /**
   * Reads a 1-D array of strings ({@code U} as UTF-32, {@code S} as UTF-8), dropping the NUL
   * padding at the end of each element as NumPy does.
   */
  List<String> readStrings() throws InvalidFileException, IOException {
    requireStrings();
    NpyDtype dtype = header.dtype();
    long declared = header.elementCount();
    if (declared < 0 || declared > Integer.MAX_VALUE - 8) {
      throw new InvalidFileException(
          where() + " declares " + header.shapeText() + " strings, more than attnviz can hold",
          "Save one token per attention row");
    }
    int count = (int) declared;
    // Grown as strings arrive: an archive can overstate its data, so the count is not trusted yet.
    List<String> strings = new ArrayList<>(Math.min(count, 1024));
    byte[] bytes = new byte[dtype.itemSize()];
    for (int i = 0; i < count; i++) {
      ByteBuffer buffer = readData(bytes, bytes.length);
      strings.add(dtype.kind() == 'U' ? decodeUtf32(buffer, i) : decodeUtf8(bytes, i));
    }
    return strings;
  }

  private String decodeUtf32(ByteBuffer buffer, int index) throws InvalidFileException {
    int chars = buffer.limit() / 4;
    while (chars > 0 && buffer.getInt((chars - 1) * 4) == 0) {
      chars--;
    }
    StringBuilder text = new StringBuilder(chars);
    for (int c = 0; c < chars; c++) {
      int codePoint = buffer.getInt(c * 4);
      if (!Character.isValidCodePoint(codePoint)
          || (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE)) {
        throw new InvalidFileException(
            where()
                + " element "
                + index
                + " holds an invalid character (0x"
                + Integer.toHexString(codePoint)
                + ")",
            "The file is damaged; save the tokens again with np.array(tokens, dtype=str)");
      }
      text.appendCodePoint(codePoint);
    }
    return text.toString();
  }

  private String decodeUtf8(byte[] bytes, int index) throws InvalidFileException {
    int length = bytes.length;
    while (length > 0 && bytes[length - 1] == 0) {
      length--;
    }
    try {
      CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, 0, length));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new InvalidFileException(
          where() + " element " + index + " is not valid UTF-8 text",
          "Save tokens as unicode with np.array(tokens, dtype=str)",
          e);
    }
  }

  /** Reads a single integer (an integer or bool array with one element). */
  long readInteger() throws InvalidFileException, IOException {
    NpyDtype dtype = header.dtype();
    if (!(dtype.isInteger() || dtype.isBool()) || header.elementCount() != 1) {
      throw new InvalidFileException(
          where()
              + " must be one integer, but holds '"
              + dtype.descr()
              + "' values of shape "
              + header.shapeText(),
          "Save it as a plain Python int, e.g. np.savez(..., " + name + "=5)");
    }
    ByteBuffer buffer = readData(new byte[dtype.itemSize()], dtype.itemSize());
    long value =
        switch (dtype.itemSize()) {
          case 1 -> dtype.kind() == 'i' ? buffer.get(0) : buffer.get(0) & 0xffL;
          case 2 -> dtype.kind() == 'i' ? buffer.getShort(0) : buffer.getShort(0) & 0xffffL;
          case 4 -> dtype.kind() == 'i' ? buffer.getInt(0) : buffer.getInt(0) & 0xffff_ffffL;
          default -> buffer.getLong(0);
        };
    if (dtype.kind() == 'u' && dtype.itemSize() == 8 && value < 0) {
      throw new InvalidFileException(
          where() + " holds " + Long.toUnsignedString(value) + ", which is far too large",
          "Save a token index");
    }
    return value;
  }

  /** Reads a single bool (NumPy bool, or an integer 0 or 1). */
  boolean readBoolean() throws InvalidFileException, IOException {
    long value;
    try {
      value = readInteger();
    } catch (InvalidFileException e) {
      throw new InvalidFileException(
          where()
              + " must be one bool, but holds '"
              + header.dtype().descr()
              + "' values of shape "
              + header.shapeText(),
          "Save it as a plain Python bool, e.g. np.savez(..., " + name + "=True)",
          e);
    }
    if (value != 0 && value != 1) {
      throw new InvalidFileException(
          where() + " must be True or False (or 1 or 0), but is " + value,
          "Save it as a plain Python bool, e.g. np.savez(..., " + name + "=True)");
    }
    return value == 1;
  }

  /** Reads a single string (a string array with one element). */
  String readString() throws InvalidFileException, IOException {
    if (!header.dtype().isString() || header.elementCount() != 1) {
      throw new InvalidFileException(
          where()
              + " must be one string, but holds '"
              + header.dtype().descr()
              + "' values of shape "
              + header.shapeText(),
          "Save it as a plain Python str, e.g. np.savez(..., " + name + "=\"bert-base-uncased\")");
    }
    return readStrings().get(0);
  }

  private ByteBuffer readData(byte[] bytes, int length) throws InvalidFileException, IOException {
    int n;
    try {
      n = in.readNBytes(bytes, 0, length);
    } catch (EOFException | ZipException e) {
      // A deflated entry that is cut short or corrupt fails inside the inflater.
      throw new InvalidFileException(
          where() + " is damaged (" + InvalidFileException.detail(e) + ")",
          "Save the file again and make sure it is copied completely",
          e);
    }
    dataRead += n;
    if (n < length) {
      throw truncated(dataRead);
    }
    return ByteBuffer.wrap(bytes, 0, length).order(header.dtype().order());
  }

  private InvalidFileException truncated(long available) {
    return new InvalidFileException(
        where()
            + " is truncated: its header declares shape "
            + header.shapeText()
            + " of '"
            + header.dtype().descr()
            + "' ("
            + declaredDataBytes()
            + " bytes of data) but the data ends after "
            + available
            + " bytes",
        "Save the file again and make sure it is copied completely",
        new EOFException());
  }
}
